import type { APIRoute } from "astro";
import { getHostKeys } from "../site/kmsHosts";

/** The host-key tables as JSON (each file of content/kms-hosts/); the search box reads it too. */
export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify({ tables: (await getHostKeys()).map((entry) => entry.data) }, null, 2),
    { headers: { "Content-Type": "application/json; charset=utf-8" } },
  );
