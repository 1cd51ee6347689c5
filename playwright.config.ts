import { defineConfig, devices } from "@playwright/test";
import { browser, chromiumLaunchOptions } from "./tests/helpers/browser";
import { SUBPATH } from "./tests/helpers/deploy";
import { BUILD_TEST_SITES, PREBUILT_ENV, TEST_SITES } from "./tests/helpers/testSites";

// Workers load this file too; say once which browser the run uses.
if (process.env["TEST_WORKER_INDEX"] === undefined) {
  console.log(`e2e: Chromium from ${browser.source}: ${browser.executablePath}`);
}

/** A port of our own; the server refuses to start when it is taken. */
const PORT = Number(process.env["E2E_PORT"] ?? 4329);
const ORIGIN = `http://127.0.0.1:${PORT}`;

/** The sites are built by tests/run.ts (npm test); run alone, Playwright builds them first. */
const build = process.env[PREBUILT_ENV] ? [] : [BUILD_TEST_SITES];
const serve = `tsx tests/helpers/serve.ts ${PORT} ${TEST_SITES.map(({ base, dir }) => `${base}=${dir}`).join(" ")}`;

export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env["CI"],
  retries: 0,
  // Room for a slow or busy machine (two cores shared by three browsers): a test that takes
  // longer than it should is a figure for the benchmarks, not a failure. Waits end on a state,
  // never on a time.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // Three browsers on two cores: much of a page test is waiting (for the network to go idle,
  // for a deferred script), so a third overlaps it (216 s against 236 s with two, measured on
  // this 2-core machine). The tests that read the clipboard run one at a time (below).
  workers: 3,
  reporter: [["list"]],
  use: {
    baseURL: ORIGIN,
    trace: "retain-on-failure",
    // No test waits on a transition: a colour caught half-way through one (a copy button right
    // after the theme changed) failed axe's contrast check now and then. The tests of motion
    // itself (keyboard.spec.ts) ask for the preference they check.
    reducedMotion: "reduce",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /subpath\.spec\.ts/,
      grepInvert: /@clipboard/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions },
    },
    {
      name: "clipboard",
      testIgnore: /subpath\.spec\.ts/,
      grep: /@clipboard/,
      workers: 1,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions },
    },
    {
      name: "subpath",
      testMatch: /subpath\.spec\.ts/,
      workers: 1, // copies to the clipboard
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
        baseURL: `${ORIGIN}${SUBPATH}`,
      },
    },
  ],
  webServer: {
    command: [...build, serve].join(" && "),
    url: `${ORIGIN}/`,
    reuseExistingServer: !process.env["CI"],
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
