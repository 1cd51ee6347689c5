/**
 * What each kind of key covers, for the honest answer to a question about a kind of key the
 * site has but not for that version: "avma 2025" is answered "Microsoft's AVMA page, revision
 * of 19 September 2023, lists no AVMA key named with all of …; it lists Windows Server 2022,
 * 2019, 2016 and 2012 R2". Derived at build time from the key records and the source pages
 * (written into /search-words.json); plain data in the browser.
 */
import type { KeyRecord } from "../keys/keyRecords";
import { isGeneralWord, searchWords } from "./searchQuery";

export interface SearchScope {
  /** The words of the kind that name it in a question ("avma"); a kind without any has no scope. */
  words: string[];
  /** The kind of key, e.g. "AVMA key". */
  keyKind: string;
  /** The Microsoft page that lists them, and its newest revision, as the answer writes it. */
  page: string;
  revision: string;
  /** The version groups it lists, in page order. */
  versions: string[];
}

/**
 * One scope per kind of key whose name holds a word of its own ("KMS client key" has none).
 * `date` writes a revision as the answer shows it (the build passes text/dates.ts's, so that
 * the browser's search code needs no date formatting of its own).
 */
export function searchScopes(
  records: readonly KeyRecord[],
  pages: readonly { id: string; title: string; revisions: readonly string[] }[],
  date: (revision: string) => string = (revision) => revision,
): SearchScope[] {
  const scopes: SearchScope[] = [];
  for (const record of records) {
    const words = searchWords(record.keyKind).filter((word) => !isGeneralWord(word));
    if (words.length === 0) continue;
    let scope = scopes.find((s) => s.keyKind === record.keyKind);
    if (scope === undefined) {
      const page = pages.find((p) => p.id === record.source);
      scope = {
        words,
        keyKind: record.keyKind,
        page: page?.title ?? record.source,
        revision: date(page?.revisions.at(-1) ?? ""),
        versions: [],
      };
      scopes.push(scope);
    }
    if (!scope.versions.includes(record.group)) scope.versions.push(record.group);
  }
  return scopes;
}

/** The scope a question names by one of its words, if any. */
export function scopeOf(
  terms: readonly string[],
  scopes: readonly SearchScope[],
): SearchScope | undefined {
  return scopes.find((scope) => scope.words.some((word) => terms.includes(word)));
}
