import { changesByRevision, type RevisionChanges } from "../lib/changes";
import type { KeyRow } from "../lib/familySchema";
import { REVISIONS } from "../lib/sources";
import { familyUrl, getFamilies, type FamilyEntry } from "./families";

export type SiteChanges = RevisionChanges<FamilyEntry>;

/** What each revision of Microsoft's page changed, newest first, from content/. */
export async function getChanges(): Promise<SiteChanges[]> {
  const families = await getFamilies();
  return changesByRevision(
    families.map((family) => ({ family, data: family.data })),
    REVISIONS,
  );
}

/** The row on its family page. */
export function rowUrl(family: FamilyEntry, row: KeyRow): string {
  return `${familyUrl(family)}#${row.anchor}`;
}

/** The anchor of a revision's entry on the changes page. */
export function revisionAnchor(revision: string): string {
  return `revision-${revision}`;
}
