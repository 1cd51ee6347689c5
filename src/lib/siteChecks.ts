/**
 * Checks that span several content files, which a per-entry schema cannot see.
 */
import type { Family } from "./familySchema";

export interface FamilyFile {
  /** Path of the content file, for messages. */
  file: string;
  family: Family;
}

/** One message per key that appears in more than one content file (within a file the schema catches it). */
export function findKeysListedTwice(files: readonly FamilyFile[]): string[] {
  const firstSeen = new Map<string, string>();
  const problems: string[] = [];
  for (const { file, family } of files) {
    for (const { key, names } of familyRows(family)) {
      const where = `"${names[0] ?? key}" in ${file}`;
      const other = firstSeen.get(key);
      if (other === undefined) firstSeen.set(key, where);
      else problems.push(`${where}: key "${key}" is already listed for ${other}`);
    }
  }
  return problems;
}

/** Every row of a family, in page order. */
export function familyRows(family: Family) {
  return family.sections.flatMap((section) => section.groups.flatMap((group) => group.rows));
}
