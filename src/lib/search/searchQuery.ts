/**
 * Turns what an administrator types into the words Pagefind should look for: the same
 * tokenising as the index, the abbreviations people actually use ("std", "dc", "w10",
 * "2k19"), typo correction against the site's own vocabulary, and whole keys pasted in.
 * Plain TypeScript: the search UI and the unit tests share it.
 */
import { normalizeKeyInput } from "../keys/keyInput";
import { formatKey, KEY_CHARACTER } from "../keys/keyShape";

/** What the search box asks for, once understood. */
export interface SearchQuery {
  /** Words to search for (lower case), in the order typed; empty when there is nothing to search. */
  terms: string[];
  /** The key, when the input is a whole product key (any case, hyphens or spaces optional). */
  key?: string | undefined;
  /** Words that match nothing on Microsoft's list: the question names something that has no key here. */
  unknown: string[];
  /** Words left out because they say nothing about which key ("kms", "key", "for"). */
  skipped: string[];
  /** Typos fixed: [as typed, as searched]. */
  corrected: [string, string][];
  /** The length of what was typed, when only its first MAX_QUERY_LENGTH characters were read. */
  cut?: number | undefined;
}

/** Longest input considered: anything longer is a paste accident, not a query. */
export const MAX_QUERY_LENGTH = 200;
/**
 * Most terms searched for. An error's message typed whole has up to 22 (within MAX_QUERY_LENGTH),
 * and its last words are what tell it from the others ("The Software Protection Service
 * reported that the computer couldn't be activated…" opens five of them).
 */
const MAX_TERMS = 24;

const KEY_CHARS = new RegExp(`^${KEY_CHARACTER}{25}$`);
/**
 * A key group or the start of one: key-alphabet characters (no vowels, so no English word)
 * that either hold a digit or make a whole group of five.
 */
const KEY_FRAGMENT = new RegExp(`^(?:(?=.*\\d)${KEY_CHARACTER}{3,5}|${KEY_CHARACTER}{5})$`, "i");

/**
 * Abbreviations and spellings admins use, to the words the names use. A Map, not an object
 * literal: a typed "constructor" must not find Object.prototype's.
 */
const SYNONYMS = new Map<string, string[]>(
  Object.entries({
    w: ["windows"],
    win: ["windows"],
    wind: ["windows"],
    window: ["windows"],
    srv: ["server"],
    svr: ["server"],
    ws: ["windows", "server"],
    std: ["standard"],
    stnd: ["standard"],
    dc: ["datacenter"],
    dtc: ["datacenter"],
    datacentre: ["datacenter"],
    centre: ["center"],
    ent: ["enterprise"],
    entreprise: ["enterprise"],
    edu: ["education"],
    prof: ["pro"],
    professional: ["pro"],
    wks: ["workstations"],
    wkstn: ["workstations"],
    ess: ["essentials"],
    mp: ["multipoint"],
    hv: ["hyper", "v"],
    hyperv: ["hyper", "v"],
    biz: ["business"],
    sac: ["semi", "annual", "channel"],
    // Office, as its names are typed: "proplus", "pro plus" (pro starts "Professional").
    proplus: ["professional", "plus"],
    // AVMA: Automatic Virtual Machine Activation, the keys of Windows Server virtual machines.
    automatic: ["avma"],
    virtual: ["avma"],
    machine: ["avma"],
    machines: ["avma"],
    vm: ["avma"],
    vms: ["avma"],
  }),
);

/**
 * Words that describe every row (or none), and the small words of a question ("what is the
 * key for …"): searching for them would only narrow the search to nothing.
 */
const NOISE = new Set(
  (
    "a activate activation an and bit client code edition for generic gvlk gvlks i ipk is key " +
    "keys kms licence license licensing microsoft ms my need number of os please product " +
    "serial setup slmgr the to version volume what which x64 x86"
  ).split(" "),
);

/**
 * The words a query would search for in place of those of `text` that are abbreviations
 * ("SRV" is searched as "server"): indexed beside a text that uses them, so that a query
 * typed with the text's own words still finds it. Each once, none the text has.
 */
export function synonymWords(text: string): string[] {
  const words = searchWords(text);
  const added = words.flatMap((word) => SYNONYMS.get(word) ?? []);
  return [...new Set(added)].filter((word) => !words.includes(word));
}

