/**
 * A content set with twice today's keys, for the budget test: every version group gets a
 * synthetic twin with the same number of rows, names as long as the real ones, and keys
 * that pass the site's own checks (a valid checksum for keys with an N, the same shape for
 * the older ones). Nothing here is published: it is built under /double/ by the tests only.
 */
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { formatKey, KEY_ALPHABET } from "../../src/lib/keys/keyShape";
import { hasValidChecksum } from "../../src/lib/keys/productKey";
import { slugify } from "../../src/lib/text/slug";

/** A small deterministic generator (mulberry32), so every run builds the same set. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A new key in the same scheme as `like`: with an N and a valid checksum, or without one. */
export function syntheticKey(like: string, next: () => number, taken: Set<string>): string {
  for (;;) {
    const digits = Array.from(
      { length: 24 },
      () => KEY_ALPHABET[Math.floor(next() * KEY_ALPHABET.length)],
    ).join("");
    const position = Math.floor(next() * 8);
    const chars = like.includes("N")
      ? digits.slice(0, position) + "N" + digits.slice(position)
      : digits + (KEY_ALPHABET[Math.floor(next() * KEY_ALPHABET.length)] ?? "B");
    if (like.includes("N") && !hasValidChecksum(chars)) continue;
    const key = formatKey(chars);
    if (taken.has(key)) continue;
    taken.add(key);
    return key;
  }
}

/** The family file `text` with a synthetic twin after each of its version groups. */
export function doubleFamilyFile(text: string, seed: number, taken: Set<string>): string {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error("no front matter");
  const doc = parseDocument(`${match[1] ?? ""}\n`);
  const next = seededRandom(seed);
  const sections = doc.get("sections", true) as unknown as YAMLSeq;
  for (const section of sections.items as YAMLMap[]) {
    const groups = section.get("groups", true) as unknown as YAMLSeq;
    for (const group of [...groups.items] as YAMLMap[]) {
      const twin = group.clone() as YAMLMap;
      const label = String(group.get("heading") ?? section.get("heading"));
      twin.set("heading", `${label} (twin)`);
      twin.set("id", `${String(group.get("id") ?? slugify(label))}-twin`);
      const rows = twin.get("rows", true) as unknown;
      if (!isSeq(rows)) throw new Error("a group without rows");
      for (const row of rows.items) {
        if (!isMap(row)) continue;
        const names = row.get("names", true) as unknown as YAMLSeq;
        const anchor = String(row.get("anchor") ?? slugify(String(names.items[0] ?? "")));
        names.items = names.items.map((name) => doc.createNode(`${String(name)} Twin`));
        row.set("key", syntheticKey(String(row.get("key")), next, taken));
        row.set("anchor", `${anchor}-twin`);
        row.delete("earlierNames");
      }
      groups.items.splice(groups.items.indexOf(group) + 1, 0, twin);
    }
  }
  return `---\n${doc.toString({ lineWidth: 0 })}---\n${match[2] ?? ""}`;
}
