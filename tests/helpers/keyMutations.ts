/** Broken variants of real keys, so tests never need a key typed by hand. */
import { diagnoseKey, KEY_ALPHABET } from "../../src/lib/productKey";

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
