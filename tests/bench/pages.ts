/**
 * `npm run bench`: what each page costs and how fast it paints, on the built site served
 * by a plain static server with gzip. Prints a table; asserts nothing (the byte budgets
 * are asserted by tests/e2e/budgets.spec.ts, times vary by machine).
 *
 * Bytes, LCP, TBT and CLS come from the browser's own entries, in Chromium with no
 * throttling (median of RUNS loads). "LH LCP" is Lighthouse's (mobile, simulated slow 4G:
 * the PageSpeed Insights setting; median of LH_RUNS), next to the floor measured in the same
 * run: the same keys as plain HTML (a table, no stylesheet, no script).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { allPaths, sharedLinks } from "../e2e/site";
import { chromiumLaunchOptions } from "../helpers/browser";
import { checksumTypo } from "../helpers/keyMutations";
import { BUDGET, measureFirstLoad } from "../helpers/pageWeight";
import { readSourceRevisions } from "../helpers/sourceFixtures";
import { serveStatic } from "../helpers/staticServer";
import { startLighthouse } from "./lighthouse";
import { percentile } from "./serveDist";

const PORT = Number(process.env["BENCH_PORT"] ?? 4338);
/** Another build to measure, e.g. an older commit's, for a before-and-after table. */
const DIST = process.env["BENCH_DIST"] ?? "dist";
const RUNS = 5;
const LH_RUNS = Number(process.env["LH_RUNS"] ?? 3);
// Every page the budget test covers, the 404 page, the links people share, and the same
// links when they bring a host or a key that is not listed (these load more on purpose).
const example = readSourceRevisions().at(-1)?.exampleKey ?? "";
const PAGES = [
  ...allPaths,
  "/404.html",
  ...sharedLinks,
  `${sharedLinks[0] ?? ""}&host=kms.example.org`,
  `/check/?key=${checksumTypo(example)}`,
];

/** The floor: every key of keys.json as the plainest page that shows them. */
function writeFloor(dir: string): void {
  const { keys } = JSON.parse(readFileSync(join(DIST, "keys.json"), "utf8")) as {
    keys: { names: string[]; key: string }[];
  };
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = keys
    .map((k) => `<tr><th>${escape(k.names.join(" / "))}<td><code>${k.key}</code>`)
    .join("\n");
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>KMS client keys</title><h1>KMS client keys</h1><table>\n${rows}\n</table></html>\n`,
  );
}

interface Vitals {
  lcp: number;
  tbt: number;
  cls: number;
}

/** Installed before any page script: collects LCP, long tasks after FCP and layout shifts. */
function observeVitals(): void {
  const vitals = { lcp: 0, tbt: 0, cls: 0, fcp: Infinity };
  (window as unknown as { vitals: typeof vitals }).vitals = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === "first-contentful-paint") vitals.fcp = entry.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime >= vitals.fcp) vitals.tbt += Math.max(0, entry.duration - 50);
    }
  }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as {
      value: number;
      hadRecentInput: boolean;
    }[]) {
      if (!entry.hadRecentInput) vitals.cls += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text: string, width: number) => text.padEnd(width);

const floorDir = mkdtempSync(join(tmpdir(), "kms-floor-"));
writeFloor(floorDir);
// Lighthouse cannot load a page sent with Referrer-Policy: no-referrer (net::ERR_ABORTED on
// the document); that header has no bearing on speed, so the benchmark does not send it.
const server = await serveStatic(
  [
    { base: "/floor/", dir: floorDir },
    { base: "/", dir: DIST, omitHeaders: ["referrer-policy"] },
  ],
  PORT,
);
const browser = await chromium.launch(chromiumLaunchOptions);
const lighthouse = await startLighthouse();
/** Median LCP, or NaN when Lighthouse cannot measure the page (e.g. a page another build lacks). */
const lighthouseLcp = async (url: string) => {
  const values: number[] = [];
  try {
    for (let run = 0; run < LH_RUNS; run++) values.push(await lighthouse.lcp(url));
  } catch {
    return NaN;
  }
  return percentile(values, 50);
};
try {
  console.log(
    `Page benchmark of ${DIST}: Chromium, static server with gzip, median of ${RUNS} cold loads`,
  );
  console.log(
    `Budgets: ${kb(BUDGET.bytes)} first load, ${kb(BUDGET.jsBytes)} JavaScript before search is used`,
  );
  const floor = await lighthouseLcp(`${server.url}/floor/`);
  console.log(
    `Floor, the same keys as plain HTML: Lighthouse mobile LCP ${floor.toFixed(0)} ms (median of ${LH_RUNS})\n`,
  );
  console.log(
    [
      pad("page", 30),
      pad("first load", 11),
      pad("JS", 8),
      pad("requests", 9),
      pad("LCP", 9),
      pad("TBT", 7),
      pad("CLS", 6),
      pad("LH LCP", 9),
      "vs floor",
    ].join(" "),
  );
  for (const path of PAGES) {
    const loads: { bytes: number; jsBytes: number; requests: number; vitals: Vitals }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(observeVitals);
      const weight = await measureFirstLoad(page, server.url + path);
      await page.waitForTimeout(300); // let the observers deliver
      const vitals = await page.evaluate(() => (window as unknown as { vitals: Vitals }).vitals);
      loads.push({ ...weight, vitals });
      await context.close();
    }
    const median = (pick: (load: (typeof loads)[number]) => number) =>
      percentile(loads.map(pick), 50);
    const lcp = await lighthouseLcp(server.url + path);
    const gap = lcp - floor;
    console.log(
      [
        pad(path.length > 30 ? `${path.slice(0, 29)}…` : path, 30),
        pad(kb(median((l) => l.bytes)), 11),
        pad(kb(median((l) => l.jsBytes)), 8),
        pad(String(median((l) => l.requests)), 9),
        pad(`${median((l) => l.vitals.lcp).toFixed(0)} ms`, 9),
        pad(`${median((l) => l.vitals.tbt).toFixed(0)} ms`, 7),
        pad(median((l) => l.vitals.cls).toFixed(3), 6),
        pad(Number.isNaN(lcp) ? "—" : `${lcp.toFixed(0)} ms`, 9),
        Number.isNaN(gap) ? "—" : `${gap >= 0 ? "+" : ""}${gap.toFixed(0)} ms`,
      ].join(" "),
    );
  }
} finally {
  await lighthouse.close();
  await browser.close();
  await server.close();
  rmSync(floorDir, { recursive: true, force: true });
}
