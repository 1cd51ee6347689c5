/**
 * The service worker (bundled and given its precache list by src/integrations/serviceWorker.ts).
 *
 * Online, a visitor sees what the server has now: pages, and the data files and search index
 * they read, come from the network first. Only when the network fails, or does not answer
 * within NETWORK_TIMEOUT_MS, does the copy saved on the device answer, and a page served
 * that way is marked (`<html data-saved-copy>`), so that it says so, with its build's date.
 * Scripts, styles and images, whose names change with their content, come from the saved copy.
 */
import { setCacheNameDetails } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import type { PrecacheEntry } from "workbox-precaching";
import { registerRoute } from "workbox-routing";

interface WorkerScope {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: "message",
    listener: (event: { data: unknown; ports: readonly MessagePort[] }) => void,
  ): void;
  addEventListener(
    type: "activate",
    listener: (event: { waitUntil(promise: Promise<unknown>): void }) => void,
  ): void;
}
declare const self: WorkerScope;

/**
 * How long a page may take before the saved copy answers instead. A page of this site is
 * small (under 20 KB) and static, so a working connection, even a slow VPN to a jump host,
 * answers well within 4 s; past that the administrator is better served at once by the
 * saved copy, which says it is one, than by a blank screen.
 */
const NETWORK_TIMEOUT_MS = 4000;

/** What must match the server's current build: the data files and the search index. */
const DATA = /\.(json|csv|xml)$|^pagefind\//;

/** The page shown for an address that was never saved, when the network is down. */
const OFFLINE_PAGE = "offline/index.html";

const scope = new URL(self.registration.scope);
// Named for the site's path: another site on the same origin (a GitHub Pages project of the
// same user) has caches of its own names, and this site never reads theirs.
setCacheNameDetails({ prefix: "kms-client-keys", suffix: scope.pathname });

registerRoute(
  ({ request, url }) =>
    url.origin === scope.origin &&
    (request.mode === "navigate" || DATA.test(url.pathname.slice(scope.pathname.length))),
  ({ request }) => networkFirst(request),
);
precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: "index.html",
  // Query strings (?edition=, ?key=) are read by the page's script, not the server.
  ignoreURLParametersMatching: [/.*/],
});
cleanupOutdatedCaches();

self.addEventListener("message", (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  // The page's Reload: this build takes over (src/scripts/offline.ts).
  if (type === "SKIP_WAITING") void self.skipWaiting();
  // Which build this worker saved, for a page to compare with its own.
  if (type === "BUILD") event.ports[0]?.postMessage(__KMS_BUILD__);
});
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

async function networkFirst(request: Request): Promise<Response> {
  try {
    return await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
  } catch {
    const saved = await matchPrecache(savedUrl(request.url));
    if (saved) return request.mode === "navigate" ? markedSaved(saved) : saved;
    if (request.mode !== "navigate") return Response.error();
    return (await matchPrecache(new URL(OFFLINE_PAGE, scope).href)) ?? Response.error();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out")), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** The saved file for a URL: no query or fragment, a directory's index.html. */
function savedUrl(href: string): string {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  return url.href;
}

/** The saved page, marked as such for its banner (BaseLayout.astro); nothing else changes. */
async function markedSaved(response: Response): Promise<Response> {
  const html = await response.text();
  return new Response(html.replace(/<html(?=[\s>])/, "<html data-saved-copy"), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
