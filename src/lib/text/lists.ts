/** Words joined as an answer writes them. */

/** “home”, “office” and “xp”. */
export function quoteWords(words: readonly string[]): string {
  return listWords(words.map((word) => `“${word}”`));
}

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words.at(-1) ?? ""}`;
}
