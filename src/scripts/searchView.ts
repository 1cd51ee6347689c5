/**
 * What the search box draws, from text only: a result row cloned from SiteSearch.astro's
 * <template>, and the answer in words. Nothing typed or indexed is ever parsed as HTML.
 */
import { visibleText } from "../lib/characters";
import { NO_KEY_REASON, quoteWords, type SearchAnswer } from "../lib/searchAnswer";
import type { SearchQuery } from "../lib/searchQuery";
import { highlightRanges } from "../lib/searchRank";
import { activationUrl } from "../site/url";
import { fillCopyableKey } from "./fillCopyableKey";
import { paragraph } from "./keyVerdictView";
import type { Result } from "./pagefindSearch";

/** Rows shown before "Show all". */
export const SHOWN = 8;

export function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search: ${selector} is missing from SiteSearch.astro`);
  return element;
}

/** One result: names with the matched words marked, where it is listed, its key and links. */
export function resultItem(
  template: HTMLTemplateElement,
  result: Result,
  terms: readonly string[],
  isFirstAnswer: boolean,
): HTMLLIElement {
  const fragment = template.content.cloneNode(true) as DocumentFragment;
  const li = required<HTMLLIElement>(fragment, "li");
  if (isFirstAnswer) li.dataset["first"] = ""; // what Enter in the box opens
  required<HTMLAnchorElement>(li, "[data-link]").href = result.url;
  const names = required<HTMLElement>(li, "[data-names]");
  for (const name of result.names) names.append(highlighted(name, terms));
  const aliases = required<HTMLElement>(li, "[data-aliases]");
  if (result.aliases.length > 0) aliases.textContent = `Earlier name: ${result.aliases.join("; ")}`;
  else aliases.remove();
  // "Windows Server 2019" already names its family; "Windows 8.1" gets "Earlier versions of Windows · ".
  required<HTMLElement>(li, "[data-where]").textContent = result.group.startsWith(
    result.familyTitle,
  )
    ? result.group
    : `${result.familyTitle} · ${result.group}`;
  const edition = result.names[0] ?? result.key;
  fillCopyableKey(required<HTMLElement>(li, "kms-key"), result.key, edition);
  const steps = required<HTMLAnchorElement>(li, "[data-steps]");
  steps.href = activationUrl(result.url.split("#")[1] ?? "");
  required<HTMLElement>(steps, ".sr-only").textContent = ` for ${edition}`;
  return li;
}

/** A name as a line of text nodes, with the words the query matched in <mark>. */
function highlighted(name: string, terms: readonly string[]): HTMLSpanElement {
  const line = document.createElement("span");
  line.className = "block";
  let from = 0;
  for (const [start, end] of highlightRanges(name, terms)) {
    line.append(name.slice(from, start));
    const mark = document.createElement("mark");
    mark.textContent = name.slice(start, end);
    line.append(mark);
    from = end;
  }
  line.append(name.slice(from));
  return line;
}

/** What was typed, safe to echo: invisible characters by code point, isolated from the page's text. */
function echo(value: string): HTMLElement {
  const text = value.trim();
  const bdi = document.createElement("bdi");
  bdi.className = "wrap-anywhere";
  bdi.textContent = `“${visibleText(text.length > 60 ? `${text.slice(0, 60)}…` : text)}”`;
  return bdi;
}

function line(...parts: (string | Node)[]): HTMLParagraphElement {
  const p = document.createElement("p");
  p.append(...parts);
  return p;
}

/** The answer in words: the first line is the verdict (and what is announced), then notes. */
export function answerLines(
  answer: SearchAnswer<Result>,
  query: SearchQuery,
  value: string,
): Node[] {
  const notes: Node[] = [];
  if (query.corrected.length > 0) {
    const fixed = query.corrected.map(([from, to]) => `“${to}” for “${from}”`).join(", ");
    notes.push(line(`Searched ${fixed}.`));
  }
  if (query.skipped.length > 0) {
    notes.push(line(`Left out ${quoteWords(query.skipped)}: they describe every key.`));
  }
  switch (answer.kind) {
    case "rows": {
      const count = answer.rows.length;
      const shown = count > SHOWN ? `, showing the first ${SHOWN}` : "";
      return [line(`${count} ${count === 1 ? "key" : "keys"}${shown}.`), ...notes];
    }
    case "no-key":
      return [
        line(
          "No KMS client key for ",
          echo(value),
          ` on Microsoft's list: nothing on it is called ${quoteWords(answer.unknown)}.`,
        ),
        paragraph(NO_KEY_REASON),
        ...notes,
      ];
    case "no-match":
      return [
        line("No edition on Microsoft's list is named with all of ", echo(value), "."),
        ...notes,
        ...(answer.related.length === 0
          ? [line("Try the version number (e.g. 2019) or the edition (e.g. Datacenter).")]
          : []),
      ];
    case "too-general":
      return [
        line(
          echo(value),
          " describes every key: add a version or an edition, e.g. 2022 Datacenter.",
        ),
      ];
  }
}
