import type { APIRoute } from "astro";
import { getKeysDocument } from "../site/publishedKeys";

/** Every key as JSON (fields in docs/data.md); also what the search index is built from. */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(await getKeysDocument(site), null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
