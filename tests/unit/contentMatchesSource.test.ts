/**
 * content/ against Microsoft's pages (tests/fixtures/), page by page: the same keys, no more,
 * no less; the newest names; older names kept as aliases; each row's revisions recorded
 * truly; and each family's page, method and headings. A key a page lists in several tables
 * (the AVMA page's) is one row, named with every table's name for it.
 */
import { describe, expect, it } from "vitest";
import { methodById } from "../../src/lib/activation/methodList";
import { familyRows } from "../../src/lib/keys/familySchema";
import { looseName as loose } from "../../src/lib/keys/names";
import { SOURCES } from "../../src/lib/upstream/sources";
import { readFamilies } from "../helpers/content";
import { readSourceRevisions, sourceKeys } from "../helpers/sourceFixtures";

const all = readFamilies();
const rows = all.flatMap(({ family }) => familyRows(family).map(({ row }) => row));
const rowByKey = new Map(rows.map((row) => [row.key, row]));

it("content/ publishes exactly the keys of all source pages, each once", () => {
  expect([...rowByKey.keys()].sort()).toEqual([...sourceKeys()].sort());
  expect(rows.length).toBe(rowByKey.size);
  // 82 Windows KMS client keys, 52 Office ones, 12 distinct AVMA keys.
  expect(rows.length).toBe(146);
});

describe.each(SOURCES.map((source) => [source.id, source] as const))("%s", (id, source) => {
  const revisions = readSourceRevisions(id);
  const families = readFamilies(undefined, id);
  const ownRows = families.flatMap(({ family }) => familyRows(family));
  const latest = revisions.at(-1);

  it("has a fixture of every revision content/sources.json names, and no other", () => {
    expect(revisions.map((r) => r.revision)).toEqual(source.revisions);
  });

  it("is the page of the families whose keys it lists, and only of those", () => {
    const listed = new Set(revisions.flatMap((r) => r.rows.map((row) => row.key)));
    expect(ownRows.map(({ row }) => row.key).sort()).toEqual([...listed].sort());
    expect(families.length).toBeGreaterThan(0);
    // One method per page: its families' keys are installed the same way.
    expect(new Set(families.map(({ family }) => family.method)).size).toBe(1);
    for (const { family } of families) expect(() => methodById(family.method)).not.toThrow();
  });

  it("records in which revisions each key is listed", () => {
    for (const { row } of ownRows) {
      const listedIn = revisions
        .filter((r) => r.rows.some((sourceRow) => sourceRow.key === row.key))
        .map((r) => r.revision);
      expect(row.sources, row.key).toEqual(listedIn);
    }
  });

  it("uses the newest revision's names: every table's name for the key, the first from the row's own table", () => {
    for (const { group, row } of ownRows) {
      const listings = (latest?.rows ?? []).filter((s) => s.key === row.key);
      if (listings.length === 0) continue; // no longer listed: names as last listed
      expect([...row.names].sort(), row.key).toEqual(listings.flatMap((s) => s.names).sort());
      // Listed once: in the table's own order.
      if (listings.length === 1) expect(row.names, row.key).toEqual(listings[0]?.names);
      const own = listings.find((s) => s.heading === (group.heading ?? group.label));
      expect(own?.names, `${row.key} sits in a table that lists it`).toContain(row.names[0]);
    }
  });

  it("keeps every older name findable, as a name or an alias", () => {
    for (const sourceRow of revisions.flatMap((r) => r.rows)) {
      const row = rowByKey.get(sourceRow.key);
      if (!row) throw new Error(`${sourceRow.key} missing`);
      const known = new Set([...row.names, ...row.aliases].map(loose));
      // A cell may break one name over two lines ("… Datacenter<br/>Azure Edition").
      const asOneName = loose(sourceRow.names.join(" "));
      const allListed = sourceRow.names.every((name) => known.has(loose(name)));
      expect(allListed || known.has(asOneName), `${sourceRow.revision} ${sourceRow.key}`).toBe(
        true,
      );
    }
  });

  it("invents no alias: each is a name some revision used for that key", () => {
    for (const { row } of ownRows) {
      for (const alias of row.aliases) {
        const used = revisions.some((r) =>
          r.rows.some((s) => s.key === row.key && s.names.includes(alias)),
        );
        expect(used, `${row.key}: ${alias}`).toBe(true);
      }
    }
  });

  it("places each key under the newest revision's headings, in a table that lists it", () => {
    const placed = new Map(
      ownRows.map(({ section, group, row }) => [
        row.key,
        { section: section.heading, group: group.heading },
      ]),
    );
    for (const section of latest?.page.sections ?? []) {
      for (const group of section.groups) {
        for (const { key } of group.rows) {
          const tables = (latest?.page.sections ?? []).flatMap((s) =>
            s.groups
              .filter((g) => g.rows.some((r) => r.key === key))
              .map((g) => ({ section: s.heading, group: g.heading })),
          );
          expect(tables, key).toContainEqual(placed.get(key));
        }
      }
    }
  });
});
