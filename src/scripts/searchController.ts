/**
 * The search box's behaviour, loaded on first interest (see SiteSearch.astro): Pagefind
 * finds the rows, src/lib ranks them, and results are built from a <template> with
 * textContent only, so nothing typed or indexed is ever parsed as HTML.
 */
import { visibleText } from "../lib/characters";
import { checkKey, looksLikeKey } from "../lib/keyChecker";
import type { KeyRecord } from "../lib/keyRecords";
import { answerQuery, NO_KEY_REASON, quoteWords, type SearchAnswer } from "../lib/searchAnswer";
import { prepareQuery, type SearchQuery } from "../lib/searchQuery";
import { highlightRanges, rankCandidates, type Candidate } from "../lib/searchRank";
import type { SearchMeta } from "../lib/searchDocument";
import { activationUrl, checkerUrl, withBase } from "../utils/url";
import { announce } from "./announce";
import { fillCopyableKey } from "./fillCopyableKey";
import { paragraph, unlistedVerdict } from "./keyVerdictView";

/** The part of Pagefind's browser API this UI uses. */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}
interface PagefindData {
  url: string;
  meta: Partial<SearchMeta>;
}
interface Result extends Candidate {
  url: string;
  familyTitle: string;
}

/** Rows shown at once; Pagefind's best this many are ranked. */
const SHOWN = 8;
const CANDIDATES = 40;

