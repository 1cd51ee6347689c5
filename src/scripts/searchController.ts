/**
 * The search box's behaviour, loaded on first interest by <kms-search> (SiteSearch.astro):
 * what is typed goes to the key checker when it looks like a key, else to Pagefind; the
 * answer is decided in src/lib/search/searchAnswer.ts and drawn by searchView.ts from text only.
 */
import { findErrorCode } from "../lib/errors/activationErrors";
import { looksLikeKey } from "../lib/keys/keyAttempt";
import type { KeyRecord } from "../lib/keys/keyRecords";
import { answerQuery, type SearchAnswer } from "../lib/search/searchAnswer";
import {
  keyFragmentTerms,
  keyHasFragments,
  prepareQuery,
  type SearchQuery,
} from "../lib/search/searchQuery";
import { rankCandidates } from "../lib/search/searchRank";
import { checkerUrl, withBase } from "../site/url";
import { announce } from "./announce";
import {
  findRows,
  findErrorRow,
  fromRecord,
  startPagefind,
  type Pagefind,
  type Result,
} from "./pagefindSearch";
import { answerLines, codeLines, required, resultItem, SHOWN } from "./searchView";
import { keyGroupsIn, keysIn } from "../lib/keys/keyInput";
import type { SearchScope } from "../lib/search/searchScopes";
import type { SearchPlace } from "../lib/search/searchDocument";
import type { HostKeys } from "../lib/kmsHosts/hostKeySchema";
import { CONVERSION_WORD, HOST_WORD } from "../lib/search/guideWords";
import type { Conversions } from "../lib/conversions/conversionQuestion";

/**
 * /search-words.json: the vocabulary, what each kind of key covers, and where the rows sit
 * (src/integrations/searchIndex.ts).
 */
type SearchWords = { words: string[]; scopes: SearchScope[]; places: SearchPlace[] };

/** What SiteSearch.astro's element offers: the paste behind the box's value, lines and all. */
type PastedText = { pastedText?: (value: string) => string | undefined };

/** How long typing must pause before the answer is announced. */
const ANNOUNCE_AFTER_MS = 600;

export class SearchController {
  readonly #root: HTMLElement;
  readonly #input: HTMLInputElement;
  readonly #panel: HTMLElement;
  readonly #status: HTMLElement;
  readonly #check: HTMLAnchorElement;
  readonly #relatedNote: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #showAll: HTMLButtonElement;
  readonly #template: HTMLTemplateElement;
  /** Pagefind and the vocabulary: searches wait for them, so nothing typed meanwhile is lost. */
  readonly #ready: Promise<[Pagefind, SearchWords]>;
  /** The host-key tables and the conversions, each fetched the first time it is asked about. */
  #hostTables: Promise<HostKeys[]> | undefined;
  #conversions: Promise<Conversions> | undefined;
  /** Every listed key, fetched the first time something key-shaped is typed. */
  #listedKeys: Promise<KeyRecord[]> | undefined;
  /** Each search's ticket: a late answer to an earlier keystroke is dropped. */
  #latest = 0;
  /** The search for what is in the box now; Enter waits for it rather than open a stale result. */
  #current: Promise<void> = Promise.resolve();
  /** What Enter opens: the rows that answer the question, never related ones. */
  #answers: Result[] = [];
  #announceTimer: number | undefined;

