/** A site path under the configured base (`BASE_PATH`), e.g. `withBase("windows-server/")`. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  return base + path.replace(/^\//, "");
}

/** The activation helper with an edition (row anchor) chosen. */
export function activationUrl(anchor: string): string {
  return `${withBase("activate/")}?edition=${encodeURIComponent(anchor)}`;
}

/** The key checker with a key filled in. */
export function checkerUrl(key: string): string {
  return `${withBase("check/")}?key=${encodeURIComponent(key)}`;
}

/**
 * A site path as the data files publish it: absolute with SITE_URL (`site`), root-relative
 * without it, so that no build ever names a development origin.
 */
export function publicUrl(path: string, site: URL | undefined): string {
  return site ? new URL(withBase(path), site).href : withBase(path);
}
