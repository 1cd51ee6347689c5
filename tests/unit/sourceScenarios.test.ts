/**
 * What `npm run source:diff` reads and writes for each kind of change Microsoft could make to
 * its page: today's content/ against the newest fixture page, revised one way at a time.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { rowHistory } from "../../src/lib/upstream/changes";
import { applySourceDiff } from "../../src/lib/upstream/contentUpdate";
import { familyRows, makeFamilySchema } from "../../src/lib/keys/familySchema";
import {
  diffSource,
  hasDifferences,
  newAnchor,
  type SourceDiff,
} from "../../src/lib/upstream/sourceDiff";
import { parseSourcePage } from "../../src/lib/upstream/sourcePage";
import { SOURCES, sourceById } from "../../src/lib/upstream/sources";
import { readContentFiles, readFamilies } from "../helpers/content";
import { WINDOWS_SOURCE, readSourceRevisions, sourcePageFiles } from "../helpers/sourceFixtures";
import { seededRandom, syntheticKey } from "../helpers/syntheticContent";

const REVISION = "2099-06-01";
const REVISIONS = sourceById(WINDOWS_SOURCE).revisions;
const schema = makeFamilySchema(
  SOURCES.map((s) => (s.id === WINDOWS_SOURCE ? { ...s, revisions: [...REVISIONS, REVISION] } : s)),
);
const pageText = readFileSync(sourcePageFiles().at(-1) ?? "", "utf8");
const content = readFamilies(undefined, WINDOWS_SOURCE);
const texts = readContentFiles()
  .filter(({ file }) => content.some((c) => c.file === file))
  .map(({ file, text }) => ({ file, text }));
const allKeys = new Set(readSourceRevisions().flatMap((r) => r.rows.map((row) => row.key)));
const random = seededRandom(42);
const newKey = () => {
  const key = syntheticKey("N", random, allKeys);
  allKeys.add(key);
  return key;
};

/** The newest page, dated REVISION, with each `[from, to]` edit made (each must apply). */
function revise(...edits: [string, string][]) {
  let text = pageText.replace(/^ms\.date: .*$/m, "ms.date: 06/01/2099");
  for (const [from, to] of edits) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  return parseSourcePage(text, "revised.md");
}

/** The line of the newest page's table that lists `name`. */
function line(name: string): string {
  const found = pageText.split("\n").find((l) => new RegExp(`^\\|\\s*${name}\\s*\\|`).test(l));
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

/** The diff, and content/ as --write would leave it (parsed by the schema, as the build does). */
function update(edits: [string, string][]) {
  const page = revise(...edits);
  const diff = diffSource(content, page, REVISIONS);
  const written = applySourceDiff(texts, content, diff);
  const families = written.map(({ file, text }) => ({
    file,
    family: schema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "")),
  }));
  const rows = families.flatMap(({ family }) => familyRows(family));
  const rowOf = (key: string) => rows.find(({ row }) => row.key === key);
  // Whatever the change, what --write leaves must agree with the page: the new revision on
  // exactly the rows it lists, each where it lists it and named as it names it, no row lost.
  const listed = new Set(
    page.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => r.key))),
  );
  for (const { row } of rows)
    expect(row.sources.includes(REVISION), row.key).toBe(listed.has(row.key));
  expect(rows.length).toBe(new Set([...placedKeys, ...listed]).size);
  expect(hasDifferences(diffSource(families, page, [...REVISIONS, REVISION]))).toBe(false);
  return { diff, families, rows, rowOf };
}

/** Every key content/ has today. */
const placedKeys = content.flatMap(({ family }) => familyRows(family).map(({ row }) => row.key));

const keyOf = (name: string) => /([0-9A-Z]{5}(?:-[0-9A-Z]{5}){4})/.exec(line(name))?.[1] ?? "";

