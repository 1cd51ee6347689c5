import { defineConfig, devices } from "@playwright/test";
import { browser, chromiumLaunchOptions } from "./tests/helpers/browser";
import { SUBPATH, SUBPATH_SITE } from "./tests/helpers/deploy";

// Workers load this file too; say once which browser the run uses.
if (process.env["TEST_WORKER_INDEX"] === undefined) {
  console.log(`e2e: Chromium from ${browser.source}: ${browser.executablePath}`);
}

/** A port of our own; the server refuses to start when it is taken. */
const PORT = Number(process.env["E2E_PORT"] ?? 4329);
const ORIGIN = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env["CI"],
  retries: 0,
  // One browser at a time in CI: clipboard and timing checks are steadier on a loaded 2-core machine.
  workers: process.env["CI"] ? 1 : 2,
  reporter: [["list"]],
  use: {
    baseURL: ORIGIN,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /subpath\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions },
    },
    {
      name: "subpath",
      testMatch: /subpath\.spec\.ts/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
        baseURL: `${ORIGIN}${SUBPATH}`,
      },
    },
  ],
  webServer: {
    // Both builds, one after the other (they share Astro's caches), then a plain static server.
    command: [
      "npm run build",
      `SITE_URL=${SUBPATH_SITE} BASE_PATH=${SUBPATH} npx astro build --outDir dist-subpath`,
      `npx tsx tests/helpers/serve.ts ${PORT} /=dist ${SUBPATH}=dist-subpath`,
    ].join(" && "),
    url: `${ORIGIN}/`,
    reuseExistingServer: !process.env["CI"],
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
