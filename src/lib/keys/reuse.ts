/**
 * The one rule for keys and row anchors: each is used once. Within a family file the schema
 * applies it (src/lib/keys/familySchema.ts), across files the content loader (src/lib/keys/siteChecks.ts).
 */

export interface Reuse<T> {
  /** The row that uses the value again. */
  entry: T;
  field: "key" | "anchor";
  /** The row that used it first. */
  first: T;
}

/** Each row whose key (or anchor, among `fields`) an earlier row of `rows` already has, in row order. */
export function findReuses<T extends { key: string; anchor: string }>(
  rows: readonly T[],
  fields: readonly Reuse<T>["field"][] = ["key", "anchor"],
): Reuse<T>[] {
  const firstUse = { key: new Map<string, T>(), anchor: new Map<string, T>() };
  const reuses: Reuse<T>[] = [];
  for (const entry of rows) {
    for (const field of fields) {
      const first = firstUse[field].get(entry[field]);
      if (first === undefined) firstUse[field].set(entry[field], entry);
      else reuses.push({ entry, field, first });
    }
  }
  return reuses;
}
