/**
 * The HTML that Pagefind indexes for one key or one activation error: a small synthetic
 * page per row, so that a result is a row (not a whole page) and its parts carry weights.
 */
import { escapeHtml } from "../text/html";
import type { KeyRecord } from "../keys/keyRecords";
import { isGeneralWord, searchWords, synonymWords } from "./searchQuery";

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

/**
 * Where a key row sits and how its key is used, shared by every row of one version group: the
 * group heading, the family's title, the key's method, its kind and its install line before the
 * key. Written once into /search-words.json (searchPlaces) and named by its index in each row's
 * fields, so that a row's search fragment carries only what is its own.
 */
export interface SearchPlace {
  group: string;
  family: string;
  method: string;
  keyKind: string;
  /** The install line before the key, e.g. `slmgr /ipk ` (activation/methods.ts's installPrefix). */
  install: string;
}

/** The places of `records`, in page order, each once. */
export function searchPlaces(records: readonly KeyRecord[]): SearchPlace[] {
  const places: SearchPlace[] = [];
  for (const record of records) if (placeIndex(places, record) === -1) places.push(placeOf(record));
  return places;
}

function placeOf(record: KeyRecord): SearchPlace {
  // A key's command is its install line, prefix then key (activation/installLine.ts), or none.
  if (record.command !== "" && !record.command.endsWith(record.key))
    throw new Error(`search: the command of ${record.path} does not end with its key`);
  return {
    group: record.group,
    family: record.familyTitle,
    method: record.method,
    keyKind: record.keyKind,
    install: record.command.slice(0, record.command.length - record.key.length),
  };
}

function placeIndex(places: readonly SearchPlace[], record: KeyRecord): number {
  const own = placeOf(record);
  return places.findIndex((place) =>
    (Object.keys(own) as (keyof SearchPlace)[]).every((field) => place[field] === own[field]),
  );
}

/**
 * The fields the search UI reads back from a result (see scripts/pagefindSearch.ts), each a
 * list of strings. They are Pagefind *filters*, not meta: Pagefind 1.5+ indexes every meta
 * value as searchable words, and the keys alone (random groups) made the index that every
 * first search downloads three times larger. Filters stay out of the word index and are
 * never loaded by a search without filters; they reach the UI in each row's fragment, so
 * they are short, and what rows share is in their place.
 */
export interface SearchFields {
  /** The key, or an error's code. */
  key: [string];
  names: string[];
  /** Earlier names; left out when there are none. */
  aliases?: string[];
  /** A key row's place: its index in searchPlaces' list, in decimal; left out for an error. */
  place?: [string];
  /** Position in page order, in decimal. */
  order: [string];
}

/** A key row's fields; `places` are the site's (searchPlaces), which must hold the row's. */
export function searchFields(
  record: KeyRecord,
  order: number,
  places: readonly SearchPlace[],
): SearchFields {
  const place = placeIndex(places, record);
  if (place === -1) throw new Error(`search: no place for ${record.path}`);
  return {
    key: [record.key],
    names: record.names,
    ...(record.aliases.length > 0 ? { aliases: record.aliases } : {}),
    place: [String(place)],
    order: [String(order)],
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
export function errorSearchFields(error: ErrorRecord, order: number): SearchFields {
  return {
    key: [error.code],
    names: [error.message],
    aliases: [error.summary],
    order: [String(order)],
  };
}

export function errorSearchDocument(error: ErrorRecord, order: number): string {
  const code = error.code.toLowerCase();
  return page(errorSearchFields(error, order), [
    part(SEARCH_WEIGHTS.names, error.message),
    part(SEARCH_WEIGHTS.aliases, error.summary),
    // The code as people type it: with and without "0x"; and what a query reads the message's
    // abbreviations as ("no srv records" is searched as "no server records").
    part(
      SEARCH_WEIGHTS.key,
      [code, code.slice(2), ...synonymWords(`${error.message} ${error.summary}`)].join(" "),
    ),
  ]);
}

export function searchDocument(
  record: KeyRecord,
  order: number,
  places: readonly SearchPlace[],
): string {
  return page(searchFields(record, order, places), [
    part(SEARCH_WEIGHTS.names, record.names.join(". ")),
    part(SEARCH_WEIGHTS.aliases, record.aliases.join(". ")),
    part(SEARCH_WEIGHTS.context, contextText(record).join(". ")),
    // No key groups: the box finds a key or part of one in keys.json (keyFragmentTerms).
  ]);
}

/**
 * Where the row sits (version group, section, family) and what kind of key it is ("AVMA
 * key"): only the words of those headings that a question can search for (no "kms", "key",
 * "of": searchQuery drops them) and that the names and the headings before them lack, each
 * once; and a dotted version without its dot ("81" for "8.1"). Every searchable word stays
 * findable, while the index every first search downloads carries no word on every row.
 */
export function contextText(record: KeyRecord): string[] {
  const seen = new Set(record.names.flatMap((name) => searchWords(name)));
  const kept: string[] = [];
  for (const heading of [record.group, record.section, record.familyTitle, record.keyKind]) {
    const words = searchWords(heading).filter((word) => !isGeneralWord(word) && !seen.has(word));
    for (const word of words) seen.add(word);
    if (words.length > 0) kept.push([...new Set(words)].join(" "));
  }
  // "Windows 8.1" is also found as "Windows 81", for readers who skip the dot.
  const dotless = [...record.names, record.group, record.section, record.familyTitle]
    .flatMap((text) => [...text.matchAll(/\d+\.\d+/g)].map(([version]) => version.replace(".", "")))
    .filter((version) => !kept.some((words) => words.split(" ").includes(version)));
  return [...kept, ...new Set(dotless)];
}

// The value goes in `content`: in the attribute itself a comma would split it.
const field = (name: string, value: string) =>
  `<meta data-pagefind-filter="${name}[content]" content="${escapeHtml(value)}">`;
const part = (weight: number, text: string) =>
  text === "" ? "" : `<p data-pagefind-weight="${weight}">${escapeHtml(text)}</p>`;

function page(fields: SearchFields, parts: string[]): string {
  return [
    `<html><head>`,
    ...Object.entries(fields).flatMap(([name, values]: [string, string[]]) =>
      values.map((value) => field(name, value)),
    ),
    `</head><body>`,
    ...parts,
    `</body></html>`,
  ].join("");
}
