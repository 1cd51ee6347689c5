/**
 * Reads Microsoft's page, as kept in tests/fixtures/, into rows. Tests derive every
 * expectation from here, so no key is retyped in a test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

export interface SourceRow {
  /** The revision's `ms.date`, as an ISO date. */
  revision: string;
  /** The nearest heading above the table (tab titles included). */
  heading: string;
  /** The names in the edition cell, split at `<br>`. */
  names: string[];
  key: string;
}

export interface SourceRevision {
  revision: string;
  file: string;
  rows: SourceRow[];
  /** The key in the page's own `slmgr /ipk` example. */
  exampleKey: string;
}

const KEY = /[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}/;

export function readSourceRevisions(): SourceRevision[] {
  return readdirSync(FIXTURES)
    .filter((file) => /^kms-client-activation-keys\..*\.md$/.test(file))
    .map((file) => parseRevision(file, readFileSync(FIXTURES + file, "utf8")))
    .sort((a, b) => a.revision.localeCompare(b.revision));
}

function parseRevision(file: string, text: string): SourceRevision {
  const date = /^ms\.date: (\d\d)\/(\d\d)\/(\d{4})$/m.exec(text);
  if (!date) throw new Error(`${file}: no ms.date`);
  const revision = `${date[3]}-${date[1]}-${date[2]}`;
  const example = new RegExp(`^slmgr /ipk (${KEY.source})$`, "m").exec(text);
  if (!example?.[1]) throw new Error(`${file}: no slmgr example`);

  const rows: SourceRow[] = [];
  let heading = "";
  for (const line of text.split("\n")) {
    // "#### Windows Server 2022" and the tab form "# [Windows Server 2025](#tab/server2025)".
    const title = /^#+ (?:\[(.+)\]\(#tab\/[^)]*\)|(.+))$/.exec(line);
    if (title) heading = (title[1] ?? title[2] ?? "").replace(/\s*<br\s*\/?>\s*/g, " ");
    const cells = /^\|(.+)\|\s*([^|]+?)\s*\|$/.exec(line);
    if (!cells?.[1] || !cells[2] || !KEY.test(cells[2])) continue;
    const names = cells[1]
      .split(/<br\s*\/?>/)
      .map((name) => name.trim())
      .filter((name) => name !== "");
    rows.push({ revision, heading, names, key: cells[2] });
  }
  return { revision, file, rows, exampleKey: example[1] };
}

/** Every source row of every revision. */
export function readSourceRows(): SourceRow[] {
  return readSourceRevisions().flatMap((r) => r.rows);
}

/** The distinct keys of all revisions: what the site must publish, no more, no less. */
export function sourceKeys(): Set<string> {
  return new Set(readSourceRows().map((row) => row.key));
}
