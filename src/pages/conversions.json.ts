import type { APIRoute } from "astro";
import { getEditionUpgrades, getServerConversion } from "../site/conversions";

/** The conversion files as JSON (content/edition-upgrades/, content/server-conversions/); the search box reads it. */
export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify(
      { upgrades: (await getEditionUpgrades()).data, server: await getServerConversion() },
      null,
      2,
    ),
    { headers: { "Content-Type": "application/json; charset=utf-8" } },
  );
