/**
 * `npm run bench:search`: how fast the search box answers, on the built site served locally.
 * Prints figures; asserts nothing (timings vary from machine to machine). Served gzipped, as a host would.
 *
 * - warm: Pagefind already loaded; from the last keystroke to the expected key (or error code) painted,
 *   for the key query set and the error query set, with how often the expected row came first.
 * - cold: a fresh page and empty cache; typing starts at once, so the wait includes loading Pagefind.
 * - bytes: what the first search downloads, gzip-compressed as a server would send it.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../helpers/browser";
import { readFileSync } from "node:fs";
import { readSearchCases } from "../helpers/searchQueries";
import { percentile, serveDist } from "./serveDist";

const PORT = Number(process.env["BENCH_PORT"] ?? 4339);
const PAGE = "/windows-server/";
const COLD_RUNS = 15;
/** A quick typist's pace; loading overlaps typing as it does for people. */
const TYPING_MS = 100;

/** A query, the row text it must show, and where a row shows it (a key, or an error's code). */
interface BenchCase {
  query: string;
  expected: string;
  selector: "[data-key]" | "[data-code]";
}

const keyCases: BenchCase[] = readSearchCases().map(({ query, expectedKey }) => ({
  query,
  expected: expectedKey,
  selector: "[data-key]",
}));
const errorCases: BenchCase[] = (
  JSON.parse(
    readFileSync(new URL("../fixtures/search-error-queries.json", import.meta.url), "utf8"),
  ) as { queries: { q: string; code?: string }[] }
).queries.flatMap(({ q, code }) =>
  code ? [{ query: q, expected: code, selector: "[data-code]" as const }] : [],
);

/** Types `query` into the box and resolves with ms from its last keystroke to the expected row painted. */
async function timeSearch(
  page: Page,
  { query, expected: expectedKey, selector }: BenchCase,
  keystrokeDelay = 0,
): Promise<number> {
  await page.evaluate(
    ({ query, expectedKey, selector }) => {
      const w = window as unknown as { benchResult?: Promise<number> };
      const input = document.querySelector<HTMLInputElement>("#kms-search-input");
      const panel = document.querySelector<HTMLElement>("#kms-search-results");
      if (!input || !panel) throw new Error("no search box");
      let lastKey = 0;
      input.addEventListener("keydown", () => (lastKey = performance.now()));
      // No named inner functions: tsx would wrap them in a helper the page does not have.
      w.benchResult = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          const keys = [...panel.querySelectorAll(selector)];
          const shown = keys.some((k) => k.textContent === expectedKey);
          if (panel.dataset["query"] !== query || !shown || panel.hidden) return;
          observer.disconnect();
          // The frame after the DOM change is when the key is on screen.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - lastKey), 0));
        });
        observer.observe(panel, { subtree: true, childList: true, attributes: true });
      });
    },
    { query, expectedKey, selector },
  );
  await page.locator("#kms-search-input").pressSequentially(query, { delay: keystrokeDelay });
  return page.evaluate(() => (window as unknown as { benchResult: Promise<number> }).benchResult);
}

async function warm(browser: Browser, base: string, cases: BenchCase[]) {
  const page = await browser.newPage();
  await page.goto(base + PAGE);
  const times: number[] = [];
  let first = 0;
  let top3 = 0;
  for (const [i, testCase] of cases.entries()) {
    await page.locator("#kms-search-input").fill("");
    const ms = await timeSearch(page, testCase);
    if (i > 0) times.push(ms); // the first search loads Pagefind: that is the cold case
    const shown = await page.locator(`#kms-search-results ${testCase.selector}`).allTextContents();
    const rank = shown.indexOf(testCase.expected);
    if (rank === 0) first++;
    if (rank >= 0 && rank < 3) top3++;
  }
  await page.close();
  return { times, first, top3 };
}

async function cold(browser: Browser, base: string, cases: BenchCase[], keystrokeDelay: number) {
  const times: number[] = [];
  // What the first case's search downloaded: path → body bytes on the wire (gzip where the
  // server compresses, as tests/helpers/staticServer.ts says in Content-Length).
  const downloads = new Map<string, number>();
  for (const [i, testCase] of cases.slice(0, COLD_RUNS).entries()) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + PAGE, { waitUntil: "networkidle" });
    page.on("response", (response) => {
      const length = Number(response.headers()["content-length"] ?? NaN);
      if (i === 0) downloads.set(new URL(response.url()).pathname, length);
    });
    times.push(await timeSearch(page, testCase, keystrokeDelay));
    await page.waitForLoadState("networkidle");
    await context.close();
  }
  const bytes = [...downloads.values()].reduce((sum, size) => sum + size, 0);
  return { times, bytes, downloads };
}

const format = (ms: number) => `${ms.toFixed(1)} ms`;

const server = await serveDist(PORT);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const warmKeys = await warm(browser, server.url, keyCases);
  const warmErrors = await warm(browser, server.url, errorCases);
  const coldRun = await cold(browser, server.url, keyCases, 0);
  const coldTyped = await cold(browser, server.url, keyCases, TYPING_MS);
  const coldErrors = await cold(browser, server.url, errorCases, 0);
  console.log(
    `Search benchmark: ${keyCases.length} key and ${errorCases.length} error-code queries on ${PAGE}, Chromium, static server with gzip`,
  );
  const line = (label: string, times: number[]) =>
    console.log(
      `  ${label} (n=${times.length}): median ${format(percentile(times, 50))}, p95 ${format(percentile(times, 95))}`,
    );
  const precision = (label: string, run: { first: number; top3: number }, n: number) =>
    console.log(
      `  ${label}: expected row first ${run.first}/${n}, in the top three ${run.top3}/${n}`,
    );
  line("keys, warm", warmKeys.times);
  precision("keys", warmKeys, keyCases.length);
  line("error codes, warm", warmErrors.times);
  precision("error codes", warmErrors, errorCases.length);
  line("keys, cold, query typed at machine speed", coldRun.times);
  line(`keys, cold, typed at ${TYPING_MS} ms a keystroke`, coldTyped.times);
  line("error codes, cold, typed at machine speed", coldErrors.times);
  console.log(
    `  first search downloads ${(coldRun.bytes / 1024).toFixed(1)} KB gzip in ${coldRun.downloads.size} requests:`,
  );
  for (const [path, size] of coldRun.downloads) {
    console.log(`    ${(size / 1024).toFixed(1).padStart(6)} KB  ${path}`);
  }
} finally {
  await browser.close();
  await server.close();
}
