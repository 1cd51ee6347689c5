/** The search query set (tests/fixtures/search-queries.json), with every expected key taken from the fixtures. */
import { readFileSync } from "node:fs";
import { readSourceRevisions } from "./sourceFixtures";

interface QueryEntry {
  q?: string;
  keyOf?: string;
  form?: string;
  expect: string;
  heading?: string;
  /** The page whose fixtures name the row; the Windows page when absent. */
  source?: string;
}

export interface SearchCase {
  query: string;
  expectedKey: string;
  label: string;
}

const file = new URL("../fixtures/search-queries.json", import.meta.url);

/**
 * The key of the fixture row that lists `name` (under a heading containing `heading`, when
 * given), looking in the newest revision first: older ones split some names over two lines.
 */
function keyOfName(name: string, heading?: string, source?: string): string {
  for (const { rows } of readSourceRevisions(source).reverse()) {
    const keys = new Set(
      rows
        .filter(
          (row) =>
            row.names.includes(name) && (heading === undefined || row.heading.includes(heading)),
        )
        .map((row) => row.key),
    );
    if (keys.size > 1)
      throw new Error(`"${name}" (${heading ?? "any heading"}) names ${keys.size} keys`);
    const [key] = keys;
    if (key !== undefined) return key;
  }
  throw new Error(`no fixture row lists "${name}"`);
}

/** The query text for a key-shaped entry: the key as a user might paste or retype it. */
function keyQuery(key: string, form: string): string {
  const groups = key.split("-");
  const group = /^group-(\d)(-lower)?$/.exec(form);
  if (group) {
    const text = groups[Number(group[1]) - 1] ?? "";
    return group[2] ? text.toLowerCase() : text;
  }
  switch (form) {
    case "as-published":
      return key;
    case "lower-no-hyphens":
      return key.replaceAll("-", "").toLowerCase();
    case "spaced":
      return `  ${groups.join(" ")}  `;
    default:
      throw new Error(`unknown key form ${form}`);
  }
}

export function readSearchCases(): SearchCase[] {
  const { queries } = JSON.parse(readFileSync(file, "utf8")) as { queries: QueryEntry[] };
  return queries.map((entry) => {
    const expectedKey = keyOfName(entry.expect, entry.heading, entry.source);
    const query = entry.keyOf
      ? keyQuery(keyOfName(entry.keyOf, undefined, entry.source), entry.form ?? "as-published")
      : (entry.q ?? "");
    const label = entry.keyOf ? `${entry.form ?? ""} key of ${entry.keyOf}` : query;
    return { query, expectedKey, label };
  });
}
