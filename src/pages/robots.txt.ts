import type { APIRoute } from "astro";
import { withBase } from "../site/url";

/**
 * Everything may be crawled. The sitemap (built only with SITE_URL: its addresses must be
 * absolute) is named here when it exists.
 */
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n${site ? `\nSitemap: ${new URL(withBase("sitemap-index.xml"), site).href}\n` : ""}`,
    { headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
