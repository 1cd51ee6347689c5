/**
 * What changed between revisions of Microsoft's page, derived from content/ alone: each row
 * records the revisions that list it and the names earlier revisions gave it.
 */
import { familyRows, type Family, type KeyRow } from "../keys/familySchema";
import { sameNames } from "../keys/names";

/** The names the row had in `revision` (one of its sources). */
export function namesAt(row: KeyRow, revision: string): string[] {
  return row.earlierNames.find(({ until }) => until >= revision)?.names ?? row.names;
}

export interface ChangedRow<F> {
  family: F;
  row: KeyRow;
}

export interface Renamed<F> extends ChangedRow<F> {
  from: string[];
  to: string[];
}

export interface RevisionChanges<F> {
  revision: string;
  /** The revision compared with; undefined for the first, which the site started from. */
  previous: string | undefined;
  /** Keys this revision lists for the first time. */
  added: ChangedRow<F>[];
  /** Keys the previous revision listed and this one does not. */
  removed: ChangedRow<F>[];
  /** Keys an older revision listed, the previous one left out, and this one lists again. */
  restored: ChangedRow<F>[];
  /** Keys both list, under different names. */
  renamed: Renamed<F>[];
}

/**
 * The changes each revision made, newest first. `families` pairs anything (a collection
 * entry, a file name) with its data, so pages can link each row to its family page.
 */
export function changesByRevision<F>(
  families: { family: F; data: Family }[],
  revisions: readonly string[],
): RevisionChanges<F>[] {
  const rows = families.flatMap(({ family, data }) =>
    familyRows(data).map(({ row }) => ({ family, row })),
  );
  return revisions
    .map((revision, i) => {
      const previous = revisions[i - 1];
      const listed = rows.filter(({ row }) => row.sources.includes(revision));
      const before = (r: KeyRow) => r.sources.some((source) => source < revision);
      const inPrevious = (r: KeyRow) => previous !== undefined && r.sources.includes(previous);
      return {
        revision,
        previous,
        added: listed.filter(({ row: r }) => !before(r)),
        removed: rows.filter(({ row: r }) => inPrevious(r) && !r.sources.includes(revision)),
        restored: listed.filter(({ row: r }) => before(r) && !inPrevious(r)),
        renamed:
          previous === undefined
            ? []
            : listed
                .filter(({ row: r }) => inPrevious(r))
                .map((entry) => ({
                  ...entry,
                  from: namesAt(entry.row, previous),
                  to: namesAt(entry.row, revision),
                }))
                .filter(({ from, to }) => !sameNames(from, to)),
      };
    })
    .reverse();
}

/** "the 2023-09-05 revision", "the 2023-09-05 and 2024-10-01 revisions", "the 2023-09-05 to 2025-01-01 revisions". */
function revisionSpan(span: readonly string[]): string {
  const [first = "", ...rest] = span;
  const last = rest.at(-1);
  if (last === undefined) return `the ${first} revision`;
  return `the ${first} ${rest.length === 1 ? "and" : "to"} ${last} revisions`;
}

/**
 * A row's history in one line, for rows that not every revision lists (undefined for the
 * others): the same reading of `sources` as changesByRevision, so the row and /changes/ agree.
 */
export function rowHistory(
  sources: readonly string[],
  revisions: readonly string[],
): string | undefined {
  // Runs of consecutive revisions that list the row.
  const spans: string[][] = [];
  revisions.forEach((revision, i) => {
    if (!sources.includes(revision)) return;
    const previous = revisions[i - 1];
    const open = spans.at(-1);
    if (open !== undefined && previous !== undefined && open.at(-1) === previous)
      open.push(revision);
    else spans.push([revision]);
  });
  const latest = revisions.at(-1);
  const [first, ...later] = spans;
  if (first === undefined || latest === undefined) return undefined;
  const current = spans.at(-1)?.at(-1) === latest;
  if (current && later.length === 0) {
    return first[0] === revisions[0] ? undefined : `Added in the ${first[0] ?? ""} revision`;
  }
  if (current) {
    const earlier = spans.slice(0, -1).map(revisionSpan).join(", ");
    return `Listed in ${earlier}; listed again from the ${later.at(-1)?.[0] ?? ""} revision`;
  }
  return `Listed in ${spans.map(revisionSpan).join(", ")}; not in the ${latest} revision`;
}

/** What a revision changed, one line per key, as plain text (the feed's item). */
export function changeLines(change: RevisionChanges<unknown>): string[] {
  const row = ({ names, key }: KeyRow) => `${names.join(" / ")} ${key}`;
  return [
    ...change.added.map((c) => `Added: ${row(c.row)}`),
    ...change.removed.map((c) => `No longer listed: ${row(c.row)}`),
    ...change.restored.map((c) => `Listed again: ${row(c.row)}`),
    ...change.renamed.map(
      ({ row: r, from, to }) => `Renamed: ${to.join(" / ")}, was ${from.join(" / ")} ${r.key}`,
    ),
  ];
}

/** "4 keys added, 4 removed, 5 renamed"; "no changes to the keys" when nothing changed. */
export function summarizeChanges(changes: RevisionChanges<unknown>): string {
  const parts = [
    [changes.added.length, "added"],
    [changes.removed.length, "removed"],
    [changes.restored.length, "restored"],
    [changes.renamed.length, "renamed"],
  ] as const;
  const said = parts.filter(([count]) => count > 0).map(([count, what]) => `${count} ${what}`);
  if (said.length === 0) return "no changes to the keys";
  const [first = "", ...rest] = said;
  const noun = /^1 /.test(first) ? "key" : "keys";
  return [first.replace(/^(\d+) /, `$1 ${noun} `), ...rest].join(", ");
}
