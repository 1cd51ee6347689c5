/**
 * `npm run bench`: what each page costs and how fast it paints, on the built site served
 * by a plain static server with gzip. Prints a table; asserts nothing (the byte budgets
 * are asserted by tests/e2e/budgets.spec.ts, times vary by machine).
 *
 * LCP, TBT and CLS come from the browser's own PerformanceObserver entries, in Chromium with
 * no throttling. Lighthouse is not used: it is not a dependency of this project.
 */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { allPaths } from "../e2e/site";
import { chromiumLaunchOptions } from "../helpers/browser";
import { BUDGET, measureFirstLoad } from "../helpers/pageWeight";
import { percentile, serveDist } from "./serveDist";

const PORT = Number(process.env["BENCH_PORT"] ?? 4338);
const RUNS = 5;
// Every page the budget test covers, the 404 page, and the helper opened from a row (its
// edition in the URL loads the helper's script at once).
const firstAnchor = (
  JSON.parse(readFileSync("dist/keys.json", "utf8")) as { keys: { path: string }[] }
).keys[0]?.path.split("#")[1];
const PAGES = [...allPaths, "/404.html", `/activate/?edition=${firstAnchor ?? ""}`];

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

const server = await serveDist(PORT);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  console.log(`Page benchmark: Chromium, static server with gzip, median of ${RUNS} cold loads`);
  console.log(
    `Budgets: ${kb(BUDGET.bytes)} first load, ${kb(BUDGET.jsBytes)} JavaScript before search is used\n`,
  );
  console.log(
    [
      pad("page", 22),
      pad("first load", 11),
      pad("JS", 8),
      pad("requests", 9),
      pad("LCP", 9),
      pad("TBT", 7),
      "CLS",
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
    console.log(
      [
        pad(path.length > 22 ? `${path.slice(0, 21)}…` : path, 22),
        pad(kb(median((l) => l.bytes)), 11),
        pad(kb(median((l) => l.jsBytes)), 8),
        pad(String(median((l) => l.requests)), 9),
        pad(`${median((l) => l.vitals.lcp).toFixed(0)} ms`, 9),
        pad(`${median((l) => l.vitals.tbt).toFixed(0)} ms`, 7),
        median((l) => l.vitals.cls).toFixed(3),
      ].join(" "),
    );
  }
} finally {
  await browser.close();
  await server.close();
}
