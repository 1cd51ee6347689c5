/**
 * `npm run bench:status`: how long the status reader takes from a paste to its reading drawn,
 * on the built site served locally, for Microsoft's samples, this project's largest sample and
 * pastes of 100 KB and 1 MB. Prints figures; asserts nothing (timings vary by machine).
 *
 * - paste → drawn: from the input event to the reading in the page (median of RUNS, warm: the
 *   reader, keys.json and errors.json already loaded by a first paste);
 * - longest task: the longest main-thread task during that paste (what a person feels as a freeze);
 * - first paste: what the first paste downloads (gzip), and how long it takes with a cold cache.
 */
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../helpers/browser";
import { microsoftSamples, ownSample, ownSampleNames } from "../helpers/statusSamples";
import { percentile, serveDist } from "./serveDist";

const PORT = Number(process.env["BENCH_PORT"] ?? 4341);
const RUNS = 5;
const MB = 1_048_576;

const repeatTo = (text: string, size: number) =>
  text.repeat(Math.ceil(size / text.length)).slice(0, size);
const allMicrosoft = microsoftSamples().join("\n");
const largestOwn =
  ownSampleNames()
    .map(ownSample)
    .sort((a, b) => b.length - a.length)[0] ?? "";

const cases: [string, string][] = [
  ["Microsoft's Windows 7 /dlv", microsoftSamples()[0] ?? ""],
  ["Microsoft's Office KMS host /dlv", microsoftSamples()[2] ?? ""],
  ["own largest sample (ospp /dstatusall)", largestOwn],
  ["100 KB of status blocks", repeatTo(allMicrosoft, 100 * 1024)],
  ["1 MB of status blocks (1,987 products)", repeatTo(allMicrosoft, MB)],
  ["1 MB on one line", "x".repeat(MB)],
  ["1 MB of short junk lines", repeatTo("Name: <b>x</b>: 0x1: A_B\n", MB)],
  ["over 1 MB (read up to 1 MB)", repeatTo(allMicrosoft, MB + 100_000)],
];

/** Pastes `text` as a paste does (one input event) and returns ms to drawn and the longest task. */
async function paste(page: Page, text: string): Promise<{ ms: number; longest: number }> {
  return page.evaluate(async (value) => {
    const box = document.querySelector<HTMLTextAreaElement>("#status-input");
    const out = document.querySelector("[data-reading]");
    if (!box || !out) throw new Error("no status reader on the page");
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    observer.observe({ type: "longtask" });
    box.value = "";
    out.replaceChildren();
    const drawn = new Promise<void>((resolve) => {
      new MutationObserver((_, self) => {
        if (out.childElementCount > 0) {
          self.disconnect();
          resolve();
        }
      }).observe(out, { childList: true });
    });
    const start = performance.now();
    box.value = value;
    box.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
    await drawn;
    const ms = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the long-task entry arrive
    observer.disconnect();
    return { ms, longest };
  }, text);
}

const server = await serveDist(PORT);
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  // Cold: a fresh context, the first paste loads the reader and its data.
  const cold = await browser.newContext();
  const coldPage = await cold.newPage();
  let bytes = 0;
  const files: string[] = [];
  await coldPage.goto(`http://127.0.0.1:${PORT}/status/`, { waitUntil: "networkidle" });
  coldPage.on("response", async (response) => {
    const size = Number((await response.allHeaders())["content-length"] ?? 0);
    bytes += size;
    files.push(`${new URL(response.url()).pathname} ${size}`);
  });
  const first = await paste(coldPage, microsoftSamples()[0] ?? "");
  await coldPage.waitForLoadState("networkidle");
  console.log(
    `first paste (cold cache): ${first.ms.toFixed(0)} ms to drawn, ${(bytes / 1024).toFixed(1)} KB gzip in ${files.length} requests`,
  );
  for (const file of files) console.log(`  ${file}`);
  await cold.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/status/`, { waitUntil: "networkidle" });
  await paste(page, microsoftSamples()[0] ?? ""); // loads the reader and its data
  console.log(`\npaste → reading drawn, warm, median of ${RUNS} (longest main-thread task):`);
  for (const [name, text] of cases) {
    const runs: { ms: number; longest: number }[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await paste(page, text));
    const ms = percentile(
      runs.map((run) => run.ms),
      50,
    );
    const longest = Math.max(...runs.map((run) => run.longest));
    console.log(
      `  ${name.padEnd(40)} ${text.length.toLocaleString("en").padStart(10)} chars  ${ms.toFixed(0).padStart(5)} ms  (longest task ${longest.toFixed(0)} ms)`,
    );
  }
  await paste(page, "Hello, the machine says it is not activated.\nWhat now?");
  console.log(
    `\nan unreadable paste reads: ${await page.evaluate(() => document.querySelector("[data-reading]")?.textContent ?? "")}`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
