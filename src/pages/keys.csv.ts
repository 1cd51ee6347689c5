import type { APIRoute } from "astro";
import { keysCsv } from "../lib/keys/keyDownloads";
import { getKeysDocument } from "../site/publishedKeys";

/** Every key as CSV, one row per key (columns in docs/data.md). */
export const GET: APIRoute = async ({ site }) =>
  new Response(keysCsv(await getKeysDocument(site)), {
    headers: { "Content-Type": "text/csv; charset=utf-8; header=present" },
  });
