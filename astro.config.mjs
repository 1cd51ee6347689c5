// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import { buildInfo } from "./src/integrations/buildInfo";
import { deferScripts } from "./src/integrations/deferScripts";
import { searchIndex } from "./src/integrations/searchIndex";
import { serviceWorker } from "./src/integrations/serviceWorker";
import { SCRIPT_LOADER_HASH } from "./src/lib/build/deferredScripts";
import { CSP } from "./src/lib/build/securityHeaders";

const env = process.env;

/** This build's date and commit: on every page, and in the service worker (src/integrations/buildInfo.ts). */
const BUILD = buildInfo(env);

/** Modules that the copy buttons on every page share. */
const EVERY_PAGE_MODULES =
  /src[\\/](scripts[\\/](clipboard|announce|copyLabels)|lib[\\/](slmgr|keyShape))\.ts$|preload-helper/;

/**
 * Vite wraps each dynamic import in a helper that preloads the imported chunk's own imports:
 * about 0.9 KB (gzip) on every page. Ours (the search box, the helper and checker views) load
 * on use or once per page, so a plain import() serves as well; this plugin supplies it.
 * @type {() => import("vite").Plugin}
 */
const noPreloadHelper = () => ({
  name: "kms-no-preload-helper",
  enforce: "pre",
  load(id) {
    return id === "\0vite/preload-helper.js"
      ? "export const __vitePreload = (load) => load();"
      : undefined;
  },
});

/** Adds /changes.xml (src/feeds/changes.xml.ts). @type {() => import("astro").AstroIntegration} */
const changesFeed = () => ({
  name: "changes-feed",
  hooks: {
    "astro:config:setup": ({ injectRoute }) =>
      injectRoute({ pattern: "/changes.xml", entrypoint: "./src/feeds/changes.xml.ts" }),
  },
});

export default defineConfig({
  // Absolute URLs (canonical, sitemap) and the deploy sub-path come from the environment.
  // Without SITE_URL there are none: a build must never publish a development origin.
  ...(env["SITE_URL"] ? { site: env["SITE_URL"] } : {}),
  base: env["BASE_PATH"] ?? "/",
  trailingSlash: "always",
  integrations: [
    mdx(),
    ...(env["SITE_URL"]
      ? [sitemap({ filter: (page) => !page.includes("/404") && !page.includes("/offline/") })]
      : []),
    searchIndex(),
    deferScripts(),
    // Like the sitemap, the feed of changes needs absolute URLs, so only with SITE_URL.
    ...(env["SITE_URL"] ? [changesFeed()] : []),
    // Last: it precaches what the others wrote, the search index included.
    serviceWorker(BUILD),
  ],
  // The stylesheet inside each page: no render-blocking request before the first paint.
  // Astro's CSP hashes it (and any script it inlines), so no other inline style can run.
  build: { inlineStylesheets: "always" },
  security: {
    csp: {
      directives: [...CSP.directives],
      scriptDirective: {
        resources: [...CSP.scriptDirective.resources],
        hashes: [SCRIPT_LOADER_HASH],
      },
      styleDirective: { resources: [...CSP.styleDirective.resources] },
    },
  },
  vite: {
    plugins: [tailwindcss(), noPreloadHelper()],
    define: { __KMS_BUILD__: JSON.stringify(BUILD) },
    environments: {
      client: {
        build: {
          // No list of each lazy chunk's imports to preload, either (see noPreloadHelper).
          modulePreload: false,
          rolldownOptions: {
            output: {
              // What every page runs to copy a key, as one file rather than six small ones:
              // each request and each gzip stream has its own overhead.
              codeSplitting: { groups: [{ name: "copy", test: EVERY_PAGE_MODULES }] },
              // Short names: they are written into every page and every chunk importing them.
              entryFileNames: "_astro/[hash].js",
              chunkFileNames: "_astro/[hash].js",
            },
          },
        },
      },
    },
  },
  server: { port: 4321 },
});
