/**
 * /keys.json and /keys.csv: the published shape of every key, derived from the same
 * records as the pages and the search index (see README "Keys as data").
 */
import type { KeyRecord } from "./keyRecords";
import { REVISIONS, SOURCE_PAGE } from "./sources";

/** One key as published: the record plus its absolute URL. */
export type PublishedKey = KeyRecord & { url: string };

export interface KeysDocument {
  source: { title: string; url: string; revisions: readonly string[] };
  keys: PublishedKey[];
}

/** `pageUrl(path)` turns a record's path into the absolute URL of its row. */
export function keysDocument(
  records: readonly KeyRecord[],
  pageUrl: (path: string) => string,
): KeysDocument {
  return {
    source: { ...SOURCE_PAGE, revisions: REVISIONS },
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
    key.section,
    key.group,
    key.url,
    key.sources.join(CSV_LIST_SEPARATOR),
  ];
}

/** RFC 4180: quote a field that holds a comma, quote or line break; double its quotes. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The CSV text: a byte-order mark (so spreadsheet programs read it as UTF-8), a header row,
 * one row per key, CRLF line ends.
 */
export function keysCsv(document: KeysDocument): string {
  const rows = [[...CSV_COLUMNS], ...document.keys.map(csvRow)];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