/** Whether a word says nothing about which key (it describes every row, or none): "kms", "key", "for". */
export function isGeneralWord(word: string): boolean {
  return NOISE.has(word);
}

/**
 * Lower-cased words of `text`, split as the index splits them: "8.1" stays one word
 * (written "81", so "8.1" and "81" meet), "Hyper-V" is "hyper" and "v".
 */
export function searchWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/(\d)\.(\d)/g, "$1$2")
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

/** The distinct words of every name, alias and heading: what a query word may be corrected to. */
export function searchVocabulary(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of searchWords(text)) words.add(word);
  return [...words].sort();
}

export function prepareQuery(input: string, vocabulary: readonly string[]): SearchQuery {
  // Past the limit, keep whole words only: a cut word would search for something never typed.
  const text =
    input.length > MAX_QUERY_LENGTH ? input.slice(0, MAX_QUERY_LENGTH).replace(/\S*$/, "") : input;
  const compact = normalizeKeyInput(text).replaceAll("-", "");
  if (KEY_CHARS.test(compact)) {
    const key = formatKey(compact);
    return { terms: key.toLowerCase().split("-"), key, unknown: [], skipped: [], corrected: [] };
  }

  const query: SearchQuery = { terms: [], unknown: [], skipped: [], corrected: [] };
  if (text !== input) query.cut = input.length;
  const typedWords = searchWords(text).filter((word) => {
    if (!NOISE.has(word)) return true;
    if (!query.skipped.includes(word)) query.skipped.push(word);
    return false;
  });
  const isKnown = (word: string) =>
    vocabulary.some((v) => v.startsWith(word)) || KEY_FRAGMENT.test(word);
  const split = (word: string) => (isKnown(word) ? [word] : splitRunTogether(word));
  for (const typed of typedWords.flatMap(split)) {
    for (const word of SYNONYMS.get(typed) ?? [typed]) {
      const term = isKnown(word) ? word : closestWord(word, vocabulary);
      if (term === undefined) {
        if (!query.unknown.includes(typed)) query.unknown.push(typed);
      } else {
        if (term !== word) query.corrected.push([typed, term]);
        if (!query.terms.includes(term)) query.terms.push(term);
      }
    }
  }
  query.terms = query.terms.slice(0, MAX_TERMS);
  return query;
}

/**
 * The terms that are a product key's group or the start of one ("6vm33", "wx4n"). They are
 * looked up in keys.json rather than in the search index: 410 random words would make the
 * index every first search downloads about 2.7 KB larger.
 */
export function keyFragmentTerms(query: SearchQuery): string[] {
  return query.terms.filter((term) => KEY_FRAGMENT.test(term));
}

/** Whether every fragment starts one of the key's five groups. */
export function keyHasFragments(key: string, fragments: readonly string[]): boolean {
  const groups = key.toLowerCase().split("-");
  return fragments.every((fragment) => groups.some((group) => group.startsWith(fragment)));
}

/** "win10" → "win 10", "2012r2" → "2012 r2", "2k19" → "2019": how version numbers get typed. */
export function splitRunTogether(word: string): string[] {
  const shortYear = /^w?2k(\d{1,2})(r2)?$/.exec(word);
  if (shortYear?.[1]) {
    const year = `20${shortYear[1].padStart(2, "0")}`;
    return shortYear[2] ? [year, "r2"] : [year];
  }
  if (/^\d{4}r2$/.test(word)) return [word.slice(0, 4), "r2"];
  const lettersThenNumber = /^([a-z]+)(\d+)$/.exec(word);
  if (lettersThenNumber?.[1] && lettersThenNumber[2] && !/^(r2|20h2)$/.test(word)) {
    return [lettersThenNumber[1], lettersThenNumber[2]];
  }
  const numberThenLetters = /^(\d+)([a-z]{2,})$/.exec(word);
  if (numberThenLetters?.[1] && numberThenLetters[2]) {
    return [numberThenLetters[1], numberThenLetters[2]];
  }
  return [word];
}

/**
 * The vocabulary word a typo most likely meant: one edit away for words of 5–7
 * letters, two for longer ones; short words and numbers are never guessed at.
 */
function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  if (word.length < 5 || /\d/.test(word)) return undefined;
  const allowed = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of vocabulary) {
    if (Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = editDistance(word, candidate, allowed);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal-string-alignment distance (a swap of neighbours is one edit), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? Infinity;
}
