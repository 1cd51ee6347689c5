/** A product key's alphabet and written shape: the part of src/lib/productKey.ts that copy buttons need too. */

/** The 24 base-24 digits of a product key, in value order (`B` = 0 … `9` = 23). */
export const KEY_ALPHABET = "BCDFGHJKMPQRTVWXY2346789";

/** A key as published: five groups of five characters from the alphabet plus `N`. */
export const KEY_PATTERN = /^[BCDFGHJKMNPQRTVWXY2346789]{5}(?:-[BCDFGHJKMNPQRTVWXY2346789]{5}){4}$/;
