/**
 * A pasted key as text: the one normaliser the search box, the checker and the tests share.
 * Apart from src/lib/keys/productKey.ts so that a page can recognise a listed key without
 * loading the checksum and the character names.
 */

import { KEY_CHARACTER } from "./keyShape";

/**
 * The longest text read as one key: 25 characters, hyphens, and room for the spaces, tabs and
 * line breaks a paste brings. Anything longer is not one key, and is said so before it is read.
 */
export const MAX_KEY_INPUT = 100;

/** Dashes that word processors and web pages put where a key has its hyphens. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
/** Spaces and line breaks of every kind, but not U+FEFF, which is invisible and gets named instead. */
const SPACES = /[^\S\ufeff]+/g;

/**
 * The one normaliser for a pasted key (search box, checker, tests): full-width and other
 * compatibility forms folded (NFKC), any dash made a hyphen, spaces and line breaks dropped,
 * upper case. Invisible characters are kept, so that diagnoseKey can name them.
 */
export function normalizeKeyInput(input: string): string {
  return foldKeyText(input).replace(SPACES, "");
}

/** The groups of a pasted key as typed, split at hyphens (any dash) and spaces. */
export function keyGroups(input: string): string[] {
  return foldKeyText(input)
    .split(SPACES)
    .flatMap((part) => part.split("-"))
    .filter((group) => group !== "");
}

function foldKeyText(input: string): string {
  return input.normalize("NFKC").replace(DASHES, "-").toUpperCase();
}

/**
 * Which part of the listed keys a typed key is looked up in: its first character, when that
 * can start a key. The checker fetches only that part for a key written exactly, so that a
 * link to a listed key loads a few keys, not every key of the site.
 */
export function keyShard(input: string): string | undefined {
  const first = normalizeKeyInput(input).charAt(0);
  return new RegExp(`^${KEY_CHARACTER}$`).test(first) ? first : undefined;
}

/**
 * The listed key that `input` is, written exactly (hyphens or none, any case, spaces and
 * dashes as the normaliser allows); undefined otherwise. Anything it returns, checkKey
 * calls "listed" too; anything else needs checkKey's full diagnosis.
 */
export function exactListedKey<T extends { key: string }>(
  input: string,
  listed: readonly T[],
): T | undefined {
  const text = normalizeKeyInput(input);
  return listed.find((entry) => entry.key === text || entry.key.replaceAll("-", "") === text);
}

/** Five groups, not part of a longer run of groups or characters. */
const WHOLE_KEY = new RegExp(
  `(?<![0-9A-Z]-?)${KEY_CHARACTER}{5}(?:-${KEY_CHARACTER}{5}){4}(?!-?[0-9A-Z])`,
  "g",
);
const GROUP = new RegExp(`(?<![0-9A-Z-])${KEY_CHARACTER}{5}(?![0-9A-Z-])`, "g");

/** Every whole key written in `text` (five hyphenated groups, any case, any dash), each once. */
export function keysIn(text: string): string[] {
  return [...new Set(foldKeyText(text).match(WHOLE_KEY) ?? [])];
}

/**
 * Five-character words of `text` that a key could end with: the "partial product key" slmgr
 * and ospp.vbs print. Words inside a whole key (hyphenated) are not counted.
 */
export function keyGroupsIn(text: string): string[] {
  return [...new Set(foldKeyText(text).match(GROUP) ?? [])];
}

/**
 * Listed keys by their last group, the "partial product key" slmgr and ospp.vbs print: one
 * key each, as the unit tests prove for every key of the site.
 */
export function byLastGroup<T extends { key: string }>(listed: readonly T[]): Map<string, T> {
  return new Map(listed.map((entry) => [entry.key.slice(-5), entry]));
}
