/**
 * The `slmgr` command lines the site hands out, and the one check every line passes before
 * it reaches a copy button: a fixed command with an argument from a strict whitelist.
 * Kept apart (with src/lib/keys/keyShape.ts only) so that the copy buttons load just this.
 */
import { KEY_PATTERN } from "../keys/keyShape";

/** What an `/skms` argument may hold: the characters of names, addresses and ports, nothing a shell reads. */
export const SKMS_ARGUMENT = /^[A-Za-z0-9.:[\]-]{1,300}$/;

/**
 * Every line the site may produce: `/ipk` with a key of the published shape, `/skms` with a
 * host of the characters src/lib/activation/kmsHost.ts accepts, and the option-only commands.
 * Nothing a command prompt treats specially (& | < > ^ % " ' ` ; $ ( ) spaces) can pass.
 */
const SAFE_SLMGR_LINE = new RegExp(
  `^slmgr /(?:ipk ${KEY_PATTERN.source.slice(1, -1)}|skms ${SKMS_ARGUMENT.source.slice(1, -1)}|ato|dlv)$`,
);

/** A command line, or an error: a line outside the whitelist is a bug, never something to copy. */
export function slmgrLine(line: string): string {
  if (!SAFE_SLMGR_LINE.test(line))
    throw new Error(`refusing to build the command ${JSON.stringify(line)}`);
  return line;
}

/** Installs one key: what each row's `slmgr /ipk` button copies. */
export function installCommand(key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`not a product key: ${JSON.stringify(key)}`);
  return slmgrLine(`slmgr /ipk ${key}`);
}
