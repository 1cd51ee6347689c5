/**
 * A key's install line as the copy buttons build it, from the part of it before the key (the
 * "install prefix": `slmgr /ipk `, `cscript ospp.vbs /inpkey:`) that the page or the record
 * carries, as activation/methods.ts made it at build time. Apart from methods.ts so that
 * every page's copy buttons load this, not every method.
 */
import { KEY_PATTERN } from "../keys/keyShape";

/** A tool and one option, then a space or colon: lower-case words and dots, nothing a shell reads. */
const INSTALL_PREFIX = /^[a-z]+(?:\.[a-z]+)?(?: [a-z]+(?:\.[a-z]+)?)* \/[a-z]+[ :]$/;

/** The line that installs `key`, or an error: neither part may be anything else. */
export function installLine(prefix: string, key: string): string {
  if (!INSTALL_PREFIX.test(prefix))
    throw new Error(`refusing to build an install line from ${JSON.stringify(prefix)}`);
  if (!KEY_PATTERN.test(key)) throw new Error(`not a product key: ${JSON.stringify(key)}`);
  return prefix + key;
}

/** How people name the command: "slmgr /ipk", "cscript ospp.vbs /inpkey". */
export function installLabel(prefix: string): string {
  return prefix.replace(/[\s:]+$/, "");
}
