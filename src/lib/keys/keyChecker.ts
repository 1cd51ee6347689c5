/**
 * The key checker: what can be known offline about a pasted product key. Plain TypeScript
 * over src/lib/keys/productKey.ts, for the /check/ page, the search box and the unit tests.
 */
import { diagnoseKey } from "./productKey";

/** What the checker needs to know about a listed key. */
export interface ListedKey {
  key: string;
  names: string[];
  /** Path of its row below the site's base. */
  path: string;
}

/** A listed key that a mistyped input is close to. */
export interface Suspect<T extends ListedKey = ListedKey> {
  listed: T;
  /** 1-based numbers of the groups that differ. */
  groups: number[];
  /** 0-based positions, in the hyphenated key, of the characters that differ. */
  positions: number[];
}

export type Verdict<T extends ListedKey = ListedKey> =
  /** One of our keys. */
  | { kind: "listed"; key: string; listed: T }
  /** Well formed, checksum valid, not ours: perhaps a MAK or retail key (or, rarely, a typo the checksum misses). */
  | { kind: "unlisted"; key: string; suspects: Suspect<T>[] }
  /** Well formed, pre-Windows 8 scheme (no N): only the shape can be checked; not ours. */
  | { kind: "unlisted-shape-only"; key: string; suspects: Suspect<T>[] }
  /** Well formed but the checksum fails: almost always a typo. */
  | { kind: "checksum-fails"; key: string; suspects: Suspect<T>[] }
  /** Not a product key at all. */
  | { kind: "malformed"; message: string };

/** Listed keys at most this many characters away are offered as "did you mean". */
const NEAR = 2;

export function checkKey<T extends ListedKey>(input: string, listed: readonly T[]): Verdict<T> {
  const diagnosis = diagnoseKey(input);
  if (diagnosis.status === "malformed") return { kind: "malformed", message: diagnosis.message };
  const { key } = diagnosis;
  const match = listed.find((entry) => entry.key === key);
  if (match) return { kind: "listed", key, listed: match };
  if (diagnosis.status === "checksum-fails")
    return { kind: "checksum-fails", key, suspects: near(key, listed) };
  if (diagnosis.checksum === "not-checkable") {
    return { kind: "unlisted-shape-only", key, suspects: near(key, listed) };
  }
  return { kind: "unlisted", key, suspects: near(key, listed) };
}

/** Listed keys that differ from `key` in at most NEAR characters, closest first. */
function near<T extends ListedKey>(key: string, listed: readonly T[]): Suspect<T>[] {
  return listed
    .map((entry) => ({
      listed: entry,
      positions: [...key].flatMap((char, i) => (char === entry.key[i] ? [] : [i])),
    }))
    .filter(({ positions }) => positions.length > 0 && positions.length <= NEAR)
    .sort((a, b) => a.positions.length - b.positions.length)
    .map(({ listed: entry, positions }) => ({
      listed: entry,
      positions,
      groups: [...new Set(positions.map((i) => Math.floor(i / 6) + 1))],
    }));
}
