/**
 * content/ against Microsoft's page (tests/fixtures/): the same keys, no more, no less;
 * the newest names; older names kept as aliases; and each row's revisions recorded truly.
 */
import { describe, expect, it } from "vitest";
import { familyRows } from "../../src/lib/keys/familySchema";
import { looseName as loose } from "../../src/lib/keys/names";
import { readFamilies } from "../helpers/content";
import { readSourceRevisions, sourceKeys } from "../helpers/sourceFixtures";

const revisions = readSourceRevisions();
const rows = readFamilies().flatMap(({ family }) => familyRows(family).map(({ row }) => row));
const rowByKey = new Map(rows.map((row) => [row.key, row]));

describe("content/ and the source revisions", () => {
  it("publish exactly the same keys", () => {
    expect([...rowByKey.keys()].sort()).toEqual([...sourceKeys()].sort());
    expect(rows.length).toBe(rowByKey.size);
  });

  it("record in which revisions each key is listed", () => {
    for (const row of rows) {
      const listedIn = revisions
        .filter((r) => r.rows.some((sourceRow) => sourceRow.key === row.key))
        .map((r) => r.revision);
      expect(row.sources, row.key).toEqual(listedIn);
    }
  });

  it("use the newest revision's names, in its order", () => {
    const latest = revisions.at(-1);
    for (const sourceRow of latest?.rows ?? []) {
      expect(rowByKey.get(sourceRow.key)?.names, sourceRow.key).toEqual(sourceRow.names);
    }
  });

  it("keep every older name findable, as a name or an alias", () => {
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

  it("invent no alias: each is a name some revision used for that key", () => {
    for (const row of rows) {
      for (const alias of row.aliases) {
        const used = revisions.some((r) =>
          r.rows.some((s) => s.key === row.key && s.names.includes(alias)),
        );
        expect(used, `${row.key}: ${alias}`).toBe(true);
      }
    }
  });
});

describe("content/'s headings", () => {
  it("are the newest revision's section and version-group headings", () => {
    const latest = revisions.at(-1);
    const placed = new Map(
      readFamilies().flatMap(({ family }) =>
        familyRows(family).map(({ section, group, row }) => [
          row.key,
          { section: section.heading, group: group.heading },
        ]),
      ),
    );
    for (const section of latest?.page.sections ?? []) {
      for (const group of section.groups) {
        for (const { key } of group.rows) {
          expect(placed.get(key), key).toEqual({ section: section.heading, group: group.heading });
        }
      }
    }
  });
});
