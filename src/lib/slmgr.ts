/** The `slmgr` command lines the site hands out (kept apart so the copy buttons load only this). */

/** Installs one key: what each row's `slmgr /ipk` button copies. */
export function installCommand(key: string): string {
  return `slmgr /ipk ${key}`;
}
