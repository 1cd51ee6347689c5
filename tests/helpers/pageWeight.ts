/**
 * What a page costs on first load, as the browser received it: bytes on the wire (the
 * static server gzips text), split by kind, and the number of requests.
 */
import type { Page, Request } from "@playwright/test";

export interface PageWeight {
  /** Everything the first load fetched, as transferred (gzip where the server compresses). */
  bytes: number;
  /** The JavaScript part of `bytes`. */
  jsBytes: number;
  requests: number;
  /** URLs of web fonts fetched (there should be none). */
  fonts: string[];
  /** Path → transferred bytes, for reports. */
  files: Record<string, number>;
}

export async function measureFirstLoad(page: Page, url: string): Promise<PageWeight> {
  const finished: Request[] = [];
  const onFinished = (request: Request) => finished.push(request);
  page.on("requestfinished", onFinished);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("requestfinished", onFinished);
  const weight: PageWeight = {
    bytes: 0,
    jsBytes: 0,
    requests: finished.length,
    fonts: finished.filter((r) => r.resourceType() === "font").map((r) => r.url()),
    files: {},
  };
  for (const request of finished) {
    const { responseBodySize } = await request.sizes();
    const path = new URL(request.url()).pathname;
    weight.bytes += responseBodySize;
    weight.files[path] = responseBodySize;
    if (request.resourceType() === "script" || path.endsWith(".js"))
      weight.jsBytes += responseBodySize;
  }
  return weight;
}

/**
 * The page budgets: per page, on first load, as transferred (gzip). The all-keys page is the
 * one page that lists every key, so it grows with Microsoft's list: by its rows only, each at
 * most `perKeyRow`, on top of `allKeysWithoutRows`.
 */
export const BUDGET = {
  bytes: 20 * 1024,
  jsBytes: 4 * 1024,
  allKeysWithoutRows: 14 * 1024,
  perKeyRow: 55,
} as const;
