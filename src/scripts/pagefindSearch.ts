/**
 * The search box's use of Pagefind: start it, search, and turn its records into results
 * ranked by src/lib/search/searchRank.ts. What Pagefind returns is data only, never HTML we render.
 */
import type { KeyRecord } from "../lib/keys/keyRecords";
import { ERRORS_TITLE, type ErrorRecord, type SearchMeta } from "../lib/search/searchDocument";
import type { SearchQuery } from "../lib/search/searchQuery";
import { rankCandidates, type Candidate } from "../lib/search/searchRank";
import { withBase } from "../site/url";

/** The part of Pagefind's browser API this site uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}
interface PagefindData {
  url: string;
  meta: Partial<SearchMeta>;
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

/** Pagefind's best this many rows are ranked. */
const CANDIDATES = 40;

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
  // While the user is still typing, fetch the index and the (single) fragment file, so
  // that the first real search finds everything already here.
  void pagefind.search("windows").then((search) => search?.results[0]?.data());
  return pagefind;
}

export async function findRows(pagefind: Pagefind, query: SearchQuery): Promise<Result[]> {
  const search = await pagefind.search(query.terms.join(" "));
  const data = await Promise.all((search?.results ?? []).slice(0, CANDIDATES).map((r) => r.data()));
  const candidates = data.map(toResult).filter((r): r is Result => r !== undefined);
  return rankCandidates(query, candidates);
}

function toResult({ url, meta }: PagefindData): Result | undefined {
  if (!meta.key || !meta.names) return undefined;
  return {
    kind: meta.kind === "error" ? "error" : "key",
    url,
    key: meta.key,
    names: stringList(meta.names),
    aliases: stringList(meta.aliases),
    group: meta.group ?? "",
    familyTitle: meta.family ?? "",
    method: meta.method ?? "",
    keyKind: meta.keyKind ?? "",
    command: meta.command ?? "",
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

/** An entry of errors.json as a result (how a typed or pasted code is answered). */
export function fromError(error: ErrorRecord): Result {
  return {
    kind: "error",
    url: withBase(error.path),
    key: error.code,
    names: [error.message],
    aliases: [error.summary],
    group: error.code,
    familyTitle: ERRORS_TITLE,
    method: "",
    keyKind: "",
    command: "",
    order: 0,
  };
}