/** The version headings of the page's first section, Windows Server LTSC, in order. */
function ltscHeadings(
  families: {
    family: { sections: { heading: string; groups: { heading?: string | undefined }[] }[] };
  }[],
) {
  return families
    .flatMap(({ family }) => family.sections)
    .find((s) => s.heading === "Windows Server LTSC")
    ?.groups.map((g) => g.heading);
}

/** A tab of the page as Microsoft writes one: its title, then a table of its rows. */
function tab(title: string, ...rows: [name: string, key: string][]): string {
  const lines = rows.map(([name, key]) => `| ${name} | ${key} |`).join("\n");
  return `# [${title}](#tab/t)\n\n| Operating system edition | KMS Client Product Key |\n|--|--|\n${lines}\n\n`;
}

/** Only the kinds of change named; every other list of the diff empty. */
function expectOnly(diff: SourceDiff, ...kinds: (keyof SourceDiff)[]) {
  for (const kind of [
    "added",
    "removed",
    "restored",
    "renamed",
    "moved",
    "headings",
    "newSections",
  ] as const) {
    expect(diff[kind].length > 0, kind).toBe(kinds.includes(kind));
  }
  expect(hasDifferences(diff)).toBe(kinds.length > 0);
}

describe("a new revision that changes only its date", () => {
  // Each test runs the update itself: mutation testing credits only code run inside a test.
  it("is no difference, against content/'s newest revision", () => {
    const { diff } = update([]);
    expect(diff.revision).toBe(REVISION);
    expect(diff.against).toBe(REVISIONS.at(-1));
    expectOnly(diff);
  });

  it("adds the revision to every row the page lists, and to no other", () => {
    const { rows } = update([]);
    const listed = new Set(
      readSourceRevisions()
        .at(-1)
        ?.rows.map((r) => r.key),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { row } of rows) {
      expect(row.sources.includes(REVISION), row.key).toBe(listed.has(row.key));
    }
  });
});

