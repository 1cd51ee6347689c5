/**
 * `npm run source:diff`: the 2023-09-05 → 2024-10-01 differences, derived from the two
 * fixture pages, and `--write`, with each later page in turn, turning a copy of the 2023
 * content into today's content/.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { format, resolveConfig } from "prettier";
import { parse } from "yaml";
import { changesByRevision, namesAt } from "../../src/lib/upstream/changes";
import { aliasesAfterRename, applySourceDiff } from "../../src/lib/upstream/contentUpdate";
import { familyRows, familySchema, type Family } from "../../src/lib/keys/familySchema";
import { diffSource, hasDifferences } from "../../src/lib/upstream/sourceDiff";
import { parseSourcePage } from "../../src/lib/upstream/sourcePage";
import { sourceById } from "../../src/lib/upstream/sources";
import { CONTENT_DIR, readContentFiles, readFamilies } from "../helpers/content";
import { seededRandom, syntheticKey } from "../helpers/syntheticContent";
import {
  FIXTURES,
  WINDOWS_SOURCE,
  readSourceRevisions,
  sourcePageFiles,
} from "../helpers/sourceFixtures";

const REVISIONS = sourceById(WINDOWS_SOURCE).revisions;

const run = promisify(execFile);
const CONTENT_2023 = join(FIXTURES, "content-2023-09-05");
const revisions = readSourceRevisions();
// The first two revisions, whose differences most tests are about, and the newest.
const [older, newer] = revisions;
const newest = revisions.at(-1);
if (!older || !newer || !newest) throw new Error("two key-page fixtures expected");
const [newerFile = "", newestFile = ""] = [sourcePageFiles()[1], sourcePageFiles().at(-1)];

type Revision = (typeof revisions)[number];
/** The known differences between two pages, straight from them: no mapping logic involved. */
function between(from: Revision, to: Revision) {
  const fromByKey = new Map(from.rows.map((row) => [row.key, row]));
  const toByKey = new Map(to.rows.map((row) => [row.key, row]));
  return {
    added: [...toByKey.keys()].filter((key) => !fromByKey.has(key)),
    removed: [...fromByKey.keys()].filter((key) => !toByKey.has(key)),
    renamed: [...toByKey.values()]
      .filter((row) => {
        const before = fromByKey.get(row.key);
        return before !== undefined && before.names.join("\n") !== row.names.join("\n");
      })
      .map((row) => ({ key: row.key, from: fromByKey.get(row.key)?.names, to: row.names })),
  };
}
const olderByKey = new Map(older.rows.map((row) => [row.key, row]));
const { added: addedKeys, removed: removedKeys, renamed } = between(older, newer);

const files = (dir: string) => readFamilies(dir, WINDOWS_SOURCE);
const revisionsIn = (dir: string) =>
  (
    JSON.parse(readFileSync(join(dir, "sources.json"), "utf8")) as Record<
      string,
      { revisions: string[] }
    >
  )[WINDOWS_SOURCE]?.revisions ?? [];

