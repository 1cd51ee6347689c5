/**
 * The two sites the end-to-end tests serve: the site at / (no SITE_URL, as a local build is)
 * and the same site under a sub-path with a public origin. Built once per `npm test` by
 * tests/run.ts; `npx playwright test` alone builds them first (playwright.config.ts).
 */
import { SUBPATH, SUBPATH_SITE } from "./deploy";

export const TEST_SITES = [
  { dir: "dist", base: "/", env: {} },
  { dir: "dist-subpath", base: SUBPATH, env: { SITE_URL: SUBPATH_SITE, BASE_PATH: SUBPATH } },
] as const;

/** One shell command that builds both, one after the other (they share Astro's caches). */
export const BUILD_TEST_SITES = TEST_SITES.map(
  ({ dir, env }) =>
    `${Object.entries(env)
      .map(([name, value]) => `${name}=${value} `)
      .join("")}astro build --outDir ${dir}`,
).join(" && ");

/** Set by tests/run.ts once it has built them, so that Playwright only serves. */
export const PREBUILT_ENV = "KMS_TEST_SITES_BUILT";
