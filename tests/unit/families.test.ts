/**
 * What makes a family data: the source pages file (content/sources.json), the readers of each
 * page's layout, a family's page and method in its schema, anchors per family and keys per
 * site, and the checker's shards.
 */
import { describe, expect, it } from "vitest";
import { exactListedKey, keyShard } from "../../src/lib/keys/keyInput";
import { keyRecords } from "../../src/lib/keys/keyRecords";
import { familySchema, makeFamilySchema } from "../../src/lib/keys/familySchema";
import { findKeysListedTwice } from "../../src/lib/keys/siteChecks";
import { findReuses } from "../../src/lib/keys/reuse";
import { oneListingPerKey } from "../../src/lib/upstream/sourceDiff";
import { parseSourcePage } from "../../src/lib/upstream/sourcePage";
import { latestRevision, readSources, sourceById, SOURCES } from "../../src/lib/upstream/sources";
import { readFamilies } from "../helpers/content";

const page = {
  title: "T",
  url: "https://learn.microsoft.com/x",
  markdown: "https://raw.githubusercontent.com/x.md",
  lists: "L",
  reader: "headings",
  revisions: ["2024-01-02"],
};

describe("content/sources.json", () => {
  it("is read into pages, each checked", () => {
    expect(readSources({ a: page }, "f.json")).toEqual([
      { id: "a", ...page, confirmed: undefined },
    ]);
    expect(readSources({ a: { ...page, confirmed: "2026-11-30" } })[0]?.confirmed).toBe(
      "2026-11-30",
    );
  });

  it.each([
    [[], "f.json: must be an object of pages by id"],
    [null, "f.json: must be an object of pages by id"],
    [{}, "f.json: no pages"],
    [{ "Bad Id": page }, "f.json: Bad Id: an id is lower-case words joined by hyphens"],
    [{ a: { ...page, title: "" } }, 'f.json: a: "title" must be text'],
    [{ a: { ...page, title: 3 } }, 'f.json: a: "title" must be text'],
    [{ a: { ...page, lists: " " } }, 'f.json: a: "lists" must be text'],
    [{ a: { ...page, url: "http://x" } }, 'f.json: a: "url" must be an https:// address'],
    [
      { a: { ...page, markdown: "https://x y" } },
      'f.json: a: "markdown" must be an https:// address',
    ],
    [
      { a: { ...page, reader: "tables" } },
      'f.json: a: "reader" must be one of sections, headings, sentences',
    ],
    [
      { a: { ...page, revisions: "2024-01-02" } },
      'f.json: a: "revisions" must be a list of ISO dates',
    ],
    [
      { a: { ...page, revisions: [20240102] } },
      'f.json: a: "revisions" must be a list of ISO dates',
    ],
    [{ a: { ...page, revisions: [] } }, "f.json: a: no revisions"],
    [{ a: { ...page, confirmed: "yesterday" } }, 'f.json: a: "confirmed" must be an ISO date'],
    [{ a: { ...page, confirmed: "2026-13-01" } }, 'f.json: a: "confirmed" must be an ISO date'],
    [{ a: { ...page, confirmed: 20261130 } }, 'f.json: a: "confirmed" must be an ISO date'],
    [{ a: 7 }, 'f.json: a: "revisions" must be a list of ISO dates'],
  ])("refuses %j: %s", (data, message) => {
    expect(() => readSources(data, "f.json")).toThrow(message);
  });

  it("finds a page by id, or says which ids there are", () => {
    expect(sourceById("office-gvlks").title).toMatch(/^GVLKs for KMS/);
    expect(() => sourceById("office")).toThrow(
      'no source page "office" in content/sources.json (it has kms-client-activation-keys, office-gvlks, automatic-vm-activation)',
    );
    expect(latestRevision(sourceById("office-gvlks"))).toBe("2024-09-18");
    expect(SOURCES.map((s) => s.reader)).toEqual(["sections", "headings", "sentences"]);
  });
});

