/** A product key's alphabet and written shape: the part of src/lib/keys/productKey.ts that copy buttons need too. */

/** The 24 base-24 digits of a product key, in value order (`B` = 0 … `9` = 23). */
export const KEY_ALPHABET = "BCDFGHJKMPQRTVWXY2346789";

/** One character of a written key: a digit of the alphabet, or the `N` of Windows 8+ keys. */
export const KEY_CHARACTER = `[${KEY_ALPHABET}N]`;

/** A key as published: five groups of five characters from the alphabet plus `N`. */
export const KEY_PATTERN = new RegExp(`^${KEY_CHARACTER}{5}(?:-${KEY_CHARACTER}{5}){4}$`);

/** Formats 25 characters as five hyphen-separated groups of five. */
export function formatKey(chars: string): string {
  return (chars.match(/.{1,5}/g) ?? []).join("-");
}
