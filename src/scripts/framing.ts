/**
 * Whether another site shows this page in a frame. Hosts without headers (GitHub Pages)
 * cannot send frame-ancestors (a <meta> CSP ignores it), so the pages that act on their URL
 * ask this first: a framing site must not be able to prefill a command or a key.
 */
function framedByOtherSite(): boolean {
  if (window.top === window.self) return false;
  try {
    return window.top?.location.origin !== window.location.origin;
  } catch {
    return true; // reading another origin's location throws: that is the answer
  }
}

/** The URL's parameters, or none when another site frames the page (and says so on the page). */
export function trustedParams(root: ParentNode): URLSearchParams {
  if (!framedByOtherSite()) return new URLSearchParams(window.location.search);
  const note = root.querySelector<HTMLElement>("[data-framed]");
  if (note) note.hidden = false;
  return new URLSearchParams();
}
