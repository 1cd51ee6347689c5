/**
 * Naming characters that came from a user so that an answer can quote them safely: an
 * invisible or direction-changing character is named by its code point (an empty-looking
 * quote tells nobody anything), and a letter from another script is named as such (a
 * Cyrillic "Т" looks exactly like the Latin "T").
 */
import { codePoint, isInvisible } from "./invisible";

/** Names of the invisible characters that most often ride along with a paste. */
const INVISIBLE_NAMES = new Map<number, string>([
  [0x0000, "null character"],
  [0x0009, "tab"],
  [0x000a, "line feed"],
  [0x000d, "carriage return"],
  [0x00a0, "no-break space"],
  [0x00ad, "soft hyphen"],
  [0x061c, "Arabic letter mark"],
  [0x180e, "Mongolian vowel separator"],
  [0x200b, "zero width space"],
  [0x200c, "zero width non-joiner"],
  [0x200d, "zero width joiner"],
  [0x200e, "left-to-right mark"],
  [0x200f, "right-to-left mark"],
  [0x202a, "left-to-right embedding"],
  [0x202b, "right-to-left embedding"],
  [0x202c, "pop directional formatting"],
  [0x202d, "left-to-right override"],
  [0x202e, "right-to-left override"],
  [0x2060, "word joiner"],
  [0x2066, "left-to-right isolate"],
  [0x2067, "right-to-left isolate"],
  [0x2068, "first strong isolate"],
  [0x2069, "pop directional isolate"],
  [0xfeff, "zero width no-break space"],
]);

/** Letters of other scripts that are drawn like a Latin capital, keyed by character. */
const LOOK_ALIKES = new Map<string, [script: string, latin: string]>();
for (const [script, pairs] of [
  ["Cyrillic", "АA ВB ЕE КK МM НH ОO РP СC ТT ХX УY ЅS ІI ЈJ аa еe оo рp сc хx уy ѕs іi јj"],
  ["Greek", "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX οo ρp νv"],
] as const) {
  for (const pair of pairs.split(" ")) LOOK_ALIKES.set(pair.charAt(0), [script, pair.charAt(1)]);
}

/** The script a letter belongs to, among those people paste by accident; undefined for Latin and others. */
function scriptOf(char: string): string | undefined {
  for (const script of ["Cyrillic", "Greek", "Armenian", "Cherokee"]) {
    if (new RegExp(`\\p{Script=${script}}`, "u").test(char)) return script;
  }
  return undefined;
}

/**
 * A character as an answer should quote it: `“&”`; `U+200B (zero width space), which is
 * invisible`; `“Т” (U+0422), a Cyrillic letter that looks like the Latin “T”`.
 */
export function describeCharacter(char: string): string {
  if (isInvisible(char)) {
    const name = INVISIBLE_NAMES.get(char.codePointAt(0) ?? -1);
    return `${codePoint(char)}${name ? ` (${name})` : ""}, an invisible character`;
  }
  const lookAlike = LOOK_ALIKES.get(char);
  if (lookAlike) {
    return `“${char}” (${codePoint(char)}), a ${lookAlike[0]} letter that looks like the Latin “${lookAlike[1]}”`;
  }
  const script = scriptOf(char);
  if (script)
    return `“${char}” (${codePoint(char)}), ${/^[AEIOU]/.test(script) ? "an" : "a"} ${script} letter`;
  if (/[^\x20-\x7e]/.test(char)) return `“${char}” (${codePoint(char)})`;
  return `“${char}”`;
}
