/**
 * The sites the end-to-end tests serve: the site at / (no SITE_URL, as a local build is),
 * the same site under a sub-path with a public origin, and one with twice today's keys. Built once per `npm test` by
 * tests/run.ts; `npx playwright test` alone builds them first (playwright.config.ts).
 */
import { DOUBLED_BASE, SUBPATH, SUBPATH_SITE } from "./deploy";

export const TEST_SITES = [
  { dir: "dist", base: "/", build: "astro build --outDir dist" },
  {
    dir: "dist-subpath",
    base: SUBPATH,
    build: `SITE_URL=${SUBPATH_SITE} BASE_PATH=${SUBPATH} astro build --outDir dist-subpath`,
  },
  // Twice today's keys (synthetic), for the budget test only.
  {
    dir: "dist-double",
    base: DOUBLED_BASE,
    build: "tsx tests/helpers/buildDoubled.ts dist-double",
  },
] as const;

/** One shell command that builds them, one after the other (they share Astro's caches). */
export const BUILD_TEST_SITES = TEST_SITES.map(({ build }) => build).join(" && ");

/** Set by tests/run.ts once it has built them, so that Playwright only serves. */
export const PREBUILT_ENV = "KMS_TEST_SITES_BUILT";