/** `pagefindModule` is Pagefind's pagefind.js, already being fetched by SiteSearch.astro. */
export async function attachSearch(
  root: HTMLElement,
  pagefindModule: Promise<unknown>,
): Promise<void> {
  const input = required<HTMLInputElement>(root, "input");
  const panel = required<HTMLElement>(root, "#kms-search-results");
  const status = required<HTMLElement>(root, "[data-status]");
  const check = required<HTMLAnchorElement>(root, "[data-check]");
  const relatedNote = required<HTMLElement>(root, "[data-related]");
  const list = required<HTMLOListElement>(root, "[data-list]");
  const showAll = required<HTMLButtonElement>(root, "[data-show-all]");
  const template = required<HTMLTemplateElement>(root, "template[data-result]");

  // Listeners go on at once; searches wait for Pagefind, so nothing typed meanwhile is lost.
  const ready = Promise.all([
    startPagefind(pagefindModule),
    fetch(root.dataset["words"] ?? "/search-words.json").then(
      (response) => response.json() as Promise<string[]>,
    ),
  ]);
  // Every listed key, fetched the first time something key-shaped is typed (the checker needs all).
  let listedKeys: Promise<KeyRecord[]> | undefined;
  const keyList = () =>
    (listedKeys ??= fetch(root.dataset["keys"] ?? "/keys.json")
      .then((response) => response.json() as Promise<{ keys: KeyRecord[] }>)
      .then((data) => data.keys));

  let latest = 0;
  /** What Enter opens: the rows that answer the question, never related ones. */
  let results: Result[] = [];
  let announceTimer: number | undefined;

  const show = (open: boolean) => {
    panel.hidden = !open;
  };

  async function run(value: string): Promise<void> {
    const ticket = ++latest;
    const [pagefind, vocabulary] = await ready;
    if (value.trim() === "") {
      results = [];
      list.replaceChildren();
      show(false);
      return;
    }
    if (looksLikeKey(value)) {
      const verdict = checkKey(value, await keyList());
      if (ticket !== latest) return;
      if (verdict.kind === "listed") {
        const record = verdict.listed as KeyRecord;
        const query = prepareQuery(record.key, vocabulary);
        return renderRows({ kind: "rows", rows: [fromRecord(record)] }, query, value);
      }
      results = [];
      list.replaceChildren();
      relatedNote.hidden = true;
      showAll.hidden = true;
      check.hidden = false;
      check.href = checkerUrl(value.trim());
      return finish(unlistedVerdict(verdict), value);
    }
    const query = prepareQuery(value, vocabulary);
    const found = query.terms.length === 0 ? [] : await find(pagefind, query);
    // A newer keystroke has taken over: its results, not these, are the ones shown and opened.
    if (ticket !== latest) return;
    renderRows(answerQuery(query, found), query, value);
  }

  function renderRows(answer: SearchAnswer<Result>, query: SearchQuery, value: string): void {
    check.hidden = true;
    const rows = answer.kind === "rows" ? answer.rows : [];
    const related = answer.kind === "no-key" || answer.kind === "no-match" ? answer.related : [];
    results = rows;
    relatedNote.hidden = related.length === 0;
    const draw = (all: boolean) => {
      const shown = rows.length > 0 ? rows : related;
      const limit = all ? shown.length : SHOWN;
      list.replaceChildren(
        ...shown.slice(0, limit).map((result, i) => item(result, query, i, rows.length > 0)),
      );
      showAll.hidden = shown.length <= limit;
      showAll.textContent = `Show all ${shown.length}`;
    };
    draw(false);
    showAll.onclick = () => {
      draw(true);
      links()[SHOWN]?.focus();
    };
    finish(answerLines(answer, query, value), value);
  }

  /** Puts the answer's lines in the status, opens the panel, and announces the first line. */
  function finish(lines: Node[], value: string): void {
    status.replaceChildren(...lines);
    panel.dataset["query"] = value; // which input these results answer (tests and benchmarks wait on it)
    show(true);
    window.clearTimeout(announceTimer);
    const message = lines[0]?.textContent ?? "";
    // Announce once typing pauses, not on every keystroke.
    announceTimer = window.setTimeout(() => announce(message), 600);
  }

  function item(
    result: Result,
    query: SearchQuery,
    index: number,
    isAnswer: boolean,
  ): HTMLLIElement {
    const fragment = template.content.cloneNode(true) as DocumentFragment;
    const li = required<HTMLLIElement>(fragment, "li");
    if (index === 0 && isAnswer) li.dataset["first"] = ""; // what Enter in the box opens
    required<HTMLAnchorElement>(li, "[data-link]").href = result.url;
    const names = required<HTMLElement>(li, "[data-names]");
    for (const name of result.names) names.append(highlighted(name, query.terms));
    const aliases = required<HTMLElement>(li, "[data-aliases]");
    if (result.aliases.length > 0)
      aliases.textContent = `Earlier name: ${result.aliases.join("; ")}`;
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

  /** The search for what is in the box now; Enter waits for it rather than open a stale result. */
  let current: Promise<void> = Promise.resolve();
  input.addEventListener("input", () => {
    current = run(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      openFirstWhenReady();
    } else if (event.key === "Escape") {
      if (input.value !== "") {
        event.preventDefault();
        input.value = "";
        current = run("");
      } else {
        show(false);
      }
    }
  });

  panel.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (at === -1) all[0]?.focus();
      else if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
      show(false);
    } else if (
      event.key.length === 1 &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      (event.target as Element).matches("[data-link]")
    ) {
      input.focus(); // typing on a result goes back to the box, and the key lands there
    }
  });
  panel.addEventListener("click", (event) => {
    window.clearTimeout(announceTimer); // let "Copied" be what is heard, not the result count
    if ((event.target as Element).closest("[data-link]")) show(false);
  });
  root.addEventListener("focusout", (event) => {
    if (!root.contains(event.relatedTarget as Node | null)) show(false);
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "") show(true);
  });

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>("[data-link]")];

  function open(url: string): void {
    show(false);
    window.location.assign(url);
  }

  /** Enter in the box: the first result of the search for what is typed now, once it is in. */
  function openFirstWhenReady(): void {
    void current.then(() => {
      const first = results[0];
      if (first) open(first.url);
    });
  }

  // What was typed, and an Enter pressed, before this module arrived (see SiteSearch.astro).
  if (input.value !== "") current = run(input.value);
  if (root.dataset["enter"] !== undefined) {
    delete root.dataset["enter"];
    openFirstWhenReady();
  }
  await current;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search: ${selector} is missing from SiteSearch.astro`);
  return element;
}

async function startPagefind(module: Promise<unknown>): Promise<Pagefind> {
  const pagefind = (await module) as Pagefind;
  // Main thread is plenty for 82 rows and saves the worker's download; excerpts are unused.
  // Ranking: whole-word matches and short rows first. Measured on the query set, raw queries,
  // Pagefind alone: top-1 54/71 with defaults, 56/71 with these; src/lib/searchRank then orders.
  await pagefind.options({
    noWorker: true,
    excerptLength: 0,
    ranking: { termSimilarity: 5, pageLength: 1 },
  });
  await pagefind.init();
  // While the user is still typing, fetch the index and the (single) fragment file, so
  // that the first real search finds everything already here.
  void pagefind.search("windows").then((search) => search?.results[0]?.data());
  return pagefind;
}

async function find(pagefind: Pagefind, query: SearchQuery): Promise<Result[]> {
  const search = await pagefind.search(query.terms.join(" "));
  const data = await Promise.all((search?.results ?? []).slice(0, CANDIDATES).map((r) => r.data()));
  const candidates = data.map(toResult).filter((r): r is Result => r !== undefined);
  return rankCandidates(query, candidates);
}

function toResult({ url, meta }: PagefindData): Result | undefined {
  if (!meta.key || !meta.names) return undefined;
  return {
    url,
    key: meta.key,
    names: stringList(meta.names),
    aliases: stringList(meta.aliases),
    group: meta.group ?? "",
    familyTitle: meta.family ?? "",
    order: Number(meta.order ?? Infinity),
  };
}

/** A JSON array of strings from the index; anything else reads as no names. */
function stringList(json: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json ?? "[]");
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === "string")
      : [];
  } catch {
    return [];
  }
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

/** A row of keys.json as a search result (the key checker's path to a listed key). */
function fromRecord(record: KeyRecord): Result {
  return {
    url: withBase(record.path),
    key: record.key,
    names: record.names,
    aliases: record.aliases,
    group: record.group,
    familyTitle: record.familyTitle,
    order: 0,
  };
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

/** The answer in words: first line is the verdict (and what is announced), then any notes. */
function answerLines(answer: SearchAnswer<Result>, query: SearchQuery, value: string): Node[] {
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
