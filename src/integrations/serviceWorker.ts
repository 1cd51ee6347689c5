/**
 * Makes the built site work offline: after the Pagefind index is written, Workbox's
 * generateSW writes /sw.js, which precaches every page, script, style, download and the
 * whole search index on the first visit. A new build gets a new sw.js; it downloads the new
 * files in full before it takes over, and the page offers a reload (src/scripts/offline.ts),
 * so a visitor never sees half of one build and half of another.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { generateSW } from "workbox-build";

/** Files a visitor never needs from the cache: host configuration and the crawlers' files. */
const NOT_PRECACHED = ["sw.js", "_headers", "404.html", "robots.txt", "sitemap-*.xml"];

/** The page shown for a page that is not saved, when the network is down. */
export const OFFLINE_PAGE = "offline/index.html";

/** Writes `dir`/sw.js for the built site in `dir`; returns how many files it precaches. */
export async function writeServiceWorker(dir: string): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ["**/*"],
    globIgnores: NOT_PRECACHED,
    swDest: join(dir, "sw.js"),
    // One file: nothing else to fetch, and nothing for the CSP to allow.
    inlineWorkboxRuntime: true,
    mode: "production",
    sourcemap: false,
    // The new build waits until the page asks it to take over (the "Reload" offer).
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // Query strings (?edition=, ?key=, ?q=) are read by the page's script, not the server.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: "index.html",
    // Astro's file names already change with their content.
    dontCacheBustURLsMatching: /^_astro\//,
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    // A page that is not precached: from the network, or the offline page when there is none.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === "navigate",
        handler: "NetworkOnly",
        options: { precacheFallback: { fallbackURL: OFFLINE_PAGE } },
      },
    ],
  });
  if (warnings.length > 0) throw new Error(`Workbox: ${warnings.join("; ")}`);
  return { count, size };
}

export function serviceWorker(): AstroIntegration {
  return {
    name: "kms-service-worker",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const { count, size } = await writeServiceWorker(fileURLToPath(dir));
        logger.info(`sw.js precaches ${count} files, ${(size / 1024).toFixed(0)} KB`);
      },
    },
  };
}
