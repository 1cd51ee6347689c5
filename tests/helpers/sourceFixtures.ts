/**
 * Microsoft's page, as kept in tests/fixtures/, read by the site's own parser
 * (src/lib/upstream/sourcePage.ts). Tests derive every expectation from here, so no key is retyped.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseSourcePage, sourceRows, type SourcePage } from "../../src/lib/upstream/sourcePage";

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
  /** The key in the page's own `slmgr /ipk` example. */
  exampleKey: string;
}

/** The key-page fixture files, oldest revision first. */
export function sourcePageFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((file) => /^kms-client-activation-keys\..*\.md$/.test(file))
    .sort()
    .map((file) => FIXTURES + file);
}

export function readSourceRevisions(): SourceRevision[] {
  return sourcePageFiles()
    .map((path) => {
      const file = path.slice(FIXTURES.length);
      const page = parseSourcePage(readFileSync(path, "utf8"), file);
      const rows = sourceRows(page).map(({ section, group, row }) => ({
        revision: page.revision,
        heading: group.heading ?? section.heading,
        ...row,
      }));
      return { revision: page.revision, file, page, rows, exampleKey: page.exampleKey };
    })
    .sort((a, b) => a.revision.localeCompare(b.revision));
}

/** Every source row of every revision. */
export function readSourceRows(): SourceRow[] {
  return readSourceRevisions().flatMap((r) => r.rows);
}

/** The distinct keys of all revisions: what the site must publish, no more, no less. */
export function sourceKeys(): Set<string> {
  return new Set(readSourceRows().map((row) => row.key));
}
