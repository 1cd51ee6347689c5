import type { APIRoute } from "astro";
import { getErrorsDocument } from "../site/errors";

/** Every activation error code as JSON (fields in docs/content.md); the search box reads it too. */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(await getErrorsDocument(site), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
