/**
 * What the search box draws, from text only: a result row cloned from SiteSearch.astro's
 * <template>, and the answer in words. Nothing typed or indexed is ever parsed as HTML.
 */
import { visibleText } from "../lib/text/invisible";
import { NO_KEY_REASON, type SearchAnswer } from "../lib/search/searchAnswer";
import { listWords, quoteWords } from "../lib/text/lists";
import { MAX_QUERY_LENGTH, type SearchQuery } from "../lib/search/searchQuery";
import { highlightRanges } from "../lib/search/searchRank";
import { activationUrl } from "../site/url";
import { fillCopyableKey } from "./fillCopyableKey";
import type { Result } from "./pagefindSearch";

/** Rows shown before "Show all". */
export const SHOWN = 8;

export function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search: ${selector} is missing from SiteSearch.astro`);
  return element;
}

/**
 * How a result is shown: the answer Enter opens, another answer, or a row that only shares
 * words with the question ("Not the answer"), whose key is shown but copies in no click.
 */
export type ResultRole = "first" | "answer" | "related";

/** One result: a key row or an activation error, with the words the query matched marked. */
export function resultItem(
  keyTemplate: HTMLTemplateElement,
  result: Result,
  terms: readonly string[],
  role: ResultRole,
): HTMLLIElement {
  const li =
    result.kind === "error"
      ? errorItem(result, terms)
      : keyItem(keyTemplate, result, terms, role === "related");
  if (role === "first") li.dataset["first"] = ""; // what Enter in the box opens
  return li;
}

/**
 * An error: its code, our one-line summary and Microsoft's message, linking to its page.
 * Built here rather than from a <template>: that would weigh on every page's first load.
 */
function errorItem(result: Result, terms: readonly string[]): HTMLLIElement {
  const span = (className: string, ...content: (string | Node)[]) => {
    const element = document.createElement("span");
    element.className = className;
    element.append(...content);
    return element;
  };
  const code = span("block font-mono font-semibold", result.key);
  code.dataset["code"] = "";
  const link = document.createElement("a");
  link.dataset["link"] = "";
  link.className = "block text-ink no-underline hover:underline";
  link.href = result.url;
  link.append(
    code,
    span("block font-medium", result.aliases[0] ?? ""),
    span("block text-sm text-muted", ...result.names.map((name) => highlighted(name, terms))),
  );
  const li = document.createElement("li");
  li.className = "rounded px-2 py-2 has-[a:focus-visible]:bg-surface data-[first]:bg-surface";
  li.append(link);
  return li;
}

function keyItem(
  template: HTMLTemplateElement,
  result: Result,
  terms: readonly string[],
  related: boolean,
): HTMLLIElement {
  const fragment = template.content.cloneNode(true) as DocumentFragment;
  const li = required<HTMLLIElement>(fragment, "li");
  required<HTMLAnchorElement>(li, "[data-link]").href = result.url;
  const names = required<HTMLElement>(li, "[data-names]");
  for (const name of result.names) names.append(highlighted(name, terms));
  const aliases = required<HTMLElement>(li, "[data-aliases]");
  if (result.aliases.length > 0) aliases.textContent = `Earlier name: ${result.aliases.join("; ")}`;
  else aliases.remove();
  // What the key is, then where: "Windows Server 2019" already names its family; "Windows
  // 8.1" gets its family's title. Same names, other kind (an AVMA row) is told apart here.
  const where = result.group.startsWith(result.familyTitle)
    ? result.group
    : `${result.familyTitle} · ${result.group}`;
  required<HTMLElement>(li, "[data-where]").textContent = `${result.keyKind} · ${where}`;
  const edition = result.names[0] ?? result.key;
  const copyable = required<HTMLElement>(li, "kms-key");
  const steps = required<HTMLAnchorElement>(li, "[data-steps]");
  if (related) {
    // Another edition's key, for reference only: no Copy, no command, no activation steps
    // one click away from someone who asked for an edition that has no key.
    const code = Object.assign(document.createElement("code"), { textContent: result.key });
    code.className = "font-mono text-sm text-muted";
    copyable.replaceWith(code);
    steps.remove();
    return li;
  }
  fillCopyableKey(copyable, result.key, edition, result.command);
  steps.href = activationUrl(result.url);
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

export function line(...parts: (string | Node)[]): HTMLParagraphElement {
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
  if (query.cut !== undefined) {
    notes.push(
      line(
        `Searched only the first ${MAX_QUERY_LENGTH} characters of the ${query.cut.toLocaleString("en")} typed.`,
      ),
    );
  }
  if (query.corrected.length > 0) {
    const fixed = query.corrected.map(([from, to]) => `“${to}” for “${from}”`).join(", ");
    notes.push(line(`Searched ${fixed}.`));
  }
  if (query.skipped.length > 0) {
    notes.push(line(`Left out ${quoteWords(query.skipped)}: too common to narrow the search.`));
  }
  switch (answer.kind) {
    case "rows": {
      const count = answer.rows.length;
      const errors = answer.rows.filter((row) => row.kind === "error").length;
      const counted = [
        [count - errors, "key", "keys"],
        [errors, "activation error", "activation errors"],
      ] as const;
      const what = counted
        .filter(([n]) => n > 0)
        .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
        .join(" and ");
      const shown = count > SHOWN ? `, showing the first ${SHOWN}` : "";
      return [line(`${what}${shown}.`), ...notes];
    }
    case "no-key":
      return [
        line(
          "No key for ",
          echo(value),
          ` on Microsoft's lists: nothing on them is called ${quoteWords(answer.unknown)}.`,
        ),
        line(NO_KEY_REASON),
        ...notes,
      ];
    case "no-match":
      if (answer.scope)
        return [
          line(
            `Microsoft's page “${answer.scope.page}”, revision of ${answer.scope.revision}, lists no ${answer.scope.keyKind} named with all of `,
            echo(value),
            ".",
          ),
          line(`Its ${answer.scope.keyKind}s are for ${listWords(answer.scope.versions)}.`),
          ...notes,
        ];
      return [
        line("No edition on Microsoft's lists is named with all of ", echo(value), "."),
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

/** A typed or pasted error code: found, or not on Microsoft's list (with the list to browse). */
export function codeLines(code: string, found: boolean, listUrl: string): Node[] {
  if (found) return [line(`Activation error ${code}.`)];
  const link = Object.assign(document.createElement("a"), { href: listUrl });
  link.textContent = "the codes that are";
  return [
    line(`${code} is not on Microsoft's list of activation errors.`),
    line("This site explains only the codes Microsoft documents: see ", link, "."),
  ];
}
