/**
 * The HTML that Pagefind indexes for one key or one activation error: a small synthetic
 * page per row, so that a result is a row (not a whole page) and its parts carry weights.
 */
import { escapeHtml } from "../text/html";
import type { KeyRecord } from "../keys/keyRecords";
import { searchWords } from "./searchQuery";

/** What /errors.json publishes for one code, as far as search needs it. */
export interface ErrorRecord {
  code: string;
  message: string;
  summary: string;
  path: string;
}

/** The heading error results show, in place of a key's family. */
export const ERRORS_TITLE = "Activation error codes";

/** Pagefind weights (1 = body text). Names dominate; where the row sits is context only. */
const SEARCH_WEIGHTS = { names: 10, aliases: 8, context: 2, key: 1 } as const;

/** The fields the search UI reads back from a result's `meta` (see scripts/pagefindSearch.ts). */
export interface SearchMeta {
  /** "key" or "error". */
  kind: string;
  /** Names, as a JSON array (Pagefind folds the whitespace in meta values). */
  names: string;
  /** Earlier names, as a JSON array. */
  aliases: string;
  key: string;
  family: string;
  group: string;
  /** The key's activation method (activation/methods.ts), kind and install line; empty for an error. */
  method: string;
  keyKind: string;
  command: string;
  /** Position in page order, as a decimal string. */
  order: string;
}

export function searchMeta(record: KeyRecord, order: number): SearchMeta {
  return {
    kind: "key",
    names: JSON.stringify(record.names),
    aliases: JSON.stringify(record.aliases),
    key: record.key,
    family: record.familyTitle,
    group: record.group,
    method: record.method,
    keyKind: record.keyKind,
    command: record.command,
    order: String(order),
  };
}

/** The words a query may be corrected to: every word of every name, alias, heading and error message. */
export function searchTexts(
  records: readonly KeyRecord[],
  errors: readonly ErrorRecord[] = [],
): string[] {
  return [
    ...records.flatMap((r) => [...r.names, ...r.aliases, r.group, r.section, r.familyTitle]),
    ...errors.flatMap((e) => [e.message, e.summary]),
  ];
}

/** An error as a search row: its message is its name, its summary an earlier name, the code its "key". */
export function errorSearchMeta(error: ErrorRecord, order: number): SearchMeta {
  return {
    kind: "error",
    names: JSON.stringify([error.message]),
    aliases: JSON.stringify([error.summary]),
    key: error.code,
    family: ERRORS_TITLE,
    group: error.code,
    method: "",
    keyKind: "",
    command: "",
    order: String(order),
  };
}

export function errorSearchDocument(error: ErrorRecord, order: number): string {
  const code = error.code.toLowerCase();
  return page(errorSearchMeta(error, order), [
    part(SEARCH_WEIGHTS.names, error.message),
    part(SEARCH_WEIGHTS.aliases, error.summary),
    // The code as people type it: with and without "0x".
    part(SEARCH_WEIGHTS.key, `${code} ${code.slice(2)}`),
  ]);
}

export function searchDocument(record: KeyRecord, order: number): string {
  return page(searchMeta(record, order), [
    part(SEARCH_WEIGHTS.names, record.names.join(". ")),
    part(SEARCH_WEIGHTS.aliases, record.aliases.join(". ")),
    part(SEARCH_WEIGHTS.context, contextText(record).join(". ")),
    // No key groups: the box finds a key or part of one in keys.json (keyFragmentTerms).
  ]);
}

/**
 * Where the row sits (version group, section, family) and what kind of key it is ("AVMA
 * key"), each once and only if it adds a word its names and the texts before it lack:
 * "Windows 8" under "Windows 8" adds nothing. Every word stays findable, and the index and
 * the fragment the first search downloads carry no repeats.
 */
export function contextText(record: KeyRecord): string[] {
  const seen = new Set(record.names.flatMap((name) => searchWords(name)));
  const kept: string[] = [];
  for (const heading of [record.group, record.section, record.familyTitle, record.keyKind]) {
    const words = searchWords(heading);
    if (words.every((word) => seen.has(word))) continue;
    kept.push(heading);
    for (const word of words) seen.add(word);
  }
  // "Windows 8.1" also as "Windows 81", for readers who skip the dot.
  const dotted = [...record.names, ...kept].filter((text) => /\d\.\d/.test(text));
  return [...kept, ...dotted.map((text) => text.replace(/(\d)\.(\d)/g, "$1$2"))];
}

// The value goes in `content`: in the attribute itself a comma would split it.
const meta = (name: string, value: string) =>
  `<meta data-pagefind-meta="${name}[content]" content="${escapeHtml(value)}">`;
const part = (weight: number, text: string) =>
  text === "" ? "" : `<p data-pagefind-weight="${weight}">${escapeHtml(text)}</p>`;

function page(fields: SearchMeta, parts: string[]): string {
  return [
    `<html lang="en"><head>`,
    // An empty field (an error has no method) is left out: the reader defaults it to "".
    ...Object.entries(fields)
      .filter(([, value]) => value !== "")
      .map(([name, value]) => meta(name, value)),
    `</head><body>`,
    ...parts,
    `</body></html>`,
  ].join("");
}
