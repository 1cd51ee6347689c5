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
 * One message per key or row anchor that appears in more than one content file (within a
 * file the schema catches it). Anchors must be site-wide too: the all-keys page shows every row.
 */
export function findKeysListedTwice(files: readonly FamilyFile[]): string[] {
  const rows = files.flatMap(({ file, family }) =>
    familyRows(family).map(({ row }) => ({
      ...row,
      label: `"${row.names[0] ?? row.key}" in ${file}`,
    })),
  );
  return findReuses(rows).map(
    ({ entry, field, first }) =>
      `${entry.label}: ${field} "${entry[field]}" is already listed for ${first.label}`,
  );
}
