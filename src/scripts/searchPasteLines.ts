/**
 * The search box's words for a paste: several keys or a partial key, a status output. Loaded
 * with those answers only, so that a first search of words or a code downloads none of it.
 */
import { pastedSummary, type PastedKeys } from "../lib/search/pastedKeys";
import { line } from "./searchView";

/** Several keys, or a partial key, pasted: what was found, and a check link for each key not listed. */
export function pastedKeyLines(
  found: PastedKeys<unknown>,
  checkUrl: (key: string) => string,
): Node[] {
  return [
    line(pastedSummary(found)),
    ...found.unlisted.map((key) => {
      const link = Object.assign(document.createElement("a"), { href: checkUrl(key) });
      link.textContent = "check it";
      return line(`${key} is not a key on this site: `, link, ".");
    }),
  ];
}

/** A pasted status output: what the box found, and the page that reads all of it. */
export function statusPasteLines(products: number, statusUrl: string): Node[] {
  const link = Object.assign(document.createElement("a"), { href: statusUrl });
  link.textContent = "status reader";
  return [
    line(
      `This is what slmgr or ospp.vbs printed: ${products === 1 ? "one product" : `${products} products`}; the installed keys this site lists are below.`,
    ),
    line(
      "For what each line means (channel, licence status, error codes, KMS host), paste it into the ",
      link,
      ": it is read in your browser, and sent nowhere.",
    ),
  ];
}
