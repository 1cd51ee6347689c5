/** A site path under the configured base (`BASE_PATH`), e.g. `withBase("windows-server/")`. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  return base + path.replace(/^\//, "");
}
