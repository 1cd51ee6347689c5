/**
 * What a page costs on first load, as the browser received it: bytes on the wire (the
 * static server gzips text), split by kind, and the number of requests.
 */
import { expect, type Page, type Request } from "@playwright/test";
import { scriptsRan } from "../e2e/fixtures";

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
  let started = 0;
  let failed = 0;
  const onRequest = () => started++;
  const onFinished = (request: Request) => finished.push(request);
  const onFailed = () => failed++;
  page.on("request", onRequest);
  page.on("requestfinished", onFinished);
  page.on("requestfailed", onFailed);
  await page.goto(url, { waitUntil: "networkidle" });
  // The scripts start after the first paint, which a busy machine may put past the network's
  // first idle moment: wait for them to have run, and for every request to have ended.
  await scriptsRan(page);
  await expect.poll(() => finished.length + failed).toBe(started);
  page.off("request", onRequest);
  page.off("requestfinished", onFinished);
  page.off("requestfailed", onFailed);
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
 * most `perKeyRow`, on top of `allKeysWithoutRows`. The site's budgets are 20 KB and 4 KB of
 * JavaScript; the tests hold every page to 18 KB and 3.5 KB, in today's build and the doubled
 * one, so that a change eating the margin fails here before it breaks the budget.
 */
export const BUDGET = {
  bytes: 18 * 1024,
  jsBytes: 3.5 * 1024,
  allKeysWithoutRows: 14 * 1024,
  perKeyRow: 55,
  /** What the first search downloads (Pagefind, our scripts, the index, the rows' fields). */
  firstSearch: 90 * 1024,
} as const;

/**
 * What a first search for `query` in the search box of the page loaded in `page` downloads,
 * as transferred: everything from the query's arrival (one input, as a paste or a quick
 * typist's last keystroke leaves it) until its answer is drawn and the network is idle. Sizes are the server's Content-Length (gzip where it compresses): Chromium reports
 * no body size for some of Pagefind's fetches.
 */
export async function measureFirstSearch(
  page: Page,
  query: string,
): Promise<{ bytes: number; files: Record<string, number> }> {
  const files: Record<string, number> = {};
  const sizes: Promise<void>[] = [];
  const onFinished = (request: Request) => {
    sizes.push(
      (async () => {
        const response = await request.response();
        const length = Number(response?.headers()["content-length"] ?? NaN);
        const size = Number.isNaN(length) ? (await request.sizes()).responseBodySize : length;
        files[new URL(request.url()).pathname] = size;
      })(),
    );
  };
  page.on("requestfinished", onFinished);
  const box = page.getByRole("searchbox", { name: "Search KMS client keys" });
  await box.focus(); // loads the search, as a visitor's first look at the box does
  await box.fill(query);
  await page.waitForFunction(
    (typed) =>
      document.querySelector<HTMLElement>("#kms-search-results")?.dataset["query"] === typed,
    query,
  );
  await page.waitForLoadState("networkidle");
  page.off("requestfinished", onFinished);
  await Promise.all(sizes);
  return { bytes: Object.values(files).reduce((sum, size) => sum + size, 0), files };
}
