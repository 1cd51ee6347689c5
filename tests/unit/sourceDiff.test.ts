/**
 * `npm run source:diff`: the 2023-09-05 → 2024-10-01 differences, derived from the two
 * fixture pages, and `--write` turning a copy of the 2023 content into today's content/.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { changesByRevision, namesAt } from "../../src/lib/changes";
import { aliasesAfterRename } from "../../src/lib/contentUpdate";
import { familyRows, type Family } from "../../src/lib/familySchema";
import { diffSource, hasDifferences } from "../../src/lib/sourceDiff";
import { parseSourcePage } from "../../src/lib/sourcePage";
import { REVISIONS } from "../../src/lib/sources";
import { CONTENT_DIR, readFamilies } from "../helpers/content";
import { FIXTURES, readSourceRevisions, sourcePageFiles } from "../helpers/sourceFixtures";

const run = promisify(execFile);
const CONTENT_2023 = join(FIXTURES, "content-2023-09-05");
const [older, newer] = readSourceRevisions();
if (!older || !newer) throw new Error("two key-page fixtures expected");
const newerFile = sourcePageFiles().at(-1) ?? "";

/** The known differences, straight from the two pages: no mapping logic involved. */
const olderByKey = new Map(older.rows.map((row) => [row.key, row]));
const newerByKey = new Map(newer.rows.map((row) => [row.key, row]));
const addedKeys = [...newerByKey.keys()].filter((key) => !olderByKey.has(key));
const removedKeys = [...olderByKey.keys()].filter((key) => !newerByKey.has(key));
const renamed = [...newerByKey.values()]
  .filter((row) => {
    const before = olderByKey.get(row.key);
    return before !== undefined && before.names.join("\n") !== row.names.join("\n");
  })
  .map((row) => ({ key: row.key, from: olderByKey.get(row.key)?.names, to: row.names }));

const files = (dir: string) => readFamilies(dir);
const revisionsIn = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "source-page.json"), "utf8")) as { revisions: string[] })
    .revisions;

