/**
 * Crawls a built site through the server from its home page: every internal link and
 * asset must answer 200 and every #anchor must exist on its page. External links are
 * collected, not fetched.
 */
import type { APIRequestContext, Page } from "@playwright/test";

export interface CrawlReport {
  pages: string[];
  broken: string[];
  external: string[];
}

export async function crawl(
  page: Page,
  request: APIRequestContext,
  start: string,
): Promise<CrawlReport> {
  const origin = new URL(start).origin;
  const report: CrawlReport = { pages: [], broken: [], external: [] };
  const queue = [start];
  const seen = new Set<string>();
  const ids = new Map<string, Set<string>>();
  const anchors: { from: string; page: string; id: string }[] = [];
  const status = new Map<string, number>();

  while (queue.length > 0) {
    const url = queue.shift() as string; // without query string or #anchor
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    if (!response?.ok()) {
      report.broken.push(`${url}: ${response?.status() ?? "no response"}`);
      continue;
    }
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    report.pages.push(url);
    ids.set(url, new Set(await page.locator("[id]").evaluateAll((els) => els.map((el) => el.id))));
    const targets = await page
      .locator("a[href], link[href], script[src], img[src]")
      .evaluateAll((els) =>
        els.map((el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src),
      );
    for (const target of targets) {
      const link = new URL(target);
      if (link.origin !== origin) {
        if (!report.external.includes(link.href)) report.external.push(link.href);
        continue;
      }
      const pageUrl = link.href.replace(/#.*$/, "");
      if (link.hash)
        anchors.push({
          from: url,
          page: link.origin + link.pathname,
          id: decodeURIComponent(link.hash.slice(1)),
        });
      // A page is visited once: `/activate/?edition=…` links are that one page with other state.
      if (/\/$|\.html$/.test(link.pathname)) queue.push(link.origin + link.pathname);
      else if (!status.has(pageUrl)) status.set(pageUrl, (await request.get(pageUrl)).status());
    }
  }
  for (const [url, code] of status) if (code !== 200) report.broken.push(`${url}: ${code}`);
  for (const { from, page: target, id } of anchors) {
    if (!ids.get(target)?.has(id)) report.broken.push(`${from} → ${target}#${id}: no such anchor`);
  }
  report.external.sort();
  return report;
}
