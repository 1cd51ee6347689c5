/** Broken variants of real keys, so tests never need a key typed by hand. */
import { KEY_ALPHABET } from "../../src/lib/keys/keyShape";
import { diagnoseKey } from "../../src/lib/keys/productKey";

/** Every key made by changing one character (not a hyphen, not the N) to another alphabet digit. */
export function singleCharacterMutations(key: string): string[] {
  const out: string[] = [];
  [...key].forEach((char, i) => {
    if (char === "-" || char === "N") return;
    for (const other of KEY_ALPHABET) {
      if (other !== char) out.push(key.slice(0, i) + other + key.slice(i + 1));
    }
  });
  return out;
}

/** A one-character typo of `key` that the checksum catches (the key must carry an N). */
export function checksumTypo(key: string): string {
  const typo = singleCharacterMutations(key).find(
    (m) => diagnoseKey(m).status === "checksum-fails",
  );
  if (typo === undefined) throw new Error(`no detectable typo for ${key}`);
  return typo;
}

export interface MistypedKey {
  /** What an administrator pasted. */
  typed: string;
  /** The listed key it was meant to be. */
  listed: string;
  how: string;
}

/**
 * Mistyped keys as people make them, from the listed keys given: one character changed (a
 * different group each time), two neighbours swapped, lower case with spaces, a pre-N key
 * with a typo. Every one differs from its listed key in one or two places.
 */
export function mistypedKeys(keys: readonly string[]): MistypedKey[] {
  const withN = keys.filter((key) => key.includes("N"));
  const withoutN = keys.filter((key) => !key.includes("N"));
  const out: MistypedKey[] = [];
  withN.slice(0, 10).forEach((key, i) => {
    const at = (i % 5) * 6 + ((i * 2) % 5);
    const at2 = key[at] === "N" ? at + (at % 6 === 4 ? -1 : 1) : at;
    const char = key.charAt(at2);
    const other = KEY_ALPHABET.charAt((KEY_ALPHABET.indexOf(char) + 7) % KEY_ALPHABET.length);
    out.push({
      typed: key.slice(0, at2) + other + key.slice(at2 + 1),
      listed: key,
      how: `character ${at2 + 1} changed`,
    });
  });
  for (const key of withN.slice(10, 13)) {
    const group = key.split("-");
    const at = group.findIndex((g, gi) => gi > 0 && g[0] !== g[1] && !g.slice(0, 2).includes("N"));
    const g = group[at] ?? "";
    group[at] = `${g[1] ?? ""}${g[0] ?? ""}${g.slice(2)}`;
    out.push({
      typed: group.join("-"),
      listed: key,
      how: `two characters of group ${at + 1} swapped`,
    });
  }
  for (const key of withN.slice(13, 15)) {
    const typo = checksumTypo(key);
    out.push({
      typed: ` ${typo.toLowerCase().replaceAll("-", " ")} `,
      listed: key,
      how: "lower case, spaced",
    });
  }
  for (const key of withoutN.slice(0, 2)) {
    const [typo = key] = singleCharacterMutations(key).slice(30, 31);
    out.push({ typed: typo, listed: key, how: "pre-N key, one character changed" });
  }
  return out;
}
