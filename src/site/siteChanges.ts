import { changesByRevision, type RevisionChanges } from "../lib/upstream/changes";
import type { KeyRow } from "../lib/keys/familySchema";
import { REVISIONS } from "../lib/upstream/sources";
import { familyUrl, getFamilies, type FamilyEntry } from "./families";
import { withBase } from "./url";

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

/**
 * The RSS feed of changes, where it exists: its items need absolute links, so only a build
 * with SITE_URL (astro.config.mjs `site`) has one, and then every page names it.
 */
export function feedUrl(site: URL | undefined): string | undefined {
  return site ? withBase("changes.xml") : undefined;
}
