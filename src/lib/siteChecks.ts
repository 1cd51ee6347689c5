/**
 * Checks that span several content files, which a per-entry schema cannot see.
 */
import { familyRows, type Family } from "./familySchema";

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
  const firstSeen = { key: new Map<string, string>(), anchor: new Map<string, string>() };
  const problems: string[] = [];
  for (const { file, family } of files) {
    for (const { row } of familyRows(family)) {
      const where = `"${row.names[0] ?? row.key}" in ${file}`;
      for (const field of ["key", "anchor"] as const) {
        const other = firstSeen[field].get(row[field]);
        if (other === undefined) firstSeen[field].set(row[field], where);
        else problems.push(`${where}: ${field} "${row[field]}" is already listed for ${other}`);
      }
    }
  }
  return problems;
}
