/**
 * Makes the built site work offline: after the Pagefind index is written, it bundles
 * src/sw/worker.ts into /sw.js with this build's identity, and Workbox's injectManifest gives
 * it the list of every file to save (every page, script, style, download and the whole
 * search index). Online, pages and data still come from the network first (see the worker);
 * a new build's worker saves the new files in full before it takes over, when the visitor
 * accepts the Reload offer (src/scripts/offline.ts).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { build } from "vite";
import { injectManifest } from "workbox-build";
import type { BuildInfo } from "./buildInfo";

/** Files a visitor never needs from the cache: host configuration and the crawlers' files. */
const NOT_PRECACHED = ["sw.js", "_headers", "404.html", "robots.txt", "sitemap-*.xml"];

const WORKER = fileURLToPath(new URL("../sw/worker.ts", import.meta.url));

/** Writes `dir`/sw.js for the built site in `dir`; returns how many files it saves. */
export async function writeServiceWorker(
  dir: string,
  info: BuildInfo,
): Promise<{ count: number; size: number }> {
  const output = await build({
    configFile: false,
    logLevel: "silent",
    // Workbox reads NODE_ENV to drop its development logging.
    define: {
      __KMS_BUILD__: JSON.stringify(info),
      "process.env.NODE_ENV": JSON.stringify("production"),
    },
    build: {
      write: false,
      minify: true,
      // One classic script: nothing else to fetch, and nothing for the CSP to allow.
      lib: { entry: WORKER, formats: ["iife"], name: "kmsServiceWorker" },
    },
  });
  const [bundle] = Array.isArray(output) ? output : [output];
  const code = bundle && "output" in bundle ? bundle.output[0]?.code : undefined;
  if (!code) throw new Error("sw.js: the worker did not bundle");
  const swDest = join(dir, "sw.js");
  await writeFile(swDest, code);
  const { count, size, warnings } = await injectManifest({
    swSrc: swDest,
    swDest,
    globDirectory: dir,
    globPatterns: ["**/*"],
    globIgnores: NOT_PRECACHED,
    // Astro's file names already change with their content.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`Workbox: ${warnings.join("; ")}`);
  return { count, size };
}

export function serviceWorker(info: BuildInfo): AstroIntegration {
  return {
    name: "kms-service-worker",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const { count, size } = await writeServiceWorker(fileURLToPath(dir), info);
        logger.info(
          `sw.js saves ${count} files, ${(size / 1024).toFixed(0)} KB (build ${info.id})`,
        );
      },
    },
  };
}