describe("the readers of Microsoft's page layouts", () => {
  const k1 = "XJ2XN-FW8RK-P4HMP-DKDBV-GCVGB";
  const k2 = "V28N4-JG22K-W66P8-VTMGK-H6HGR";
  const office = (body: string) =>
    parseSourcePage(`---\nms.date: 09/18/2024\n---\n# GVLKs for KMS\n${body}`, "o.md", "headings");

  it("headings: each level-2 'GVLKs for <release>' is a section of one table; a trailing <br/> is not part of a cell", () => {
    const parsed = office(
      `## GVLKs for Office 2019\n|Product|GVLK|\n|--|--|\n|Office Standard 2019  <br/> | ${k1} <br/> |\n## Related\n|x|${k2}|\n`,
    );
    expect(parsed.revision).toBe("2024-09-18");
    expect(parsed.exampleKey).toBeUndefined();
    expect(parsed.sections).toEqual([
      {
        heading: "Office 2019",
        groups: [{ heading: undefined, rows: [{ names: ["Office Standard 2019"], key: k1 }] }],
      },
    ]);
    // A title heading is not a section, a cell with two keys is no key, and no table is an error.
    expect(() => office(`## GVLKs for Office 2019\n|a|${k1} ${k2}|\n`)).toThrow(
      "o.md: no key tables where the headings reader looks",
    );
    expect(() => office(`### GVLKs for Office 2019\n|a|${k1}|\n`)).toThrow("no key tables");
  });

  it("sentences: only under 'AVMA keys', each table names its version, and an edition broken over two lines reads as one", () => {
    const avma = (body: string) =>
      parseSourcePage(`---\nms.date: 09/19/2023\n---\n${body}`, "a.md", "sentences");
    const parsed = avma(
      [
        "## System requirements",
        "The following AVMA keys can be used for Windows Server 2030:",
        `|Datacenter|${k2}|`,
        "## AVMA keys",
        "The following AVMA keys can be used for Windows Server 2022:",
        "| Edition | AVMA key |",
        `| Datacenter<br/>Azure Edition | ${k1} |`,
        `| Standard | ${k2} |`,
        "## Reporting",
        `|Standard|${k1}|`,
      ].join("\n"),
    );
    expect(parsed.sections).toEqual([
      {
        heading: "AVMA keys",
        groups: [
          {
            heading: "Windows Server 2022",
            rows: [
              { names: ["Windows Server 2022 Datacenter: Azure Edition"], key: k1 },
              { names: ["Windows Server 2022 Standard"], key: k2 },
            ],
          },
        ],
      },
    ]);
    expect(() => avma(`## AVMA keys\n|Datacenter|${k1}|\n`)).toThrow("no key tables");
  });

  it("one listing per key: a key in several tables is one row, where content/ places it, named with every table's name", () => {
    const sentences = parseSourcePage(
      [
        "ms.date: 09/19/2023",
        "## AVMA keys",
        "The following AVMA keys can be used for Windows Server 2019:",
        `| Datacenter | ${k1} |`,
        "The following AVMA keys can be used for Windows Server, version 1809:",
        `| Datacenter | ${k1} |`,
        `| Standard | ${k2} |`,
      ].join("\n"),
      "a.md",
      "sentences",
    );
    const firstTable = oneListingPerKey(sentences, () => undefined);
    expect(firstTable.sections[0]?.groups.map((g) => [g.heading, g.rows])).toEqual([
      [
        "Windows Server 2019",
        [
          {
            names: ["Windows Server 2019 Datacenter", "Windows Server, version 1809 Datacenter"],
            key: k1,
          },
        ],
      ],
      [
        "Windows Server, version 1809",
        [{ names: ["Windows Server, version 1809 Standard"], key: k2 }],
      ],
    ]);
    const secondTable = oneListingPerKey(sentences, (key) =>
      key === k1 ? "Windows Server, version 1809" : undefined,
    );
    expect(secondTable.sections[0]?.groups.map((g) => [g.heading, g.rows])).toEqual([
      [
        "Windows Server, version 1809",
        [
          {
            names: ["Windows Server, version 1809 Datacenter", "Windows Server 2019 Datacenter"],
            key: k1,
          },
          { names: ["Windows Server, version 1809 Standard"], key: k2 },
        ],
      ],
    ]);
  });
});

