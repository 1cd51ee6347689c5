/** How edition names are compared when spelling is not the point. */

/** A name as a reader compares it: case, spacing and punctuation aside ("Hyper-V" is "hyper v"). */
export function looseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Whether two lists of names are the same names in the same order, exactly. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
