/** The sub-path the e2e server also serves the site under, built with BASE_PATH (see playwright.config.ts). */
export const SUBPATH = "/kms/";

/** The public origin the sub-path build is given (SITE_URL), so that its absolute URLs can be checked. */
export const SUBPATH_SITE = "https://kms.example.org";

/** Where the e2e server serves the build with twice today's keys (tests/helpers/buildDoubled.ts). */
export const DOUBLED_BASE = "/double/";

/** The date the doubled build's content says the weekly watch confirmed every page on. */
export const CONFIRMED = "2026-01-05";