async function sourceDiff(...args: string[]) {
  try {
    const { stdout } = await run("node_modules/.bin/tsx", ["src/cli/runSourceDiff.ts", ...args]);
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
  // Called inside each test, so that mutation testing sees which tests cover it.
  const diff2023 = () => diffSource(files(CONTENT_2023), newer.page, revisionsIn(CONTENT_2023));

  it("finds exactly the keys added, removed and renamed between the two pages", () => {
    const diff = diff2023();
    expect(diff.added.map((a) => a.key)).toEqual(addedKeys);
    expect(diff.removed.map((r) => r.key).sort()).toEqual([...removedKeys].sort());
    expect(diff.renamed.map((r) => ({ key: r.key, from: r.names, to: r.to }))).toEqual(renamed);
    expect(diff.restored).toEqual([]);
    expect(diff.moved).toEqual([]);
    expect(diff.newSections).toEqual([]);
  });

  it("finds the renamed headings, and files new version groups where the page has them", () => {
    const diff = diff2023();
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
    const today = diffSource(files(CONTENT_DIR), newest.page, REVISIONS);
    expect(hasDifferences(today)).toBe(false);
  });

  it("reads the oldest page against today's content/ as the changes since, reversed", () => {
    const since = between(older, newest);
    const back = diffSource(files(CONTENT_DIR), older.page, REVISIONS);
    expect(back.removed.map((r) => r.key).sort()).toEqual([...since.added].sort());
    expect(back.restored.map((r) => r.key).sort()).toEqual([...since.removed].sort());
    expect(back.renamed.map((r) => r.key).sort()).toEqual(since.renamed.map((r) => r.key).sort());
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

  it("reads a retitled revision that lists keys again: known by its file name, every note left as written", async () => {
    const [, second, third] = revisions;
    const thirdFile = sourcePageFiles()[2];
    if (!second || !third || thirdFile === undefined) return;
    const dir = join(temp, "retitled");
    cpSync(CONTENT_2023, dir, { recursive: true });
    expect((await sourceDiff(newerFile, "--content", dir, "--write")).code).toBe(0);
    const title = (path: string) => /^title: (.+)$/m.exec(readFileSync(path, "utf8"))?.[1];
    // The 2025 page's title is not the one content/sources.json had for it.
    expect(title(thirdFile)).not.toBe(title(newerFile));

    const { code, out } = await sourceDiff(thirdFile, "--content", dir);
    expect(code, out).toBe(1);
    const again = between(second, third).added.filter((key) => olderByKey.has(key));
    expect(again.length).toBeGreaterThan(0);
    expect(out).toContain(`Keys restored (${again.length}):`);
    for (const key of again) expect(out).toContain(key);
    const titleIn = (dir: string) =>
      (
        JSON.parse(readFileSync(join(dir, "sources.json"), "utf8")) as Record<
          string,
          { title: string }
        >
      )[WINDOWS_SOURCE]?.title;
    expect(out).toContain(`was "${titleIn(CONTENT_2023) ?? ""}"`);
    expect(out).toContain(`now "${title(thirdFile) ?? ""}"`);

    const before = readContentFiles(dir);
    expect((await sourceDiff(thirdFile, "--content", dir, "--write")).code).toBe(0);
    expect(titleIn(dir)).toBe(title(thirdFile));
    // Only rows' revisions change: notes keep the lines a person wrapped them in.
    for (const [i, { file, text }] of readContentFiles(dir).entries()) {
      const was = before[i]?.text.split("\n") ?? [];
      const changed = text.split("\n").filter((line, n) => line !== was[n]);
      expect(
        changed.every((line) => /^ +sources: \[/.test(line)),
        file,
      ).toBe(true);
      expect(text.split("\n")).toHaveLength(was.length);
    }
  });

  it("exits 0 for today's content/ and the page it was checked against", async () => {
    const { code, out } = await sourceDiff(newestFile);
    expect(code).toBe(0);
    expect(out).toContain("No differences");
  });

  it("--write, with each later page in turn, turns a copy of the 2023 content into today's content/", async () => {
    const dir = join(temp, "write");
    cpSync(CONTENT_2023, dir, { recursive: true });
    for (const file of sourcePageFiles().slice(1)) {
      const { code, out } = await sourceDiff(file, "--content", dir, "--write");
      expect(code, out).toBe(0);
    }
    expect(revisionsIn(dir)).toEqual(revisionsIn(CONTENT_DIR));

    // Notes are prose in our own words: a person writes them, the tool cannot.
    const written = files(dir).map(({ file, family }) => ({ file, family: withoutNotes(family) }));
    const today = files(CONTENT_DIR).map(({ file, family }) => ({
      file,
      family: withoutNotes(family),
    }));
    expect(written).toEqual(today);

    // And what it wrote is now up to date.
    expect((await sourceDiff(newestFile, "--content", dir)).code).toBe(0);
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

describe("hostile revisions of the page (tests/fixtures/hostile-revisions.json)", () => {
  interface Hostile {
    name: string;
    from: string;
    to: string;
    pad?: number;
    says: string;
  }
  const { revisions: hostile } = JSON.parse(
    readFileSync(join(FIXTURES, "hostile-revisions.json"), "utf8"),
  ) as { revisions: Hostile[] };

  it("are each refused by --write: exit 2, a message that says why, nothing written", async () => {
    const page = readFileSync(newestFile, "utf8").replace(/^ms\.date: .*$/m, "ms.date: 06/01/2099");
    const runs = hostile.map(async ({ name, from, to, pad }, i) => {
      expect(page, name).toContain(from);
      const dir = join(temp, `hostile-${i}`);
      cpSync(CONTENT_DIR, dir, { recursive: true });
      const file = join(temp, `hostile-${i}.md`);
      writeFileSync(file, page.replace(from, `${to}${" ".repeat(pad ?? 0)}${pad ? "x" : ""}`));
      const before = readContentFiles(dir).map(({ text }) => text);
      const started = performance.now();
      const result = await sourceDiff(file, "--content", dir, "--write");
      return { name, result, before, dir, ms: performance.now() - started };
    });
    for (const [i, { name, result, before, dir, ms }] of (await Promise.all(runs)).entries()) {
      expect(result.code, `${name}: ${result.out}`).toBe(2);
      expect(result.out, name).toContain(hostile[i]?.says ?? "?");
      // Control characters are spelled out, never printed: the terminal shows what happened.
      const controls = [...result.out].filter((c) => c !== "\n" && (c < " " || c === "\u007f"));
      expect(controls, name).toEqual([]);
      expect(
        readContentFiles(dir).map(({ text }) => text),
        name,
      ).toEqual(before);
      expect(revisionsIn(dir), name).toEqual(revisionsIn(CONTENT_DIR));
      // Read in linear time: seconds are the spawned process, not the page.
      expect(ms, name).toBeLessThan(30_000);
    }
  });
});

describe("aliasesAfterRename", () => {
  const nowhere = () => false;
  it("adds nothing when the old cell only broke the new name into parts", () => {
    expect(aliasesAfterRename([], ["Windows 10 Pro", "N"], ["Windows 10 Pro N"], nowhere)).toEqual(
      [],
    );
    expect(aliasesAfterRename([], ["Windows 10 Pro", "N"], ["Windows 10 ProN"], nowhere)).toEqual([
      "Windows 10 Pro",
      "N",
    ]);
  });

  it("keeps one of names that differ only in case or punctuation, the first", () => {
    expect(aliasesAfterRename(["Old Name", "old-name"], ["Older"], ["New"], nowhere)).toEqual([
      "Old Name",
      "Older",
    ]);
  });

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
  const families = readFamilies(undefined, WINDOWS_SOURCE).map(({ file, family }) => ({
    family: file,
    data: family,
  }));
  const changes = () => changesByRevision(families, REVISIONS);

  it("lists the keys added, removed and renamed in the 2024-10-01 revision", () => {
    const latest = changes().find((change) => change.revision === newer.revision);
    expect(latest?.added.map((c) => c.row.key).sort()).toEqual([...addedKeys].sort());
    expect(latest?.removed.map((c) => c.row.key).sort()).toEqual([...removedKeys].sort());
    expect(latest?.restored).toEqual([]);
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    const found = latest?.renamed.map(({ row, from, to }) => ({ key: row.key, from, to }));
    expect(found?.sort(byKey)).toEqual([...renamed].sort(byKey));
  });

  it("lists each later revision's keys listed again, and each revision once, newest first", () => {
    const found = changes();
    expect(found.map((change) => change.revision)).toEqual([...REVISIONS].reverse());
    for (const [i, revision] of revisions.entries()) {
      const before = revisions[i - 1];
      if (before === undefined) continue;
      const change = found.find((c) => c.revision === revision.revision);
      const back = between(before, revision).added.filter((key) =>
        revisions.slice(0, i).some((r) => r.rows.some((row) => row.key === key)),
      );
      expect(change?.restored.map((c) => c.row.key).sort(), revision.revision).toEqual(back.sort());
    }
  });

  it("starts from every key of the first revision", () => {
    const first = changes().at(-1);
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
  it("reads each fixture page into its sections, version groups and rows", () => {
    for (const path of sourcePageFiles()) {
      const page = parseSourcePage(readFileSync(path, "utf8"), path);
      // Six "###" sections in every revision; every key row of the page's tables, each once.
      expect(page.sections.map((s) => s.heading)).toHaveLength(6);
      const rows = page.sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
      const tableRows = readFileSync(path, "utf8")
        .split("\n")
        .filter((line) => /^\|[^|]*\|\s*[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\s*\|/.test(line));
      expect(rows.length, path).toBeGreaterThanOrEqual(78);
      expect(rows).toHaveLength(tableRows.length);
      expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
      expect(rows.every((r) => r.names.length > 0 && !r.names.some((n) => /<br/i.test(n)))).toBe(
        true,
      );
      expect(readFileSync(path, "utf8")).toContain(`slmgr /ipk ${page.exampleKey}`);
    }
  });

  it("takes a tab title as a version heading, its line break as a comma", () => {
    const page = parseSourcePage(readFileSync(newerFile, "utf8"), newerFile);
    const ltsc = page.sections.find((s) => s.heading === "Windows Enterprise LTSC and LTSB");
    expect(ltsc?.groups.map((g) => g.heading)).toEqual([
      "Windows 11 LTSC 2024, Windows 10 LTSC 2021, 2019",
      "Windows IoT LTSC",
      "Windows 10 LTSB 2016",
      "Windows 10 LTSB 2015",
    ]);
    const client = page.sections.find((s) => s.heading.startsWith("Windows 11 and Windows 10"));
    expect(client?.groups.map((g) => g.heading)).toEqual([undefined]);
  });

  it("names the file when it is not Microsoft's page", () => {
    expect(() => parseSourcePage("hello", "notes.md")).toThrow(/notes\.md/);
  });
});

/**
 * A family as the tool is responsible for it: no notes (a person writes those), and no anchors
 * for the rows the 2024 revision renamed. Today's content/ gave those rows their new names'
 * anchors when it took in that revision, before the site had published the old ones; the
 * tool now keeps a renamed row's anchor, so that published links keep working.
 */
function withoutNotes(family: Family): Family {
  const renamedKeys = new Set(renamed.map(({ key }) => key));
  return {
    ...family,
    sections: family.sections.map((section) => ({
      ...section,
      groups: section.groups.map((group) => ({
        ...group,
        note: undefined,
        rows: group.rows.map((row) => (renamedKeys.has(row.key) ? { ...row, anchor: "" } : row)),
      })),
    })),
  };
}

/**
 * A content file's lines as the tool is responsible for them: each folded `>-` text on one
 * line (Prettier leaves a person's wrapping alone), no notes and no anchors (withoutNotes).
 */
function comparable(text: string): string[] {
  const out: string[] = [];
  let fold: { indent: number } | undefined;
  let skip: { indent: number } | undefined;
  for (const line of text.split("\n")) {
    const indent = line.length - line.trimStart().length;
    if (skip && line.trim() !== "" && indent > skip.indent) continue;
    skip = undefined;
    if (fold && line.trim() !== "" && indent > fold.indent) {
      out[out.length - 1] += ` ${line.trim()}`;
      continue;
    }
    fold = undefined;
    if (/^\s*note:\s*$/.test(line)) {
      skip = { indent };
      continue;
    }
    // Anchors: see withoutNotes; the parsed comparisons check every other row's.
    if (/^\s*anchor:/.test(line)) continue;
    out.push(line);
    if (/:\s*>-\s*$/.test(line)) {
      fold = { indent };
      out.push("");
    }
  }
  return out.map((line) => line.trimEnd());
}

/** What --write makes of the 2023 content with each later page in turn, in process. */
function writeFrom2023() {
  let texts = readContentFiles(CONTENT_2023).map(({ file, text }) => ({ file, text }));
  let known = revisions.slice(0, 1).map((revision) => revision.revision);
  for (const { page, revision } of revisions.slice(1)) {
    const content = texts.map(({ file, text }) => ({
      file,
      family: familySchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "")),
    }));
    texts = applySourceDiff(texts, content, diffSource(content, page, known));
    known = [...known, revision];
  }
  return texts;
}

describe("applySourceDiff, in process", () => {
  it("turns the 2023 content into today's content/ (data, notes aside)", () => {
    const written = writeFrom2023();
    const parsed = written.map(({ file, text }) => ({
      file,
      family: withoutNotes(
        familySchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "")),
      ),
    }));
    const today = files(CONTENT_DIR).map(({ file, family }) => ({
      file,
      family: withoutNotes(family),
    }));
    expect(parsed).toEqual(today);
  });

  it("writes today's content/ to the line: order, flow lists, blank lines, ids (notes aside)", async () => {
    const written = writeFrom2023();
    const prettier = await resolveConfig(join(CONTENT_DIR, "x.md"));
    const windows = new Set(files(CONTENT_DIR).map(({ file }) => file));
    const today = readContentFiles(CONTENT_DIR).filter(({ file }) => windows.has(file));
    expect(written.map((w) => w.file)).toEqual(today.map((t) => t.file));
    for (const [i, { file, text }] of written.entries()) {
      const formatted = await format(text, { ...prettier, filepath: join(CONTENT_DIR, file) });
      expect(comparable(formatted), file).toEqual(comparable(today[i]?.text ?? ""));
    }
  });

  it("refuses a page with a section content/ does not have, naming it", () => {
    const content = files(CONTENT_2023);
    const texts = readContentFiles(CONTENT_2023).map(({ file, text }) => ({ file, text }));
    const diff = {
      ...diffSource(content, newer.page, [older.revision]),
      newSections: ["Windows 12"],
    };
    expect(() => applySourceDiff(texts, content, diff)).toThrow(
      `Microsoft's page has sections content/ does not: "Windows 12". Add each to the family file it belongs in (a heading and one group with one of its rows), then run again.`,
    );
  });
});

describe("--write with rows added to existing groups", () => {
  it("puts a new key in its existing group even when a new group goes before it", () => {
    // The 2024 page with one more Windows Server 2022 row: after the new Server 2025 group is
    // inserted before 2022's, the row must still land in 2022's table, after its neighbour.
    const text = readFileSync(newerFile, "utf8");
    const before = "| Windows Server 2022 Datacenter | WX4NM-KYWYW-QJJR4-XV3QB-6VM33 |";
    const key = syntheticKey(
      "N",
      seededRandom(7),
      new Set(revisions.flatMap((revision) => revision.rows.map((row) => row.key))),
    );
    expect(text).toContain(before);
    const page = parseSourcePage(
      text.replace(before, `${before}\n| Windows Server 2022 Test Edition | ${key} |`),
      "modified.md",
    );
    const texts = readContentFiles(CONTENT_2023).map(({ file, text: t }) => ({ file, text: t }));
    const content = files(CONTENT_2023);
    const written = applySourceDiff(texts, content, diffSource(content, page, [older.revision]));
    const server = written.find((f) => f.file === "windows-server.md")?.text ?? "";
    const family = familySchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(server)?.[1] ?? ""));
    const group = family.sections
      .flatMap((s) => s.groups)
      .find((g) => g.heading === "Windows Server 2022");
    expect(group?.rows.map((row) => row.key)).toEqual([
      "VDYBN-27WPP-V4HQT-9VMD4-VMK7H",
      "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
      key,
      "NTBV8-9K7Q8-V27C6-M2BTV-KHMXV",
    ]);
  });
});
