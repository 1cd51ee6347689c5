/**
 * Checks that span several content files, which a per-entry schema cannot see.
 */
import { familyRows, type Family } from "./familySchema";
import { findReuses } from "./reuse";

interface FamilyFile {
  /** Path of the content file, for messages. */
  file: string;
  family: Family;
}

/**
 * One message per key that appears in more than one content file (within a file the schema
 * catches it). Anchors need only be unique within their family's page: the all-keys page,
 * which shows every row, gives its rows no ids.
 */
export function findKeysListedTwice(files: readonly FamilyFile[]): string[] {
  const rows = files.flatMap(({ file, family }) =>
    familyRows(family).map(({ row }) => ({
      ...row,
      label: `"${row.names[0] ?? row.key}" in ${file}`,
    })),
  );
  return findReuses(rows, ["key"]).map(
    ({ entry, field, first }) =>
      `${entry.label}: ${field} "${entry[field]}" is already listed for ${first.label}`,
  );
}