describe("each kind of change, alone", () => {
  it("a row moved to another version group (first in its new table: the group is the one most of its keys are from)", () => {
    const essentials = line("Windows Server 2019 Essentials");
    const standard2016 = line("Windows Server 2016 Standard");
    const { diff, families, rowOf } = update([
      [`${essentials}\n`, ""],
      [standard2016, `${essentials}\n${standard2016}`],
    ]);
    expectOnly(diff, "moved");
    expect(diff.moved).toMatchObject([
      {
        key: keyOf("Windows Server 2019 Essentials"),
        from: "Windows Server 2019",
        toHeading: "Windows Server 2016",
      },
    ]);
    const moved = rowOf(keyOf("Windows Server 2019 Essentials"));
    expect(moved?.group.heading).toBe("Windows Server 2016");
    expect(moved?.row.sources.at(-1)).toBe(REVISION);
    const groups = families.flatMap(({ family }) => family.sections.flatMap((s) => s.groups));
    expect(groups.find((g) => g.heading === "Windows Server 2019")?.rows).toHaveLength(2);
  });

  it("a row moved to another section, first in its table", () => {
    const essentials = line("Windows Server 2019 Essentials");
    const sacStandard = line("Windows Server Standard");
    const { diff, rowOf } = update([
      [`${essentials}\n`, ""],
      [sacStandard, `${essentials}\n${sacStandard}`],
    ]);
    expectOnly(diff, "moved");
    expect(diff.moved).toMatchObject([
      {
        key: keyOf("Windows Server 2019 Essentials"),
        from: "Windows Server 2019",
        toHeading: "Windows Server, versions 20H2, 2004, 1909, 1903, and 1809",
      },
    ]);
    expect(rowOf(keyOf("Windows Server 2019 Essentials"))?.section.heading).toBe(
      "Windows Server Semi-Annual Channel",
    );
  });

  it("a section whose every key is new: found by its heading, and so is its group", () => {
    const [a, b] = [newKey(), newKey()];
    const standard = line("Windows Server Standard");
    const datacenter = line("Windows Server Datacenter");
    const { diff, rowOf } = update([
      [standard, `| Windows Server Standard | ${a} |`],
      [datacenter, `| Windows Server Datacenter | ${b} |`],
    ]);
    expectOnly(diff, "added", "removed");
    expect(diff.added.map((x) => x.target)).toMatchObject([
      { kind: "existing" },
      { kind: "existing" },
    ]);
    expect(diff.removed.map((x) => x.key).sort()).toEqual(
      [keyOf("Windows Server Standard"), keyOf("Windows Server Datacenter")].sort(),
    );
    expect(rowOf(a)?.group.label).toBe("Windows Server, versions 20H2, 2004, 1909, 1903, and 1809");
    expect(
      rowOf(b)
        ?.group.rows.map((r) => r.key)
        .slice(0, 2),
    ).toEqual([a, b]);
  });

  it("a version group split in two: the second part becomes a new group after the first", () => {
    const standard = line("Windows Server 2019 Standard");
    const { diff, families, rowOf } = update([
      [`${standard}\n`, `${standard}\n\n${tab("Windows Server 2019 Datacenter and Essentials")}`],
    ]);
    expectOnly(diff, "moved");
    expect(diff.moved.map((m) => m.key)).toEqual([
      keyOf("Windows Server 2019 Datacenter"),
      keyOf("Windows Server 2019 Essentials"),
    ]);
    expect(rowOf(keyOf("Windows Server 2019 Datacenter"))?.group.heading).toBe(
      "Windows Server 2019 Datacenter and Essentials",
    );
    const headings = ltscHeadings(families);
    expect(headings?.slice(2, 5)).toEqual([
      "Windows Server 2019",
      "Windows Server 2019 Datacenter and Essentials",
      "Windows Server 2016",
    ]);
  });

  it("two new version groups in a row keep the page's order, before the next group content/ has", () => {
    const [a, b] = [newKey(), newKey()];
    const { families } = update([
      [
        "# [Windows Server 2025](#tab/server2025)",
        `${tab("Windows Server 2028", ["Windows Server 2028 Standard", a])}${tab("Windows Server 2027", ["Windows Server 2027 Standard", b])}# [Windows Server 2025](#tab/server2025)`,
      ],
    ]);
    const headings = ltscHeadings(families);
    expect(headings?.slice(0, 3)).toEqual([
      "Windows Server 2028",
      "Windows Server 2027",
      "Windows Server 2025",
    ]);
  });

  it("a row no longer listed", () => {
    const datacenter = line("Windows Server 2016 Datacenter");
    const { diff, rowOf } = update([[`${datacenter}\n`, ""]]);
    expectOnly(diff, "removed");
    const key = keyOf("Windows Server 2016 Datacenter");
    expect(diff.removed.map((r) => r.key)).toEqual([key]);
    const row = rowOf(key)?.row;
    expect(row?.sources).not.toContain(REVISION);
    expect(rowHistory(row?.sources ?? [], [...REVISIONS, REVISION])).toMatch(
      new RegExp(`; not in the ${REVISION} revision$`),
    );
  });

  it("a row listed again after a revision without it", () => {
    // A revision without the row, written as --write writes it; then the newest page again.
    const gap = "2099-01-01";
    const key = keyOf("Windows Server 2012 N");
    const gapSchema = makeFamilySchema(
      SOURCES.map((s) =>
        s.id === WINDOWS_SOURCE ? { ...s, revisions: [...REVISIONS, gap, REVISION] } : s,
      ),
    );
    const without = parseSourcePage(
      pageText
        .replace(/^ms\.date: .*$/m, "ms.date: 01/01/2099")
        .replace(`${line("Windows Server 2012 N")}\n`, ""),
      "gap.md",
    );
    const parsed = (written: { file: string; text: string }[]) =>
      written.map(({ file, text }) => ({
        file,
        family: gapSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "")),
      }));
    const gapTexts = applySourceDiff(texts, content, diffSource(content, without, REVISIONS));
    const gapContent = parsed(gapTexts);
    const diff = diffSource(gapContent, revise(), [...REVISIONS, gap]);
    expectOnly(diff, "restored");
    expect(diff.restored.map((r) => r.key)).toEqual([key]);
    const rows = parsed(applySourceDiff(gapTexts, gapContent, diff)).flatMap(({ family }) =>
      familyRows(family),
    );
    const row = rows.find((r) => r.row.key === key)?.row;
    const before = content
      .flatMap(({ family }) => familyRows(family))
      .find((r) => r.row.key === key)?.row.sources;
    expect(row?.sources).toEqual([...(before ?? []), REVISION]);
    expect(rowHistory(row?.sources ?? [], [...REVISIONS, gap, REVISION])).toMatch(
      new RegExp(`; listed again from the ${REVISION} revision$`),
    );
  });

  it("a version heading renamed: the group keeps its anchor as its id", () => {
    const { diff, rowOf } = update([
      ["# [Windows Server 2019](#tab/server2019)", "# [Windows Server 2019 LTSC](#tab/server2019)"],
    ]);
    expectOnly(diff, "headings");
    expect(diff.headings).toMatchObject([
      { what: "group", from: "Windows Server 2019", to: "Windows Server 2019 LTSC" },
    ]);
    const group = rowOf(keyOf("Windows Server 2019 Standard"))?.group;
    expect(group?.heading).toBe("Windows Server 2019 LTSC");
    expect(group?.anchor).toBe("windows-server-2019");
  });

  it("a section heading renamed", () => {
    const { diff, rowOf } = update([
      ["### Windows Server LTSC", "### Windows Server Long-Term Servicing Channel"],
    ]);
    expectOnly(diff, "headings");
    expect(diff.headings).toMatchObject([
      {
        what: "section",
        from: "Windows Server LTSC",
        to: "Windows Server Long-Term Servicing Channel",
      },
    ]);
    expect(rowOf(keyOf("Windows Server 2022 Standard"))?.section.heading).toBe(
      "Windows Server Long-Term Servicing Channel",
    );
  });

  it("an edition renamed: new names, the old ones kept as earlier names and aliases, the same anchor", () => {
    const old = line("Windows Server 2019 Standard");
    const key = keyOf("Windows Server 2019 Standard");
    const before = rowOf0(key);
    const { diff, rowOf } = update([
      [old, old.replace("Windows Server 2019 Standard  ", "Windows Server 2019 Std Edition")],
    ]);
    expectOnly(diff, "renamed");
    expect(diff.renamed).toMatchObject([
      { key, names: ["Windows Server 2019 Standard"], to: ["Windows Server 2019 Std Edition"] },
    ]);
    const row = rowOf(key)?.row;
    expect(row?.names).toEqual(["Windows Server 2019 Std Edition"]);
    expect(row?.earlierNames).toEqual([
      { until: REVISIONS.at(-1), names: ["Windows Server 2019 Standard"] },
    ]);
    expect(row?.aliases).toEqual(["Windows Server 2019 Standard"]);
    // Links to the row keep working.
    expect(row?.anchor).toBe(before?.anchor);
  });

  it("an edition renamed again: its earlier names grow by one entry, oldest first", () => {
    const old = line(
      "Windows 11 Enterprise LTSC 2024 <br> Windows 10 Enterprise LTSC 2021 <br> Windows 10 Enterprise LTSC 2019",
    );
    const key = keyOf(
      "Windows 11 Enterprise LTSC 2024 <br> Windows 10 Enterprise LTSC 2021 <br> Windows 10 Enterprise LTSC 2019",
    );
    const { diff, rowOf } = update([[old, `| Windows 11 Enterprise LTSC 2024 | ${key} |`]]);
    expectOnly(diff, "renamed");
    expect(rowOf(key)?.row.earlierNames).toEqual([
      {
        until: REVISIONS[0],
        names: ["Windows 10 Enterprise LTSC 2021", "Windows 10 Enterprise LTSC 2019"],
      },
      {
        until: REVISIONS.at(-1),
        names: [
          "Windows 11 Enterprise LTSC 2024",
          "Windows 10 Enterprise LTSC 2021",
          "Windows 10 Enterprise LTSC 2019",
        ],
      },
    ]);
    // The dropped names stay findable, once each.
    expect(rowOf(key)?.row.aliases).toEqual([
      "Windows 10 Enterprise LTSC 2021",
      "Windows 10 Enterprise LTSC 2019",
    ]);
  });

  it("a version heading dropped: the group loses its heading and keeps its anchor", () => {
    const { diff, rowOf } = update([
      ["#### Windows Server, versions 20H2, 2004, 1909, 1903, and 1809\n", ""],
    ]);
    expectOnly(diff, "headings");
    expect(diff.headings).toMatchObject([{ what: "group", to: undefined }]);
    const group = rowOf(keyOf("Windows Server Standard"))?.group;
    expect(group?.heading).toBeUndefined();
    expect(group?.anchor).toBe("windows-server-sac");
  });

  it("two editions that swap names keep neither's old name as an alias", () => {
    const [std, dc] = [
      line("Windows Server 2019 Standard"),
      line("Windows Server 2019 Datacenter"),
    ];
    const [stdKey, dcKey] = [
      keyOf("Windows Server 2019 Standard"),
      keyOf("Windows Server 2019 Datacenter"),
    ];
    const { diff, rowOf } = update([
      [std, `| Windows Server 2019 Datacenter | ${stdKey} |`],
      [dc, `| Windows Server 2019 Standard | ${dcKey} |`],
    ]);
    expectOnly(diff, "renamed");
    expect(rowOf(stdKey)?.row).toMatchObject({
      names: ["Windows Server 2019 Datacenter"],
      aliases: [],
    });
    expect(rowOf(dcKey)?.row).toMatchObject({
      names: ["Windows Server 2019 Standard"],
      aliases: [],
    });
  });

  it("a new version group at the end of its section goes last", () => {
    const key = newKey();
    const last = line("Windows Server 2016 Essentials");
    const { families, rowOf } = update([
      [
        last,
        `${last}\n\n${tab("Windows Server 2016 Next", ["Windows Server 2016 Next Standard", key])}`,
      ],
    ]);
    const headings = ltscHeadings(families);
    expect(headings?.slice(-2)).toEqual(["Windows Server 2016", "Windows Server 2016 Next"]);
    expect(rowOf(key)?.group.heading).toBe("Windows Server 2016 Next");
  });

  it("a new key first in its table goes first in its group", () => {
    const key = newKey();
    const first = line("Windows Server 2016 Standard");
    const { rowOf } = update([[first, `| Windows Server 2016 Test | ${key} |\n${first}`]]);
    expect(
      rowOf(key)
        ?.group.rows.map((r) => r.key)
        .slice(0, 2),
    ).toEqual([key, keyOf("Windows Server 2016 Standard")]);
  });

  it("a new key in an existing group, after its neighbour on the page", () => {
    const key = newKey();
    const after = line("Windows Server 2016 Standard");
    const { diff, rowOf } = update([[after, `${after}\n| Windows Server 2016 Test | ${key} |`]]);
    expectOnly(diff, "added");
    expect(diff.added).toMatchObject([
      { key, names: ["Windows Server 2016 Test"], after: keyOf("Windows Server 2016 Standard") },
    ]);
    const added = rowOf(key);
    expect(added?.row).toMatchObject({
      names: ["Windows Server 2016 Test"],
      sources: [REVISION],
      anchor: "windows-server-2016-test",
    });
    expect(added?.group.rows.map((r) => r.key).slice(0, 2)).toEqual([
      keyOf("Windows Server 2016 Standard"),
      key,
    ]);
  });

  it("new rows named like existing ones get anchors qualified by their group, then numbered", () => {
    const [a, b] = [newKey(), newKey()];
    const after = line("Windows Server 2016 Essentials");
    const { rowOf } = update([
      [
        after,
        `${after}\n| Windows Server 2019 Standard | ${a} |\n| Windows Server 2019 Standard | ${b} |`,
      ],
    ]);
    expect(rowOf(a)?.row.anchor).toBe("windows-server-2016-windows-server-2019-standard");
    expect(rowOf(b)?.row.anchor).toBe("windows-server-2016-windows-server-2019-standard-2");
  });

  it("a new version group, placed before the group that follows it on the page", () => {
    const key = newKey();
    const { diff, families, rowOf } = update([
      [
        "# [Windows Server 2025](#tab/server2025)",
        `${tab("Windows Server 2028", ["Windows Server 2028 Standard", key])}# [Windows Server 2025](#tab/server2025)`,
      ],
    ]);
    expectOnly(diff, "added");
    expect(diff.added[0]?.target).toMatchObject({ kind: "new", heading: "Windows Server 2028" });
    expect(rowOf(key)?.group.heading).toBe("Windows Server 2028");
    const headings = ltscHeadings(families);
    expect(headings?.slice(0, 3)).toEqual([
      "Windows Server 2028",
      "Windows Server 2025",
      "Windows Server 2022",
    ]);
  });

  it("a section content/ does not have: named, and --write refuses until a person places it", () => {
    const key = newKey();
    const { diff } = (() => {
      const page = revise([
        "### Earlier versions of Windows Client",
        `### Windows 12\n\n| Operating system edition | KMS Client Product Key |\n|--|--|\n| Windows 12 Pro | ${key} |\n\n### Earlier versions of Windows Client`,
      ]);
      return { diff: diffSource(content, page, REVISIONS) };
    })();
    expectOnly(diff, "newSections");
    expect(diff.newSections).toEqual(["Windows 12"]);
    expect(() => applySourceDiff(texts, content, diff)).toThrow(/"Windows 12"/);
  });
});

