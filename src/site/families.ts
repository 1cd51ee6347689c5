import { getCollection, type CollectionEntry } from "astro:content";
import { familyRows } from "../lib/keys/familySchema";
import { methodById } from "../lib/activation/methodList";
import type { ActivationMethod } from "../lib/activation/methods";
import { sourceById, type Revision, type SourcePageInfo } from "../lib/upstream/sources";
import { withBase } from "./url";

export type FamilyEntry = CollectionEntry<"families">;

/** All families in navigation order. */
export async function getFamilies(): Promise<FamilyEntry[]> {
  const families = await getCollection("families");
  return families.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The family page's URL. */
export function familyUrl(family: FamilyEntry): string {
  return withBase(`${family.id}/`);
}

/** How many keys a family page lists (one per row). */
export function keyCount(family: FamilyEntry): number {
  return familyRows(family.data).length;
}

/** The Microsoft page a family's keys are copied from. */
export function familySource(family: FamilyEntry): SourcePageInfo {
  return sourceById(family.data.source);
}

/** How a family's keys are activated. */
export function familyMethod(family: FamilyEntry): ActivationMethod {
  return methodById(family.data.method);
}

/** The revisions of its page that a family's rows come from, oldest first. */
export function familyRevisions(family: FamilyEntry): Revision[] {
  const used = new Set(familyRows(family.data).flatMap(({ row }) => row.sources));
  return familySource(family).revisions.filter((revision) => used.has(revision));
}

/** The row listing `name` (as a name or alias); the build fails if no row does. */
export function findRow(families: FamilyEntry[], name: string) {
  for (const family of families) {
    const found = familyRows(family.data).find(
      ({ row }) => row.names.includes(name) || row.aliases.includes(name),
    );
    if (found) return { family, row: found.row };
  }
  throw new Error(`No row in content/ lists "${name}"`);
}
