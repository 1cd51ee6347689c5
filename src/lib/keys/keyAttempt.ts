/**
 * Whether the search box should check what was typed as a key rather than search its words.
 * Apart from src/lib/keys/keyChecker.ts, which the box loads only once a key is typed.
 */
import { isInvisible } from "../text/invisible";
import { keyGroups, MAX_KEY_INPUT } from "./keyInput";

/**
 * Whether what was typed is an attempt at a whole key (so the search box should check it
 * rather than search for words): 20 to 30 characters in groups of at most six, or in one run
 * that holds a digit.
 */
export function looksLikeKey(input: string): boolean {
  if (input.length > MAX_KEY_INPUT) return false;
  // Invisible characters and look-alike letters still make an attempt at a key: the checker names them.
  const groups = keyGroups(input).map((group) =>
    [...group].filter((c) => !isInvisible(c)).join(""),
  );
  const length = groups.join("").length;
  if (length < 20 || length > 30 || !groups.every((group) => /^[\p{L}\p{N}]+$/u.test(group)))
    return false;
  // One run of letters is a word ("propertyIsEnumerable"), not a key: a key without its
  // hyphens has digits (7 of its 24 characters are; 25 letters alone is a 1-in-5000 chance).
  if (groups.length === 1) return /\d/.test(groups[0] ?? "");
  // Short words are groups too ("office 2021 pro plus key", "no kms host could be cont"): a
  // key's alphabet has no vowel, so a slip puts one in a group or two, never in three.
  const withVowel = groups.filter((group) => /[aeiou]/i.test(group)).length;
  return groups.length >= 4 && groups.every((group) => group.length <= 6) && withVowel <= 2;
}