describe("applySourceDiff's refusals", () => {
  it("names a content file without front matter", () => {
    const diff = diffSource(content, revise(), REVISIONS);
    const broken = texts.map((t, i) => (i === 1 ? { ...t, text: "no front matter" } : t));
    expect(() => applySourceDiff(broken, content, diff)).toThrow(
      `${texts[1]?.file ?? ""}: no front matter between --- lines`,
    );
  });

  it("reads front matter with Windows line ends, and keeps the body after it", () => {
    const diff = diffSource(content, revise(), REVISIONS);
    const crlf = texts.map((t) => ({ ...t, text: t.text.replaceAll("\n", "\r\n") }));
    const written = applySourceDiff(crlf, content, diff);
    for (const [i, { text }] of written.entries()) {
      const body = texts[i]?.text.split(/\n---\n/)[1] ?? "";
      expect(text.replaceAll("\r\n", "\n").endsWith(body), texts[i]?.file).toBe(true);
    }
  });
});

describe("newAnchor", () => {
  it("is the first name's slug, else qualified by the group, else numbered from 2", () => {
    expect(newAnchor(["Windows 12 Pro"], "Windows 12", new Set())).toBe("windows-12-pro");
    expect(newAnchor(["Pro"], "Windows 12", new Set(["pro"]))).toBe("windows-12-pro");
    expect(newAnchor(["Pro"], "Windows 12", new Set(["pro", "windows-12-pro"]))).toBe(
      "windows-12-pro-2",
    );
    expect(
      newAnchor(["Pro"], "Windows 12", new Set(["pro", "windows-12-pro", "windows-12-pro-2"])),
    ).toBe("windows-12-pro-3");
  });
});

function rowOf0(key: string) {
  return content.flatMap(({ family }) => familyRows(family)).find(({ row }) => row.key === key)
    ?.row;
}