describe("a family's page and method", () => {
  const [windows] = readFamilies(undefined, "kms-client-activation-keys");
  const raw = () => structuredClone(windows?.family) as unknown as Record<string, unknown>;

  it("must name a page of content/sources.json and a method, and cite only that page's revisions", () => {
    const issues = (data: unknown) =>
      familySchema.safeParse(data).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ??
      [];
    expect(issues({ ...raw(), source: "office" })).toEqual([
      'source: "office" is not a page in content/sources.json (kms-client-activation-keys, office-gvlks, automatic-vm-activation)',
    ]);
    expect(issues({ ...raw(), method: "ospp" })).toEqual([
      "method: must be an activation method: windows-kms, office-kms, avma",
    ]);
    // Windows rows cite 2023-09-05 and 2024-10-01: the Office page has neither.
    expect(issues({ ...raw(), source: "office-gvlks" })[0]).toMatch(
      /^sections\.0\.groups\.0\.rows\.0\.sources: "[^"]+": 2023-09-05 is not a revision of office-gvlks in content\/sources.json \(2024-04-19, 2024-09-18\)$/,
    );
    const schema = makeFamilySchema([
      { id: "kms-client-activation-keys", revisions: ["2024-10-01"] },
    ]);
    expect(schema.safeParse(raw()).error?.issues[0]?.message).toMatch(
      /2023-09-05 is not a revision of kms-client-activation-keys/,
    );
  });

  it("keeps anchors per family and keys per site", () => {
    const all = readFamilies();
    // The AVMA and Windows Server pages both have a windows-server-2022-datacenter row.
    const anchors = all.flatMap(({ family }) =>
      family.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((r) => r.anchor))),
    );
    expect(anchors.filter((a) => a === "windows-server-2022-datacenter")).toHaveLength(2);
    expect(findKeysListedTwice(all)).toEqual([]);
    const twice = all.map(({ file, family }, i) =>
      i === 1 ? { file, family: structuredClone(all[0]?.family ?? family) } : { file, family },
    );
    expect(findKeysListedTwice(twice)[0]).toMatch(/: key "[^"]+" is already listed for /);
    const rows = [
      { key: "A", anchor: "x" },
      { key: "B", anchor: "x" },
    ];
    expect(findReuses(rows).map((r) => r.field)).toEqual(["anchor"]);
    expect(findReuses(rows, ["key"])).toEqual([]);
  });

  it("gives every record its family, method, kind and page", () => {
    const records = keyRecords(
      readFamilies().map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family })),
    );
    const office = records.find((r) => r.names.includes("Office LTSC Professional Plus 2021"));
    expect(office).toMatchObject({
      familyId: "office",
      method: "office-kms",
      keyKind: "KMS client key",
      source: "office-gvlks",
      path: "office/#office-ltsc-professional-plus-2021",
      sources: ["2024-04-19", "2024-09-18"],
    });
    const avma = records.find(
      (r) => r.familyId === "avma" && r.names[0] === "Windows Server 2019 Datacenter",
    );
    expect(avma).toMatchObject({
      method: "avma",
      keyKind: "AVMA key",
      source: "automatic-vm-activation",
    });
    expect(avma?.names).toEqual([
      "Windows Server 2019 Datacenter",
      "Windows Server, versions 1909, 1903, and 1809 Datacenter",
    ]);
  });
});

describe("the checker's shards", () => {
  it("are the first character of a key, however it is pasted; nothing else has one", () => {
    expect(keyShard("wx4nm-kywyw-qjjr4-xv3qb-6vm33")).toBe("W");
    expect(keyShard("  ＷX4NM")).toBe("W");
    expect(keyShard("N69G4")).toBe("N");
    expect(keyShard("")).toBeUndefined();
    expect(keyShard("AAAAA")).toBeUndefined();
    expect(keyShard("-WX4NM")).toBeUndefined();
    const listed = [{ key: "WX4NM-KYWYW-QJJR4-XV3QB-6VM33" }];
    expect(exactListedKey("wx4nmkywywqjjr4xv3qb6vm33", listed)).toBe(listed[0]);
  });
});
