/**
 * Orders Pagefind's candidates the way an administrator reads them. Pagefind finds the
 * rows; this decides which comes first among rows that all match, using what BM25 cannot
 * see: whether a name is exactly what was typed, how many words it adds, and which row is
 * newer (page order). See docs/search.md.
 */
import { METHOD_IDS } from "../activation/methodIds";
import { isGeneralWord, searchWords, synonymWords, type SearchQuery } from "./searchQuery";

export interface Candidate {
  key: string;
  names: string[];
  aliases: string[];
  /** Version group heading, e.g. "Windows Server, version 1803". */
  group: string;
  /** The key's kind ("KMS client key", "AVMA key"): a heading above the row too. */
  keyKind: string;
  /** The key's activation method: among rows that answer equally, the site's first method's come first. */
  method: string;
  /** Position in page order (keys.json); lower is newer / more prominent. */
  order: number;
}

/** How well one candidate answers the query; compared field by field. */
interface Fit {
  /** 0: the key itself; 1: one name holds every term; 2: the terms are spread over the row. */
  tier: number;
  /** Sum over terms of 3 (whole word) or 2 (start of a word), in the best name. */
  match: number;
  /**
   * The method's place in activation/methods.ts: "2019" or "2019 std" holds no product word,
   * and Office's short names ("Access 2019") must not push Windows Server 2019 down.
   */
  method: number;
  /** Words of the best name (and its version) that the query did not ask for. */
  extra: number;
}

/** Exact word 3, start of a word 2, missing 0. */
function termMatch(term: string, words: readonly string[]): number {
  if (words.includes(term)) return 3;
  return words.some((word) => word.startsWith(term)) ? 2 : 0;
}

/** A name's words plus, when the name carries no version (e.g. "Windows Server Datacenter"), its group's. */
function labelWords(label: string, group: string): string[] {
  const words = searchWords(label);
  if (words.some((word) => /\d/.test(word))) return words;
  return [...words, ...searchWords(group).filter((word) => /\d/.test(word))];
}

function fit(query: SearchQuery, candidate: Candidate): Fit {
  const keyGroups = candidate.key.toLowerCase().split("-");
  const keyHit =
    query.key === candidate.key ||
    query.terms.some(
      (term) => term.length >= 3 && keyGroups.some((group) => group.startsWith(term)),
    );
  const method = METHOD_IDS.indexOf(candidate.method);
  let best: Fit = { tier: 2, match: 0, method, extra: Infinity };
  for (const label of [...candidate.names, ...candidate.aliases]) {
    const words = labelWords(label, candidate.group);
    // Not the family's title: "Windows 11 and Windows 10" would make "windows 11 ltsb" an
    // answer by the rows of Windows 10 LTSB.
    const context = searchWords(`${candidate.group} ${candidate.keyKind}`);
    const scores = query.terms.map((term) => termMatch(term, words));
    // A heading word (version group, kind of key) counts only whole: "windows 11 se" must not
    // find every row under a heading with "semi-annual" in it, as if "se" were an edition
    // those rows have; "avma 2022" finds the AVMA rows, whose kind says "AVMA".
    // What a query reads the name's abbreviations as counts too, whole: "no srv records" is
    // searched as "no server records", and an error's message says "SRV".
    const read = synonymWords(label);
    const covered = query.terms.every(
      (term, i) =>
        (scores[i] ?? 0) > 0 || termMatch(term, context) === 3 || termMatch(term, read) === 3,
    );
    const used = words.filter((word) => query.terms.some((term) => word.startsWith(term)));
    // Words no query searches for ("the", "product", "key") are no extra: an error's message
    // typed whole must not lose to a shorter one for the words the box left out of it.
    const unsought = words.filter((word) => isGeneralWord(word) && !used.includes(word));
    const candidateFit: Fit = {
      tier: covered ? 1 : 2,
      match: scores.reduce((sum, score) => sum + score, 0),
      method,
      extra: words.length - used.length - unsought.length,
    };
    if (compareFit(candidateFit, best) < 0) best = candidateFit;
  }
  return keyHit ? { ...best, tier: 0 } : best;
}

function compareFit(a: Fit, b: Fit): number {
  return a.tier - b.tier || b.match - a.match || a.method - b.method || a.extra - b.extra;
}

/**
 * Whether a row answers the query, rather than only sharing words with it: the key itself,
 * or a name (with its version heading) that holds every word asked for.
 */
export function answersQuery(query: SearchQuery, candidate: Candidate): boolean {
  return fit(query, candidate).tier <= 1;
}

/** Candidates best first; ties keep page order, so newer releases come first. */
export function rankCandidates<T extends Candidate>(
  query: SearchQuery,
  candidates: readonly T[],
): T[] {
  const fits = new Map(candidates.map((candidate) => [candidate, fit(query, candidate)]));
  return [...candidates].sort(
    (a, b) => compareFit(fits.get(a) as Fit, fits.get(b) as Fit) || a.order - b.order,
  );
}

/** Spans of `name` to highlight: the words that a query term matches (whole or as a prefix). */
export function highlightRanges(name: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const match of name.matchAll(/[\p{L}\p{N}]+(?:\.\d+)?/gu)) {
    const [word] = searchWords(match[0]);
    if (word !== undefined && terms.some((term) => word.startsWith(term))) {
      ranges.push([match.index, match.index + match[0].length]);
    }
  }
  return ranges;
}
