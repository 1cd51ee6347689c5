/**
 * Which Chromium the tests and benchmarks drive, first found wins (see docs/running.md):
 * CHROMIUM_PATH, Playwright's own download, a system Chromium or Chrome, and last the Chromium
 * shipped inside the optional npm package @sparticuz/chromium (unpacked to /tmp on first use).
 * `npm test` never installs a browser.
 */
import { existsSync } from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** Flags that work on this kind of machine. The package's own `args` are not used: they turn off web security. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface FoundBrowser {
  executablePath: string;
  /** Where it came from, as printed at the start of a run. */
  source: string;
}

function playwrightsOwn(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function findChromium(): Promise<FoundBrowser> {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv) return { executablePath: fromEnv, source: "CHROMIUM_PATH" };
  const own = playwrightsOwn();
  if (own) return { executablePath: own, source: "Playwright's installed Chromium" };
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: "system browser" };
  try {
    const { default: packaged } = await import("@sparticuz/chromium");
    return {
      executablePath: await packaged.executablePath(),
      source: "@sparticuz/chromium (npm package)",
    };
  } catch (error) {
    throw new Error(
      "No Chromium found: set CHROMIUM_PATH, run `npx playwright install chromium`, install a " +
        "system Chromium, or let npm install the optional @sparticuz/chromium",
      { cause: error },
    );
  }
}

export const browser = await findChromium();

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: browser.executablePath,
  args: ARGS,
};
