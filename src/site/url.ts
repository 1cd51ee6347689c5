/** A site path under the configured base (`BASE_PATH`), e.g. `withBase("windows-server/")`. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  return base + path.replace(/^\//, "");
}

/**
 * The activation helper of a row's family, with the row chosen: from the row's path
 * (`windows-server/#windows-server-2022-datacenter`) or any URL ending in it. Each family has
 * its own helper page, so that no page carries every edition of the site. With `host`, the
 * helper's KMS host field is filled in too (the helper reads it like anything typed).
 */
export function activationUrl(rowPath: string, host?: string | null): string {
  const [page = "", anchor = ""] = rowPath.split("#");
  const family =
    page
      .split("/")
      .filter((part) => part !== "")
      .at(-1) ?? "";
  const hostPart = host == null ? "" : `&host=${encodeURIComponent(host)}`;
  return `${withBase(`activate/${family}/`)}?edition=${encodeURIComponent(anchor)}${hostPart}`;
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