  /** `pagefindModule` is Pagefind's pagefind.js, already being fetched by SiteSearch.astro. */
  constructor(root: HTMLElement, pagefindModule: Promise<unknown>) {
    this.#root = root;
    this.#input = required(root, "input");
    this.#panel = required(root, "#kms-search-results");
    this.#status = required(root, "[data-status]");
    this.#check = required(root, "[data-check]");
    this.#relatedNote = required(root, "[data-related]");
    this.#list = required(root, "[data-list]");
    this.#showAll = required(root, "[data-show-all]");
    this.#template = required(root, "template[data-result]");
    this.#ready = Promise.all([
      startPagefind(pagefindModule),
      this.#fetchJson<SearchWords>("words", "/search-words.json"),
    ]);
    this.#listen();
  }

  /** Takes over what was typed, and an Enter pressed, before this module arrived. */
  async start(enterPressed: boolean): Promise<void> {
    if (this.#input.value !== "") this.#search(this.#input.value);
    if (enterPressed) this.#openFirstAnswer();
    await this.#current;
  }

  async #fetchJson<T>(name: string, fallback: string): Promise<T> {
    const response = await fetch(this.#root.dataset[name] ?? fallback);
    return (await response.json()) as T;
  }

  #listen(): void {
    this.#input.addEventListener("input", () => this.#search(this.#input.value));
    this.#input.addEventListener("keydown", (event) => this.#onBoxKey(event));
    this.#input.addEventListener("focus", () => {
      if (this.#input.value.trim() !== "") this.#show(true);
    });
    this.#panel.addEventListener("keydown", (event) => this.#onPanelKey(event));
    this.#panel.addEventListener("click", (event) => {
      window.clearTimeout(this.#announceTimer); // let "Copied" be what is heard, not the count
      if ((event.target as Element).closest("[data-link]")) this.#show(false);
    });
    this.#root.addEventListener("focusout", (event) => {
      if (!this.#root.contains(event.relatedTarget as Node | null)) this.#show(false);
    });
  }

  #search(value: string): void {
    this.#current = this.#run(value);
  }

  async #run(value: string): Promise<void> {
    const ticket = ++this.#latest;
    const [pagefind, { words: vocabulary, scopes, places }] = await this.#ready;
    if (value.trim() === "") return this.#clear();
    // A status output pasted with its lines (SiteSearch.astro keeps them): read line by line.
    const raw = (this.#root as HTMLElement & PastedText).pastedText?.(value);
    if (raw !== undefined) {
      const [{ readStatus }, { statusPasteLines }, keys] = await Promise.all([
        import("../lib/status/statusReading"),
        import("./searchPasteLines"),
        this.#keys(),
      ]);
      const products = readStatus(raw, keys).products.filter(
        (product) => product.channel !== undefined || product.partialKey !== undefined,
      );
      if (ticket !== this.#latest) return;
      if (products.length > 0) {
        const rows = [...new Set(products.flatMap((product) => product.listed ?? []))];
        return this.#renderRows(
          rows.map(fromRecord),
          statusPasteLines(products.length, withBase("status/")),
          value,
        );
      }
    }
    const code = findErrorCode(value);
    if (code !== undefined) {
      const row = await findErrorRow(pagefind, code, places);
      if (ticket !== this.#latest) return;
      // An error code: its row as the answer, or an honest "not on Microsoft's list".
      return this.#renderRows(
        row ? [row] : [],
        codeLines(code, row !== undefined, withBase("errors/")),
        value,
      );
    }
    if (looksLikeKey(value)) {
      // The checker (the checksum, the character names) loads only once a key is typed.
      const [{ checkKey }, { unlistedVerdict }, keys] = await Promise.all([
        import("../lib/keys/keyChecker"),
        import("./keyVerdictView"),
        this.#keys(),
      ]);
      const verdict = checkKey(value, keys);
      if (ticket !== this.#latest) return;
      if (verdict.kind === "listed") {
        const query = prepareQuery(verdict.key, vocabulary);
        return this.#renderAnswer(
          { kind: "rows", rows: [fromRecord(verdict.listed)] },
          query,
          value,
        );
      }
      return this.#renderVerdict(unlistedVerdict(verdict), value);
    }
    if (keysIn(value).length > 1 || keyGroupsIn(value).length > 0) {
      const [{ pastedKeys }, { pastedKeyLines }, keys] = await Promise.all([
        import("../lib/search/pastedKeys"),
        import("./searchPasteLines"),
        this.#keys(),
      ]);
      const found = pastedKeys(value, keys);
      if (ticket !== this.#latest) return;
      if (found)
        return this.#renderRows(
          found.listed.map(fromRecord),
          pastedKeyLines(found, checkerUrl),
          value,
        );
    }
    const query = prepareQuery(value, vocabulary);
    const fragments = keyFragmentTerms(query);
    const found =
      query.terms.length === 0
        ? []
        : fragments.length > 0
          ? rankCandidates(
              query,
              (await this.#keys())
                .map((record, order) => ({ ...fromRecord(record), order }))
                .filter((row) => keyHasFragments(row.key, fragments)),
            )
          : await findRows(pagefind, query, places, () => ticket === this.#latest);
    // A newer keystroke has taken over: its results, not these, are the ones shown and opened.
    if (ticket !== this.#latest) return;
    const answer = answerQuery(query, found, scopes);
    // Keys and error messages first ("kms host not reachable"); else a question the guide
    // pages answer (KMS hosts, conversions), from their data, loaded only then.
    if (answer.kind !== "rows") {
      const lines = await this.#guide(value);
      if (ticket !== this.#latest) return;
      if (lines.length > 0) return this.#renderRows([], lines, value);
    }
    this.#renderAnswer(answer, query, value);
  }

  /** The guide pages' answer to what was typed, or none. */
  async #guide(value: string): Promise<Node[]> {
    const host = HOST_WORD.test(value);
    if (!host && !CONVERSION_WORD.test(value)) return [];
    const guides = await import("./searchGuideLines");
    if (host) {
      this.#hostTables ??= this.#fetchJson<{ tables: HostKeys[] }>("hosts", "/kms-hosts.json").then(
        (data) => data.tables,
      );
      return guides.hostLines(value, await this.#hostTables, withBase("kms-hosts/"));
    }
    this.#conversions ??= this.#fetchJson<Conversions>("conversions", "/conversions.json");
    return guides.conversionLines(value, await this.#conversions, withBase("convert/"));
  }

  /** keys.json, fetched the first time a key or part of one is typed. */
  #keys(): Promise<KeyRecord[]> {
    this.#listedKeys ??= this.#fetchJson<{ keys: KeyRecord[] }>("keys", "/keys.json").then(
      (data) => data.keys,
    );
    return this.#listedKeys;
  }

  #clear(): void {
    this.#answers = [];
    this.#list.replaceChildren();
    this.#show(false);
  }

  /** Rows that are the answer (an error code's, a paste's keys), with what was found; nothing related. */
  #renderRows(rows: Result[], lines: Node[], value: string): void {
    this.#check.hidden = true;
    this.#relatedNote.hidden = true;
    this.#answers = rows;
    this.#drawRows(rows, [], true);
    this.#finish(lines, value);
  }

  /** A key that is not listed: the checker's verdict, no rows, and a link to the checker. */
  #renderVerdict(lines: Node[], value: string): void {
    this.#answers = [];
    this.#drawRows([], [], false);
    this.#check.hidden = false;
    this.#check.href = checkerUrl(value.trim());
    this.#finish(lines, value);
  }

  #renderAnswer(answer: SearchAnswer<Result>, query: SearchQuery, value: string): void {
    this.#check.hidden = true;
    this.#answers = answer.kind === "rows" ? answer.rows : [];
    const related = answer.kind === "no-key" || answer.kind === "no-match" ? answer.related : [];
    const shown = this.#answers.length > 0 ? this.#answers : related;
    this.#drawRows(shown, query.terms, this.#answers.length > 0);
    this.#relatedNote.hidden = related.length === 0;
    this.#finish(answerLines(answer, query, value), value);
  }

  /** The first SHOWN rows, and "Show all N" for the rest. */
  #drawRows(rows: Result[], terms: readonly string[], areAnswers: boolean): void {
    const draw = (limit: number) => {
      this.#list.replaceChildren(
        ...rows
          .slice(0, limit)
          .map((row, i) =>
            resultItem(
              this.#template,
              row,
              terms,
              !areAnswers ? "related" : i === 0 ? "first" : "answer",
            ),
          ),
      );
      this.#showAll.hidden = rows.length <= limit;
      this.#showAll.textContent = `Show all ${rows.length}`;
    };
    draw(SHOWN);
    this.#showAll.onclick = () => {
      draw(rows.length);
      this.#links()[SHOWN]?.focus();
    };
  }

  /** Puts the answer's lines in the status, opens the panel, and announces the first line. */
  #finish(lines: Node[], value: string): void {
    this.#status.replaceChildren(...lines);
    this.#panel.dataset["query"] = value; // which input these results answer (tests and benchmarks wait on it)
    this.#show(true);
    window.clearTimeout(this.#announceTimer);
    const message = lines[0]?.textContent ?? "";
    this.#announceTimer = window.setTimeout(() => announce(message), ANNOUNCE_AFTER_MS);
  }

  #show(open: boolean): void {
    this.#panel.hidden = !open;
  }

  #links(): HTMLAnchorElement[] {
    return [...this.#list.querySelectorAll<HTMLAnchorElement>("[data-link]")];
  }

  #onBoxKey(event: KeyboardEvent): void {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      this.#links()[0]?.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      this.#openFirstAnswer();
    } else if (event.key === "Escape") {
      if (this.#input.value !== "") {
        event.preventDefault();
        this.#input.value = "";
        this.#search("");
      } else {
        this.#show(false);
      }
    }
  }

  #onPanelKey(event: KeyboardEvent): void {
    const all = this.#links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (at === -1) all[0]?.focus();
      else if (next < 0) this.#input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      this.#input.focus();
      this.#show(false);
    } else if (
      event.key.length === 1 &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      (event.target as Element).matches("[data-link]")
    ) {
      this.#input.focus(); // typing on a result goes back to the box, and the key lands there
    }
  }

  /** Enter in the box: the first answer to what is typed now, once it is in; never a related row. */
  #openFirstAnswer(): void {
    void this.#current.then(() => {
      const first = this.#answers[0];
      if (!first) return;
      this.#show(false);
      window.location.assign(first.url);
    });
  }
}
