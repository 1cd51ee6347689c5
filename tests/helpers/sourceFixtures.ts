/**
 * Microsoft's key pages, as kept in tests/fixtures/ (`<source id>.<revision>.md`), read by the
 * site's own parser (src/lib/upstream/sourcePage.ts) with each page's reader. Tests derive
 * every expectation from here, so no key is retyped.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSourcePage, sourceRows, type SourcePage } from "../../src/lib/upstream/sourcePage";
import { SOURCES, sourceById } from "../../src/lib/upstream/sources";

/** The Windows page: the one the source:diff scenarios and the older tests are about. */
export const WINDOWS_SOURCE = "kms-client-activation-keys";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

export interface SourceRow {
  /** The revision's `ms.date`, as an ISO date. */
  revision: string;
  /** The nearest heading above the table: the version group's, else its section's. */
  heading: string;
  /** The names in the edition cell, split at `<br>`. */
  names: string[];
  key: string;
}

export interface SourceRevision {
  revision: string;
  file: string;
  page: SourcePage;
  rows: SourceRow[];
  /** The key in the page's own `slmgr /ipk` example (the Windows page's). */
  exampleKey: string;
}

/** A page's fixture files, oldest revision first. */
export function sourcePageFiles(source = WINDOWS_SOURCE): string[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.startsWith(`${source}.`) && file.endsWith(".md"))
    .sort()
    .map((file) => FIXTURES + file);
}

export function readSourceRevisions(source = WINDOWS_SOURCE): SourceRevision[] {
  const { reader } = sourceById(source);
  return sourcePageFiles(source)
    .map((path) => {
      const file = path.slice(FIXTURES.length);
      const page = parseSourcePage(readFileSync(path, "utf8"), file, reader);
      const rows = sourceRows(page).map(({ section, group, row }) => ({
        revision: page.revision,
        heading: group.heading ?? section.heading,
        ...row,
      }));
      return { revision: page.revision, file, page, rows, exampleKey: page.exampleKey ?? "" };
    })
    .sort((a, b) => a.revision.localeCompare(b.revision));
}

/** Every source row of every revision of every page. */
export function readSourceRows(): SourceRow[] {
  return SOURCES.flatMap(({ id }) => readSourceRevisions(id).flatMap((r) => r.rows));
}

/** The distinct keys of all revisions of all pages: what the site must publish, no more, no less. */
export function sourceKeys(): Set<string> {
  return new Set(readSourceRows().map((row) => row.key));
}
