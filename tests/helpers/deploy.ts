/** The sub-path the e2e server also serves the site under, built with BASE_PATH (see playwright.config.ts). */
export const SUBPATH = "/kms/";
