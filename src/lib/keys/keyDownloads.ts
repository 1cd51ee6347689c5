/**
 * /keys.json and /keys.csv: the published shape of every key, derived from the same
 * records as the pages and the search index (see docs/data.md).
 */
import type { KeyRecord } from "./keyRecords";
import { SOURCES, type SourcePageInfo } from "../upstream/sources";

/** One key as published: the record plus its absolute URL. */
type PublishedKey = KeyRecord & { url: string };

/** A source page as published: what a record's `source` names. */
type PublishedSource = Pick<SourcePageInfo, "id" | "title" | "url" | "revisions">;

export interface KeysDocument {
  /** Microsoft's pages the keys are copied from; each key's `source` is one of their ids. */
  sources: PublishedSource[];
  keys: PublishedKey[];
}

/** `pageUrl(path)` turns a record's path into the absolute URL of its row. */
export function keysDocument(
  records: readonly KeyRecord[],
  pageUrl: (path: string) => string,
): KeysDocument {
  return {
    sources: SOURCES.map(({ id, title, url, revisions }) => ({ id, title, url, revisions })),
    keys: records.map((record) => ({ ...record, url: pageUrl(record.path) })),
  };
}

/** Separator of lists (names, aliases, revisions) inside one CSV field; the schema keeps it out of names. */
export const CSV_LIST_SEPARATOR = "; ";

export const CSV_COLUMNS = [
  "key",
  "names",
  "aliases",
  "family",
  "family_id",
  "method",
  "key_kind",
  "command",
  "source",
  "section",
  "version_group",
  "url",
  "sources",
] as const;

function csvRow(key: PublishedKey): string[] {
  return [
    key.key,
    key.names.join(CSV_LIST_SEPARATOR),
    key.aliases.join(CSV_LIST_SEPARATOR),
    key.familyTitle,
    key.familyId,
    key.method,
    key.keyKind,
    key.command,
    key.source,
    key.section,
    key.group,
    key.url,
    key.sources.join(CSV_LIST_SEPARATOR),
  ];
}

/**
 * One CSV field. A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a
 * tab or CR) gets a leading apostrophe (OWASP's advice); then RFC 4180 quoting: a field with
 * a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/**
 * The CSV text: a header row, one row per key, CRLF line ends. No byte-order mark: it makes
 * Python's csv and many tools read the first column as "\ufeffkey", and the data is ASCII,
 * which every spreadsheet reads right without one. Anything else fails the build, so that
 * a non-ASCII name brings this choice back up (Excel would then need the mark).
 */
export function keysCsv(document: KeysDocument): string {
  const rows = [[...CSV_COLUMNS], ...document.keys.map(csvRow)];
  for (const row of rows) {
    const field = row.find((value) => /[^\x20-\x7e]/.test(value));
    if (field !== undefined)
      throw new Error(
        `keys.csv: "${field}" (row of ${row[0] ?? "?"}) is not plain ASCII; decide about a byte-order mark first (docs/data.md).`,
      );
  }
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
