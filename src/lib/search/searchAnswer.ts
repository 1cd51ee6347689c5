/**
 * What the search box answers, decided before anything is drawn: the rows that answer the
 * question, or an honest "no key" when the question names something Microsoft's list does
 * not have (related rows may follow, never as the answer). Plain TypeScript, unit-tested.
 */
import type { SearchQuery } from "./searchQuery";
import { answersQuery, type Candidate } from "./searchRank";

export type SearchAnswer<T> =
  /** Rows whose name (or key) holds everything asked for, best first. */
  | { kind: "rows"; rows: T[] }
  /** Some words match nothing on the list: there is no key for what was asked. */
  | { kind: "no-key"; unknown: string[]; related: T[] }
  /** Every word is on the list, but no edition's name holds them all. */
  | { kind: "no-match"; related: T[] }
  /** Only words that describe every key ("kms key"): nothing to choose a row by. */
  | { kind: "too-general" };

export function answerQuery<T extends Candidate>(
  query: SearchQuery,
  ranked: readonly T[],
): SearchAnswer<T> {
  if (query.unknown.length > 0)
    return { kind: "no-key", unknown: query.unknown, related: [...ranked] };
  if (query.terms.length === 0) return { kind: "too-general" };
  const rows = ranked.filter((candidate) => answersQuery(query, candidate));
  return rows.length > 0 ? { kind: "rows", rows } : { kind: "no-match", related: [...ranked] };
}

/**
 * Why a key may be missing, in the key pages' own terms: they list volume-licensed editions,
 * and each kind of key needs what it activates against. Names no family: the lists grow.
 */
export const NO_KEY_REASON =
  "Microsoft's lists cover volume-licensed editions only, and each key activates only against what it is made for (a KMS host, or for an AVMA key an activated Datacenter Hyper-V host): none activates a retail copy.";

/** “home”, “office” and “xp”. */
export function quoteWords(words: readonly string[]): string {
  const quoted = words.map((word) => `“${word}”`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1) ?? ""}`;
}
