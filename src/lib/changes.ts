/**
 * What changed between revisions of Microsoft's page, derived from content/ alone: each row
 * records the revisions that list it and the names earlier revisions gave it.
 */
import { familyRows, type Family, type KeyRow } from "./familySchema";

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

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

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
                .filter(({ from, to }) => !same(from, to)),
      };
    })
    .reverse();
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
