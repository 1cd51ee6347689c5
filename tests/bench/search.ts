/**
 * `npm run bench:search`: how fast the search box answers, on the built site served locally.
 * Prints figures; asserts nothing (timings vary from machine to machine). Served gzipped, as a host would.
 *
 * - warm: Pagefind already loaded; from the last keystroke to the expected key painted.
 * - cold: a fresh page and empty cache; typing starts at once, so the wait includes loading Pagefind.
 * - bytes: what the first search downloads, gzip-compressed as a server would send it.
 */
import { chromium, type Browser, type Page, type Request } from "@playwright/test";
import { chromiumLaunchOptions } from "../helpers/browser";
import { readSearchCases, type SearchCase } from "../helpers/searchQueries";
import { percentile, serveDist } from "./serveDist";

const PORT = Number(process.env["BENCH_PORT"] ?? 4339);
const PAGE = "/windows-server/";
const COLD_RUNS = 15;
/** A quick typist's pace; loading overlaps typing as it does for people. */
const TYPING_MS = 100;

/** Types `query` into the box and resolves with ms from its last keystroke to `key` painted. */
async function timeSearch(
  page: Page,
  { query, expectedKey }: SearchCase,
  keystrokeDelay = 0,
): Promise<number> {
  await page.evaluate(
    ({ query, expectedKey }) => {
      const w = window as unknown as { benchResult?: Promise<number> };
      const input = document.querySelector<HTMLInputElement>("#kms-search-input");
      const panel = document.querySelector<HTMLElement>("#kms-search-results");
      if (!input || !panel) throw new Error("no search box");
      let lastKey = 0;
      input.addEventListener("keydown", () => (lastKey = performance.now()));
      // No named inner functions: tsx would wrap them in a helper the page does not have.
      w.benchResult = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          const keys = [...panel.querySelectorAll("[data-key]")];
          const shown = keys.some((k) => k.textContent === expectedKey);
          if (panel.dataset["query"] !== query || !shown || panel.hidden) return;
          observer.disconnect();
          // The frame after the DOM change is when the key is on screen.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - lastKey), 0));
        });
        observer.observe(panel, { subtree: true, childList: true, attributes: true });
      });
    },
    { query, expectedKey },
  );
  await page.locator("#kms-search-input").pressSequentially(query, { delay: keystrokeDelay });
  return page.evaluate(() => (window as unknown as { benchResult: Promise<number> }).benchResult);
}

async function warm(browser: Browser, base: string, cases: SearchCase[]): Promise<number[]> {
  const page = await browser.newPage();
  await page.goto(base + PAGE);
  const times: number[] = [];
  for (const [i, testCase] of cases.entries()) {
    await page.locator("#kms-search-input").fill("");
    const ms = await timeSearch(page, testCase);
    if (i > 0) times.push(ms); // the first search loads Pagefind: that is the cold case
  }
  await page.close();
  return times;
}

async function cold(browser: Browser, base: string, cases: SearchCase[], keystrokeDelay: number) {
  const times: number[] = [];
  let bytes = 0;
  let requests: string[] = [];
  for (const testCase of cases.slice(0, COLD_RUNS)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + PAGE, { waitUntil: "networkidle" });
    const loaded: Request[] = [];
    page.on("requestfinished", (request) => loaded.push(request));
    times.push(await timeSearch(page, testCase, keystrokeDelay));
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(loaded.map((request) => request.sizes()));
    bytes = sizes.reduce((sum, size) => sum + size.responseBodySize, 0);
    requests = loaded.map((request) => new URL(request.url()).pathname);
    await context.close();
  }
  return { times, bytes, requests };
}

const format = (ms: number) => `${ms.toFixed(1)} ms`;

const server = await serveDist(PORT);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const cases = readSearchCases();
  const warmTimes = await warm(browser, server.url, cases);
  const coldRun = await cold(browser, server.url, cases, 0);
  const coldTyped = await cold(browser, server.url, cases, TYPING_MS);
  console.log(
    `Search benchmark: ${cases.length} queries on ${PAGE}, Chromium, static server with gzip`,
  );
  console.log(
    `  warm (n=${warmTimes.length}): median ${format(percentile(warmTimes, 50))}, p95 ${format(percentile(warmTimes, 95))}`,
  );
  const line = (label: string, times: number[]) =>
    console.log(
      `  ${label} (n=${times.length}): median ${format(percentile(times, 50))}, p95 ${format(percentile(times, 95))}`,
    );
  line("cold, query typed at machine speed", coldRun.times);
  line(`cold, typed at ${TYPING_MS} ms a keystroke`, coldTyped.times);
  console.log(
    `  first search downloads ${(coldRun.bytes / 1024).toFixed(1)} KB gzip in ${coldRun.requests.length} requests:`,
  );
  for (const path of coldRun.requests) console.log(`    ${path}`);
} finally {
  await browser.close();
  await server.close();
}
