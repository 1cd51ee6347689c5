/** The queries that have no key (tests/fixtures/search-no-key.json), for the unit and page tests. */
import { readFileSync } from "node:fs";

export interface NoKeyCase {
  q: string;
  answer: "no-key" | "no-match" | "too-general";
  /** For "no-key": the words the answer must name as matching nothing. */
  unknown?: string[];
  /** For "no-match": the kind of key the question names, whose page the answer names. */
  scope?: string;
}

export function readNoKeyCases(): NoKeyCase[] {
  const file = new URL("../fixtures/search-no-key.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { queries: NoKeyCase[] }).queries;
}

/** Every property name a plain object inherits, and __proto__: input that once broke lookups. */
export const PROTOTYPE_NAMES = [
  ...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__", "prototype"]),
];