async function sourceDiff(...args: string[]) {
  try {
    const { stdout } = await run("node_modules/.bin/tsx", ["src/cli/sourceDiff.ts", ...args]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const temp = mkdtempSync(join(tmpdir(), "kms-source-diff-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("the 2023 content fixture", () => {
  it("is what content/ would have been with only the 2023-09-05 page: its keys and names", () => {
    const rows = files(CONTENT_2023).flatMap(({ family }) => familyRows(family).map((r) => r.row));
    expect(rows.map((row) => row.key).sort()).toEqual([...olderByKey.keys()].sort());
    for (const row of rows) expect(row.names, row.key).toEqual(olderByKey.get(row.key)?.names);
    expect(revisionsIn(CONTENT_2023)).toEqual([older.revision]);
  });
});

describe("diffSource", () => {
  const diff = diffSource(files(CONTENT_2023), newer.page, revisionsIn(CONTENT_2023));

  it("finds exactly the keys added, removed and renamed between the two pages", () => {
    expect(diff.added.map((a) => a.key)).toEqual(addedKeys);
    expect(diff.removed.map((r) => r.key).sort()).toEqual([...removedKeys].sort());
    expect(diff.renamed.map((r) => ({ key: r.key, from: r.names, to: r.to }))).toEqual(renamed);
    expect(diff.restored).toEqual([]);
    expect(diff.moved).toEqual([]);
    expect(diff.newSections).toEqual([]);
  });

  it("finds the renamed headings, and files new version groups where the page has them", () => {
    expect(diff.headings.map(({ what, from, to }) => `${what}: ${from} → ${to}`)).toEqual([
      "section: Windows Server (LTSC versions) → Windows Server LTSC",
      "section: Windows Server (Semi-Annual Channel versions) → Windows Server Semi-Annual Channel",
      "section: Windows 11 and Windows 10 (Semi-Annual Channel versions) → Windows 11 and Windows 10 Semi-Annual Channel",
      "section: Windows 10 (LTSC/LTSB versions) → Windows Enterprise LTSC and LTSB",
      "group: Windows 10 LTSC 2021 and 2019 → Windows 11 LTSC 2024, Windows 10 LTSC 2021, 2019",
      "section: Earlier versions of Windows → Earlier versions of Windows Client",
    ]);
    const newGroups = new Set(
      diff.added.map((a) => (a.target.kind === "new" ? a.target.heading : "existing")),
    );
    expect([...newGroups]).toEqual(["Windows Server 2025", "Windows IoT LTSC"]);
  });

  it("finds no difference between content/ and the page it was last checked against", () => {
    const today = diffSource(files(CONTENT_DIR), newer.page, REVISIONS);
    expect(hasDifferences(today)).toBe(false);
  });

  it("reads the older page against today's content/ as the same changes, reversed", () => {
    const back = diffSource(files(CONTENT_DIR), older.page, REVISIONS);
    expect(back.removed.map((r) => r.key).sort()).toEqual([...addedKeys].sort());
    expect(back.restored.map((r) => r.key).sort()).toEqual([...removedKeys].sort());
    expect(back.renamed.map((r) => r.key)).toEqual(renamed.map((r) => r.key));
  });
});

describe("npm run source:diff", () => {
  it("exits 1 and prints every difference for the 2024 page against the 2023 content", async () => {
    const { code, out } = await sourceDiff(newerFile, "--content", CONTENT_2023);
    expect(code).toBe(1);
    for (const key of [...addedKeys, ...removedKeys, ...renamed.map((r) => r.key)]) {
      expect(out).toContain(key);
    }
    expect(out).toContain("Run again with --write");
  });

  it("exits 0 for today's content/ and the page it was checked against", async () => {
    const { code, out } = await sourceDiff(newerFile);
    expect(code).toBe(0);
    expect(out).toContain("No differences");
  });

  it("--write turns a copy of the 2023 content into today's content/", async () => {
    const dir = join(temp, "write");
    cpSync(CONTENT_2023, dir, { recursive: true });
    const { code } = await sourceDiff(newerFile, "--content", dir, "--write");
    expect(code).toBe(0);
    expect(revisionsIn(dir)).toEqual(revisionsIn(CONTENT_DIR));

    // Notes are prose in our own words: a person writes them, the tool cannot.
    const written = files(dir).map(({ file, family }) => ({ file, family: withoutNotes(family) }));
    const today = files(CONTENT_DIR).map(({ file, family }) => ({
      file,
      family: withoutNotes(family),
    }));
    expect(written).toEqual(today);

    // And what it wrote is now up to date.
    expect((await sourceDiff(newerFile, "--content", dir)).code).toBe(0);
  });

  it("refuses --write with a page older than content/, and a file that is not the page", async () => {
    const olderFile = sourcePageFiles()[0] ?? "";
    const refused = await sourceDiff(olderFile, "--write");
    expect(refused.code).toBe(2);
    expect(refused.out).toContain("older than");

    const notThePage = join(temp, "readme.md");
    writeFileSync(notThePage, "# Hello\n\n| a | b |\n");
    const wrong = await sourceDiff(notThePage);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain("readme.md");
  });
});

describe("aliasesAfterRename", () => {
  const nowhere = () => false;
  it("keeps an old name a search could still be given", () => {
    expect(
      aliasesAfterRename(
        [],
        ["Windows 10 Enterprise 2015 LTSB"],
        ["Windows 10 Enterprise LTSB 2015"],
        nowhere,
      ),
    ).toEqual(["Windows 10 Enterprise 2015 LTSB"]);
  });
  it("adds nothing when a name was only broken over two lines, or is still listed", () => {
    expect(
      aliasesAfterRename(
        [],
        ["Server 2022 Datacenter", "Azure Edition"],
        ["Server 2022 Datacenter: Azure Edition"],
        nowhere,
      ),
    ).toEqual([]);
    expect(
      aliasesAfterRename(
        [],
        ["Windows 10 LTSC 2021"],
        ["Windows 11 LTSC 2024", "Windows 10 LTSC 2021"],
        nowhere,
      ),
    ).toEqual([]);
  });
  it("never makes another row's name an alias", () => {
    expect(
      aliasesAfterRename(
        [],
        ["Server Standard"],
        ["Server 2025 Standard"],
        (n) => n === "Server Standard",
      ),
    ).toEqual([]);
  });
});

describe("changes by revision, from content/ alone", () => {
  const families = readFamilies().map(({ file, family }) => ({ family: file, data: family }));
  const [latest, first] = changesByRevision(families, REVISIONS);

  it("lists the keys added, removed and renamed in the 2024-10-01 revision", () => {
    expect(latest?.revision).toBe(newer.revision);
    expect(latest?.added.map((c) => c.row.key).sort()).toEqual([...addedKeys].sort());
    expect(latest?.removed.map((c) => c.row.key).sort()).toEqual([...removedKeys].sort());
    expect(latest?.restored).toEqual([]);
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    const found = latest?.renamed.map(({ row, from, to }) => ({ key: row.key, from, to }));
    expect(found?.sort(byKey)).toEqual([...renamed].sort(byKey));
  });

  it("starts from every key of the first revision", () => {
    expect(first?.previous).toBeUndefined();
    expect(first?.added).toHaveLength(olderByKey.size);
  });

  it("knows each row's names in each revision that lists it", () => {
    const rows = families.flatMap(({ data }) => familyRows(data).map((r) => r.row));
    for (const revision of readSourceRevisions()) {
      for (const sourceRow of revision.rows) {
        const row = rows.find((r) => r.key === sourceRow.key);
        if (!row) throw new Error(`${sourceRow.key} missing`);
        expect(namesAt(row, revision.revision), `${revision.revision} ${row.key}`).toEqual(
          sourceRow.names,
        );
      }
    }
  });
});

describe("parseSourcePage", () => {
  it("names the file when it is not Microsoft's page", () => {
    expect(() => parseSourcePage("hello", "notes.md")).toThrow(/notes\.md/);
  });
});

function withoutNotes(family: Family): Family {
  return {
    ...family,
    sections: family.sections.map((section) => ({
      ...section,
      groups: section.groups.map((group) => ({ ...group, note: undefined })),
    })),
  };
}
