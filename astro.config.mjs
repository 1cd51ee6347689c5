// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { existsSync } from "node:fs";
import { defineConfig } from "astro/config";
import { buildInfo } from "./src/integrations/buildInfo";
import { builtPages } from "./src/integrations/builtPages";
import { searchIndex } from "./src/integrations/searchIndex";
import { serviceWorker } from "./src/integrations/serviceWorker";
import { SCRIPT_LOADER_HASH } from "./src/lib/build/deferredScripts";
import { CSP } from "./src/lib/build/securityHeaders";

const env = process.env;

/** This build's date and commit: on every page, and in the service worker (src/integrations/buildInfo.ts). */
const BUILD = buildInfo(env);

/**
 * Modules that most pages' scripts share (copying, a key's shape, reading a link's parameters),
 * kept in one chunk: each request and each gzip stream has its own overhead. A path that no
 * longer exists fails the build, so that a module moved elsewhere is not silently split out.
 */
const SHARED_MODULES = [
  "src/scripts/clipboard.ts",
  "src/scripts/announce.ts",
  "src/scripts/copyLabels.ts",
  "src/scripts/framing.ts",
  "src/lib/keys/keyShape.ts",
  "src/lib/activation/installLine.ts",
];
for (const path of SHARED_MODULES) {
  if (!existsSync(new URL(path, import.meta.url)))
    throw new Error(`astro.config.mjs: SHARED_MODULES lists ${path}, which does not exist`);
}
const sharedModule = (/** @type {string} */ id) =>
  id.includes("preload-helper") ||
  SHARED_MODULES.some((path) => id.replaceAll("\\", "/").endsWith(`/${path}`));

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

/**
 * With the preload helper gone, the list of each lazy chunk's imports that Vite still writes
 * into every chunk importing one (`__vite__mapDeps`, chunk names that do not compress) is
 * dead weight: this plugin removes it, and fails the build if Vite's output changed shape.
 * @type {() => import("vite").Plugin}
 */
const noPreloadLists = () => ({
  name: "kms-no-preload-lists",
  generateBundle: {
    order: "post",
    handler(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk" || !chunk.code.includes("__vite__mapDeps")) continue;
        chunk.code = chunk.code
          .replace(
            /^const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=\[[^\]]*\]\)\)\)=>i\.map\(i=>d\[i\]\);\n?/,
            "",
          )
          .replace(/__vite__mapDeps\(\[[\d,]*\]\)/g, "void 0");
        if (chunk.code.includes("__vite__mapDeps"))
          this.error(`${chunk.fileName}: a preload list in a form this build does not know`);
      }
    },
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
    builtPages(),
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
    plugins: [tailwindcss(), noPreloadHelper(), noPreloadLists()],
    define: { __KMS_BUILD__: JSON.stringify(BUILD) },
    environments: {
      client: {
        build: {
          // No list of each lazy chunk's imports to preload, either (see noPreloadHelper).
          modulePreload: false,
          rolldownOptions: {
            output: {
              codeSplitting: { groups: [{ name: "shared", test: sharedModule }] },
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
