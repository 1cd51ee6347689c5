/**
 * What the search box answers, decided before anything is drawn: the rows that answer the
 * question, or an honest "no key" when the question names something Microsoft's list does
 * not have (related rows may follow, never as the answer). Plain TypeScript, unit-tested.
 */
import type { SearchQuery } from "./searchQuery";
import { answersQuery, type Candidate } from "./searchRank";
import { scopeOf, type SearchScope } from "./searchScopes";

export type SearchAnswer<T> =
  /** Rows whose name (or key) holds everything asked for, best first. */
  | { kind: "rows"; rows: T[] }
  /** Some words match nothing on the list: there is no key for what was asked. */
  | { kind: "no-key"; unknown: string[]; related: T[] }
  /**
   * Every word is on the list, but no edition's name holds them all; `scope` when the
   * question names a kind of key ("avma 2025"), whose page then says what it does list.
   */
  | { kind: "no-match"; related: T[]; scope?: SearchScope | undefined }
  /** Only words that describe every key ("kms key"): nothing to choose a row by. */
  | { kind: "too-general" };

export function answerQuery<T extends Candidate>(
  query: SearchQuery,
  ranked: readonly T[],
  scopes: readonly SearchScope[] = [],
): SearchAnswer<T> {
  if (query.unknown.length > 0)
    return { kind: "no-key", unknown: query.unknown, related: [...ranked] };
  if (query.terms.length === 0) return { kind: "too-general" };
  const rows = ranked.filter((candidate) => answersQuery(query, candidate));
  if (rows.length > 0) return { kind: "rows", rows };
  return { kind: "no-match", related: [...ranked], scope: scopeOf(query.terms, scopes) };
}

/**
 * Why a key may be missing, in the key pages' own terms: they list volume-licensed editions,
 * and each kind of key needs what it activates against. Names no family: the lists grow.
 */
export const NO_KEY_REASON =
  "Microsoft's lists cover volume-licensed editions only, and each key activates only against what it is made for (a KMS host, or for an AVMA key an activated Datacenter Hyper-V host): none activates a retail copy.";
