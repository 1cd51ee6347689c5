import type { APIRoute } from "astro";
import { keyRecords } from "../lib/keyRecords";
import { REVISIONS, SOURCE_PAGE } from "../lib/sources";
import { getFamilies } from "../utils/families";
import { withBase } from "../utils/url";

/** Every key as data; also the input of the search index (src/integrations/searchIndex.ts). */
export const GET: APIRoute = async ({ site }) => {
  const records = keyRecords(await getFamilies());
  const keys = records.map((record) => ({
    ...record,
    url: new URL(withBase(record.path), site).href,
  }));
  const body = { source: { ...SOURCE_PAGE, revisions: REVISIONS }, keys };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
