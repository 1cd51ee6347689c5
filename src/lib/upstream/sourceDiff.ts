/**
 * How a revision of Microsoft's page differs from content/: keys added, removed, restored,
 * renamed or moved, and headings renamed. `npm run source:diff` prints this and, with
 * `--write`, applies it (src/lib/upstream/contentUpdate.ts).
 *
 * content/'s version groups are matched to the page's by the keys they share, so a renamed
 * heading is still the same group; a group with no known key is matched by its heading.
 */
import { sameNames } from "../keys/names";
import { slugify } from "../text/slug";
import type { Family, KeyRow } from "../keys/familySchema";
import type { SourcePage, SourceRow } from "./sourcePage";

export interface ContentFile {
  /** The file's name in content/, e.g. "windows-server.md". */
  file: string;
  family: Family;
}

/** Where something sits in content/: file, section and group indexes (and row, for a row). */
export interface Place {
  file: number;
  section: number;
  group: number;
}

export interface RowPlace extends Place {
  row: number;
}

/** A group that will exist after the update: one already in content/, or one to create. */
export type GroupTarget =
  | { kind: "existing"; place: Place }
  | {
      kind: "new";
      file: number;
      section: number;
      heading: string | undefined;
      before: Place | undefined;
    };

export interface Added {
  key: string;
  names: string[];
  target: GroupTarget;
  /** The key of the row it follows on Microsoft's page, when that row is in the same group. */
  after: string | undefined;
}

export interface Listed {
  key: string;
  names: string[];
  place: RowPlace;
}

export interface Renamed extends Listed {
  to: string[];
}

export interface Moved extends Listed {
  from: string;
  to: GroupTarget;
  toHeading: string;
}

export interface HeadingChange {
  what: "section" | "group";
  place: Place;
  from: string | undefined;
  to: string | undefined;
}

export interface SourceDiff {
  revision: string;
  /** content/'s newest revision, which the page is compared with. */
  against: string;
  added: Added[];
  removed: Listed[];
  restored: Listed[];
  renamed: Renamed[];
  moved: Moved[];
  headings: HeadingChange[];
  /** Sections of the page that share no key or heading with content/: a person must place them. */
  newSections: string[];
}

export interface ContentRow {
  row: KeyRow;
  place: RowPlace;
}

/** Every row of content/ with its place (file, section, group and row indexes), in file order. */
export function placedRows(files: readonly ContentFile[]): ContentRow[] {
  return files.flatMap(({ family }, file) =>
    family.sections.flatMap((s, section) =>
      s.groups.flatMap((g, group) =>
        g.rows.map((row, r) => ({ row, place: { file, section, group, row: r } })),
      ),
    ),
  );
}

/** Every version group's place in content/. */
export function groupPlaces(files: readonly ContentFile[]): Place[] {
  return files.flatMap(({ family }, file) =>
    family.sections.flatMap((s, section) => s.groups.map((_, group) => ({ file, section, group }))),
  );
}

/** A group's place as one string, to compare and to key maps by. */
export const placeKey = (p: Place) => `${p.file}/${p.section}/${p.group}`;

/** The group an update puts rows in, as text for a message. */
export function targetKey(target: GroupTarget): string {
  return target.kind === "existing"
    ? placeKey(target.place)
    : `new:${target.file}/${target.section}/${target.heading ?? ""}`;
}

