/**
 * Which characters of a user's text show nothing, and the text with each of them written out
 * by code point. Apart from characters.ts, whose names of characters only answers need: the
 * search box echoes every query through this, and loads no table of names for it.
 */

/** Code point as Unicode writes it: U+200B. */
export function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Characters that show nothing, or change how the text around them is ordered or drawn:
 * controls, format characters (bidi, zero-width), separators other than the plain space,
 * unassigned and private-use code points, lone surrogates, and whatever else Unicode says
 * to ignore when drawing (variation selectors, Hangul fillers, the combining grapheme joiner).
 */
const INVISIBLE = /[\p{C}\p{Z}\p{Default_Ignorable_Code_Point}]/u;

export function isInvisible(char: string): boolean {
  return char !== " " && INVISIBLE.test(char);
}

/**
 * Text safe to echo back: each invisible character replaced by its code point in brackets
 * ("ab[U+202E]cd"), so nothing hidden can reorder or blank out the page around it.
 * Callers still put it in a <bdi> so that right-to-left letters stay inside it.
 */
export function visibleText(text: string): string {
  let out = "";
  for (const char of text) out += isInvisible(char) ? `[${codePoint(char)}]` : char;
  return out;
}
