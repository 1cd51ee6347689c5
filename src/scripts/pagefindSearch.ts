/**
 * The search box's use of Pagefind: start it, search, and turn its records into results
 * ranked by src/lib/search/searchRank.ts. What Pagefind returns is data only, never HTML we render.
 */
import type { KeyRecord } from "../lib/keys/keyRecords";
import { ERRORS_TITLE, type SearchFields, type SearchPlace } from "../lib/search/searchDocument";
import type { SearchQuery } from "../lib/search/searchQuery";
import { rankCandidates, type Candidate } from "../lib/search/searchRank";
import { installLine } from "../lib/activation/installLine";
import { withBase } from "../site/url";

/** The part of Pagefind's browser API this site uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}
interface PagefindData {
  url: string;
  /** Our fields (searchDocument.ts's SearchFields), as Pagefind stores filters; checked on use. */
  filters: Partial<Record<keyof SearchFields, unknown>>;
}

/** One row as the box shows it: a key row, or an activation error (its code in `key`). */
export interface Result extends Candidate {
  kind: "key" | "error";
  url: string;
  familyTitle: string;
  /** The key's activation method, kind and install line (empty for an error). */
  method: string;
  keyKind: string;
  command: string;
}

/** Pagefind's best this many rows are ranked (each a fragment to fetch). */
const CANDIDATES = 40;

/**
 * How long a search waits for the next keystroke before it fetches its rows' fields: a frame.
 * 40 ms cost the warm search 30 ms more (bench:search median 58 ms against 28 ms) for no fewer
 * bytes on a first search.
 */
const SETTLE_MS = 16;

export async function startPagefind(module: Promise<unknown>): Promise<Pagefind> {
  const pagefind = (await module) as Pagefind;
  // Main thread is plenty for 82 rows and saves the worker's download; excerpts are unused.
  // Ranking: whole-word matches and short rows first. Measured on the query set, raw queries,
  // Pagefind alone: top-1 54/71 with defaults, 56/71 with these; src/lib/search/searchRank then orders.
  await pagefind.options({
    noWorker: true,
    excerptLength: 0,
    ranking: { termSimilarity: 5, pageLength: 1 },
  });
  await pagefind.init();
  // While the user is still typing, fetch the index, so that the first real search finds it here.
  void pagefind.search("windows");
  return pagefind;
}

/**
 * `places` are /search-words.json's: where each key row sits, shared by its version group.
 * Each candidate's fields are a request of their own (a fragment), so a search that a newer
 * keystroke overtakes (`current` says no) within SETTLE_MS fetches none.
 */
export async function findRows(
  pagefind: Pagefind,
  query: SearchQuery,
  places: readonly SearchPlace[],
  current: () => boolean,
): Promise<Result[]> {
  const search = await pagefind.search(query.terms.join(" "));
  // A pause shorter than a keystroke: while typing goes on, no row's fields are fetched.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  if (!current()) return [];
  const data = await Promise.all((search?.results ?? []).slice(0, CANDIDATES).map((r) => r.data()));
  const candidates = data
    .map((found) => toResult(found, places))
    .filter((r): r is Result => r !== undefined);
  return rankCandidates(query, candidates);
}

/**
 * The row of activation error `code` ("0xC004F074"), found in the index by the code itself
 * (each error's page carries it, with and without "0x"); undefined when Microsoft's list has
 * no such code. No other file is fetched for it: the index is already the search's.
 */
export async function findErrorRow(
  pagefind: Pagefind,
  code: string,
  places: readonly SearchPlace[],
): Promise<Result | undefined> {
  const search = await pagefind.search(code.toLowerCase());
  for (const result of (search?.results ?? []).slice(0, ERROR_CANDIDATES)) {
    const row = toResult(await result.data(), places);
    if (row?.kind === "error" && row.key === code) return row;
  }
  return undefined;
}

/** A code is its row's own word: its row comes first, or among the first few when codes share a start. */
const ERROR_CANDIDATES = 3;

/** A row of the index as a result: a key row's place from `places`; a row with no place is an error. */
function toResult(
  { url, filters }: PagefindData,
  places: readonly SearchPlace[],
): Result | undefined {
  const [key] = strings(filters.key);
  const names = strings(filters.names);
  if (!key || names.length === 0) return undefined;
  const fields = { url, key, names, aliases: strings(filters.aliases) };
  const [order = "", place = ""] = [strings(filters.order)[0], strings(filters.place)[0]];
  const position = /^\d+$/.test(order) ? Number(order) : Infinity;
  if (filters.place === undefined) return { ...errorFields(key), ...fields, order: position };
  const found = /^\d+$/.test(place) ? places[Number(place)] : undefined;
  if (found === undefined) return undefined;
  let command = "";
  try {
    if (found.install !== "") command = installLine(found.install, key);
  } catch {
    return undefined; // not a key, or not a tool's prefix: never offered as a command
  }
  return {
    kind: "key",
    ...fields,
    group: found.group,
    familyTitle: found.family,
    method: found.method,
    keyKind: found.keyKind,
    command,
    order: position,
  };
}

/** What an activation error's result has in place of a key row's place. */
function errorFields(code: string) {
  return {
    kind: "error",
    group: code,
    familyTitle: ERRORS_TITLE,
    method: "",
    keyKind: "",
    command: "",
  } as const;
}

/** A field's values from the index; anything but strings is left out. */
function strings(values: unknown): string[] {
  return Array.isArray(values)
    ? values.filter((item): item is string => typeof item === "string")
    : [];
}

/** A row of keys.json as a result (how the key checker's listed key is shown). */
export function fromRecord(record: KeyRecord): Result {
  return {
    kind: "key",
    url: withBase(record.path),
    key: record.key,
    names: record.names,
    aliases: record.aliases,
    group: record.group,
    familyTitle: record.familyTitle,
    method: record.method,
    keyKind: record.keyKind,
    command: record.command,
    order: 0,
  };
}