/** Compares `page` with `files` (content/), whose newest revision is the last of `revisions`. */
export function diffSource(
  files: ContentFile[],
  page: SourcePage,
  revisions: readonly string[],
): SourceDiff {
  const against = revisions.at(-1) ?? "";
  const rows = new Map(placedRows(files).map((entry) => [entry.row.key, entry]));
  const sectionAt = (p: { file: number; section: number }) =>
    files[p.file]?.family.sections[p.section];
  const groupAt = (p: Place) => sectionAt(p)?.groups[p.group];
  page = oneListingPerKey(page, (key) => {
    const known = rows.get(key);
    return known && groupAt(known.place)?.label;
  });

  const diff: SourceDiff = {
    revision: page.revision,
    against,
    added: [],
    removed: [],
    restored: [],
    renamed: [],
    moved: [],
    headings: [],
    newSections: [],
  };

  for (const section of page.sections) {
    const sectionPlace = matchSection(
      section.heading,
      section.groups.flatMap((g) => g.rows),
    );
    if (!sectionPlace) {
      diff.newSections.push(section.heading);
      continue;
    }
    const contentSection = sectionAt(sectionPlace);
    if (contentSection && contentSection.heading !== section.heading) {
      diff.headings.push({
        what: "section",
        place: { ...sectionPlace, group: -1 },
        from: contentSection.heading,
        to: section.heading,
      });
    }

    // Each page group takes the content group holding most of its keys, else one with its heading.
    const taken = new Set<string>();
    const targets = section.groups.map((group) => {
      const place = bestGroup(group.rows, sectionPlace, group.heading, taken);
      if (place) taken.add(placeKey(place));
      return place;
    });
    section.groups.forEach((group, g) => {
      const place = targets[g];
      const next = targets.slice(g + 1).find((t) => t !== undefined);
      const target: GroupTarget = place
        ? { kind: "existing", place }
        : { kind: "new", ...sectionPlace, heading: group.heading, before: next };
      if (place && groupAt(place)?.heading !== group.heading) {
        diff.headings.push({
          what: "group",
          place,
          from: groupAt(place)?.heading,
          to: group.heading,
        });
      }
      group.rows.forEach((sourceRow, r) => {
        const previousKey = group.rows[r - 1]?.key;
        compareRow(sourceRow, target, previousKey, group.heading ?? section.heading);
      });
    });
  }

  const onPage = new Set(
    page.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => r.key))),
  );
  for (const { row, place } of rows.values()) {
    if (row.sources.includes(against) && !onPage.has(row.key)) {
      diff.removed.push({ key: row.key, names: row.names, place });
    }
  }
  return diff;

  function compareRow(
    sourceRow: SourceRow,
    target: GroupTarget,
    after: string | undefined,
    heading: string,
  ): void {
    const known = rows.get(sourceRow.key);
    if (!known) {
      diff.added.push({ key: sourceRow.key, names: sourceRow.names, target, after });
      return;
    }
    const listed = { key: sourceRow.key, names: known.row.names, place: known.place };
    if (!known.row.sources.includes(against)) diff.restored.push(listed);
    if (!sameNames(known.row.names, sourceRow.names))
      diff.renamed.push({ ...listed, to: sourceRow.names });
    if (targetKey(target) !== placeKey(known.place)) {
      const from = groupAt(known.place);
      diff.moved.push({
        ...listed,
        from: from?.heading ?? sectionAt(known.place)?.heading ?? "",
        to: target,
        toHeading: heading,
      });
    }
  }

  /** The content section holding most of these keys, else the one with this heading. */
  function matchSection(heading: string, sourceRows: SourceRow[]) {
    const counts = new Map<string, { file: number; section: number; count: number }>();
    for (const { key } of sourceRows) {
      const place = rows.get(key)?.place;
      if (!place) continue;
      const id = `${place.file}/${place.section}`;
      const entry = counts.get(id) ?? { file: place.file, section: place.section, count: 0 };
      counts.set(id, { ...entry, count: entry.count + 1 });
    }
    const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
    if (best) return { file: best.file, section: best.section };
    for (const [file, { family }] of files.entries()) {
      const section = family.sections.findIndex((s) => s.heading === heading);
      if (section >= 0) return { file, section };
    }
    return undefined;
  }

  /** The untaken content group of `section` holding most of these keys, else one with this heading. */
  function bestGroup(
    sourceRows: SourceRow[],
    section: { file: number; section: number },
    heading: string | undefined,
    taken: Set<string>,
  ): Place | undefined {
    const counts = new Map<string, { place: Place; count: number }>();
    for (const { key } of sourceRows) {
      const found = rows.get(key)?.place;
      if (!found || found.file !== section.file || found.section !== section.section) continue;
      const place = { file: found.file, section: found.section, group: found.group };
      if (taken.has(placeKey(place))) continue;
      const entry = counts.get(placeKey(place)) ?? { place, count: 0 };
      counts.set(placeKey(place), { place, count: entry.count + 1 });
    }
    const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
    if (best) return best.place;
    const groups = sectionAt(section)?.groups ?? [];
    const byHeading = groups.findIndex(
      (g, group) => g.heading === heading && !taken.has(placeKey({ ...section, group })),
    );
    return byHeading >= 0 ? { ...section, group: byHeading } : undefined;
  }
}

/**
 * The page with each key in one table only, as content/ holds it: a key the page lists in
 * several tables (the AVMA page lists the 2019 keys under 2019 and under versions 1909, 1903
 * and 1809) is one row named with every table's name for it. It stays in the table whose
 * heading content/ gives its row (`placedUnder`), else in the first; its own names come
 * first. A table left without rows is dropped.
 */
export function oneListingPerKey(
  page: SourcePage,
  placedUnder: (key: string) => string | undefined,
): SourcePage {
  const listings = new Map<string, { heading: string | undefined; names: string[] }[]>();
  for (const section of page.sections)
    for (const group of section.groups)
      for (const row of group.rows) {
        const heading = group.heading ?? section.heading;
        listings.set(row.key, [...(listings.get(row.key) ?? []), { heading, names: row.names }]);
      }
  const keptIn = (key: string) => {
    const all = listings.get(key) ?? [];
    const placed = placedUnder(key);
    return all.find((listing) => listing.heading === placed) ?? all[0];
  };
  return {
    ...page,
    sections: page.sections
      .map((section) => ({
        ...section,
        groups: section.groups
          .map((group) => ({
            ...group,
            rows: group.rows.flatMap((row) => {
              const kept = keptIn(row.key);
              if (kept?.heading !== (group.heading ?? section.heading)) return [];
              const others = (listings.get(row.key) ?? []).filter((l) => l !== kept);
              return [{ ...row, names: [...row.names, ...others.flatMap((l) => l.names)] }];
            }),
          }))
          .filter((group) => group.rows.length > 0),
      }))
      .filter((section) => section.groups.length > 0),
  };
}

/** Whether the page and content/ differ at all (the revision aside). */
export function hasDifferences(diff: SourceDiff): boolean {
  return (
    diff.added.length +
      diff.removed.length +
      diff.restored.length +
      diff.renamed.length +
      diff.moved.length +
      diff.headings.length +
      diff.newSections.length >
    0
  );
}

/** The default anchor a new row gets, made unique within its family file. */
export function newAnchor(names: string[], groupLabel: string, used: Set<string>): string {
  const plain = slugify(names[0] ?? "");
  if (!used.has(plain)) return plain;
  const qualified = slugify(`${groupLabel} ${names[0] ?? ""}`);
  let anchor = qualified;
  for (let n = 2; used.has(anchor); n += 1) anchor = `${qualified}-${n}`;
  return anchor;
}
