/**
 * The page's scripts start after its first paint. Astro writes each bundled script as
 * `<script type="module" src>`; the browser does not wait for them to paint, but it fetches
 * them at high priority, and Lighthouse's model of a slow phone counts every high-priority
 * script that ran before the first paint as blocking it. So the build turns them into inert
 * `<script type="text/x-kms-deferred">` tags, and one small inline loader (allowed by its hash in
 * the page's Content-Security-Policy) imports them once the first frame is painted.
 * Everything a script adds is an enhancement (copy buttons keep their space until then).
 */
import { createHash } from "node:crypto";

/** Not a script type the browser runs; a valid MIME type, as HTML requires of `type`. */
const DEFERRED = "text/x-kms-deferred";

/**
 * The loader, exactly as written into every page (its hash must match byte for byte): it
 * imports the scripts once the first contentful paint is recorded, or after a second when
 * none is (a page opened in a background tab paints nothing), then marks `<html data-ready>`.
 */
export const SCRIPT_LOADER = `(()=>{let d=0;const g=()=>{if(d)return;d=1;Promise.all([...document.querySelectorAll('script[type="${DEFERRED}"]')].map(s=>import(s.dataset.src))).then(()=>{document.documentElement.dataset.ready=""})};new PerformanceObserver(g).observe({type:"paint",buffered:!0});setTimeout(g,1e3)})()`;

/** The loader's hash in the form a Content-Security-Policy lists it. */
export const SCRIPT_LOADER_HASH: `sha256-${string}` = `sha256-${createHash("sha256").update(SCRIPT_LOADER).digest("base64")}`;

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** `html` with its external module scripts deferred and the loader added; unchanged if it has none. */
export function deferModuleScripts(html: string): string {
  if (!MODULE_SCRIPT.test(html)) return html;
  const deferred = html.replace(
    MODULE_SCRIPT,
    `<script type="${DEFERRED}" data-src="$1"></script>`,
  );
  const end = deferred.lastIndexOf("</body>");
  if (end < 0) throw new Error("a page without </body>");
  return `${deferred.slice(0, end)}<script>${SCRIPT_LOADER}</script>${deferred.slice(end)}`;
}
