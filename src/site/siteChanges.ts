import { changesByRevision, type RevisionChanges } from "../lib/upstream/changes";
import type { KeyRow } from "../lib/keys/familySchema";
import { SOURCES, type SourcePageInfo } from "../lib/upstream/sources";
import { familyUrl, getFamilies, type FamilyEntry } from "./families";
import { withBase } from "./url";

export type SiteChanges = RevisionChanges<FamilyEntry> & { source: SourcePageInfo };

/**
 * What each revision of each of Microsoft's pages changed, from content/: newest first, every
 * page's revisions compared with that page's previous one only.
 */
export async function getChanges(): Promise<SiteChanges[]> {
  const families = await getFamilies();
  return SOURCES.flatMap((source) =>
    changesByRevision(
      families
        .filter((family) => family.data.source === source.id)
        .map((family) => ({ family, data: family.data })),
      source.revisions,
    ).map((change) => ({ ...change, source })),
  ).sort((a, b) => b.revision.localeCompare(a.revision) || a.source.id.localeCompare(b.source.id));
}

/** The row on its family page. */
export function rowUrl(family: FamilyEntry, row: KeyRow): string {
  return `${familyUrl(family)}#${row.anchor}`;
}

/** The anchor of a page's revision on the changes page. */
export function revisionAnchor(change: Pick<SiteChanges, "revision" | "source">): string {
  return `${change.source.id}-${change.revision}`;
}

/**
 * The RSS feed of changes, where it exists: its items need absolute links, so only a build
 * with SITE_URL (astro.config.mjs `site`) has one, and then every page names it.
 */
export function feedUrl(site: URL | undefined): string | undefined {
  return site ? withBase("changes.xml") : undefined;
}
