import { describe, expect, it } from "vitest";
import { familySchema } from "../../src/lib/keys/familySchema";
import { findKeysListedTwice } from "../../src/lib/keys/siteChecks";
import { readContentFiles, readFamilies } from "../helpers/content";
import { checksumTypo } from "../helpers/keyMutations";

/** A deep copy of the first real family file's frontmatter, to break one thing at a time. */
function sampleFamily() {
  const first = readContentFiles().find((f) => f.file === "windows-server.md");
  if (!first) throw new Error("content/windows-server.md is missing");
  return structuredClone(first.frontmatter) as {
    sections: { groups: { rows: Record<string, unknown>[] }[] }[];
  } & Record<string, unknown>;
}

function firstRows(family: ReturnType<typeof sampleFamily>) {
  const rows = family.sections[0]?.groups[0]?.rows;
  if (!rows?.[0] || !rows[1]) throw new Error("sample needs two rows");
  return [rows[0], rows[1]] as const;
}

/** All issue messages zod reports for `data`. */
function messages(data: unknown): string[] {
  const result = familySchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("the content in content/", () => {
  it("passes the schema", () => {
    for (const { file, frontmatter } of readContentFiles()) {
      expect(messages(frontmatter), file).toEqual([]);
    }
  });

  it("lists no key twice across files", () => {
    expect(findKeysListedTwice(readFamilies())).toEqual([]);
  });
});

describe("the schema rejects", () => {
  const cases: [
    string,
    (rows: readonly [Record<string, unknown>, Record<string, unknown>]) => void,
    RegExp,
  ][] = [
    [
      "a checksum typo",
      ([row]) => (row["key"] = checksumTypo(String(row["key"]))),
      /fails the product-key checksum/,
    ],
    [
      "a character outside the alphabet",
      ([row]) => (row["key"] = `A${String(row["key"]).slice(1)}`),
      /Found “A”; a product key has only the characters/,
    ],
    [
      "wrong grouping",
      ([row]) =>
        (row["key"] = String(row["key"])
          .replace("-", "")
          .replace(/^(.{4})/, "$1-")),
      /five groups of five/,
    ],
    ["a short key", ([row]) => (row["key"] = String(row["key"]).slice(0, -2)), /25 characters/],
    [
      "a key not written as published",
      ([row]) => (row["key"] = String(row["key"]).toLowerCase()),
      /must be written exactly as published/,
    ],
    [
      "an empty edition name",
      ([row]) => (row["names"] = ["  "]),
      /the row with key "[^"]+": the row has no edition name|an edition name is empty/,
    ],
    ["a row without names", ([row]) => (row["names"] = []), /the row has no edition name/],
    [
      "a key listed twice in one file",
      ([a, b]) => (b["key"] = a["key"]),
      /key "[^"]+" is already used by/,
    ],
    [
      "an anchor used twice",
      ([a, b]) => (b["anchor"] = a["anchor"] ?? "windows-server-2025-standard"),
      /anchor "[^"]+" is already used by/,
    ],
    [
      "a malformed anchor",
      ([row]) => (row["anchor"] = "Not A Slug"),
      /must be lower-case words joined by hyphens/,
    ],
    [
      "an unknown source revision",
      ([row]) => (row["sources"] = ["2020-01-01"]),
      /2020-01-01 is not a revision of kms-client-activation-keys in content\/sources.json/,
    ],
  ];

  it.each(cases)("%s, naming the edition and the problem", (_label, breakIt, expected) => {
    const family = sampleFamily();
    const rows = firstRows(family);
    const edition = (rows[0]["names"] as string[])[0] ?? "";
    breakIt(rows);
    const found = messages(family);
    expect(found.join("\n")).toMatch(expected);
    const named = found.some(
      (m) =>
        m.includes(`"${edition}"`) ||
        /the row with key/.test(m) ||
        m.includes(`"${(rows[1]["names"] as string[])[0] ?? ""}"`),
    );
    expect(named, found.join("\n")).toBe(true);
  });

  it("a key listed in two files, naming both files and editions", () => {
    const families = readFamilies();
    const [a, b] = families;
    if (!a || !b) throw new Error("need two families");
    const rowA = a.family.sections[0]?.groups[0]?.rows[0];
    const rowB = b.family.sections[0]?.groups[0]?.rows[0];
    if (!rowA || !rowB) throw new Error("need rows");
    rowB.key = rowA.key;
    const [problem] = findKeysListedTwice(families);
    expect(problem).toContain(a.file);
    expect(problem).toContain(b.file);
    expect(problem).toContain(rowA.names[0]);
    expect(problem).toContain(rowB.names[0]);
  });

  it("a note link that is not https", () => {
    const family = sampleFamily();
    const group = family.sections[0]?.groups[0] as Record<string, unknown>;
    group["note"] = {
      kind: "note",
      text: "See this.",
      links: [{ label: "x", href: "javascript:alert(1)" }],
    };
    expect(messages(family).join("\n")).toMatch(/absolute https:\/\/ URL/);
  });
});

describe("each problem is reported exactly, at its place", () => {
  /** Every issue as "path: message". */
  function issues(data: unknown): string[] {
    const result = familySchema.safeParse(data);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  }
  const at = "sections.0.groups.0.rows";

  it.each<
    [
      string,
      (rows: readonly [Record<string, unknown>, Record<string, unknown>]) => void,
      (first: string, second: string) => string,
    ]
  >([
    [
      "a name listed twice",
      ([row]) => (row["names"] = ["Same", "Same"]),
      () => `${at}.0.names: "Same": a name is listed twice`,
    ],
    [
      "a name listed twice, once with a trailing space",
      ([row]) => (row["names"] = ["Windows 10 Pro", "Windows 10 Pro "]),
      () => `${at}.0.names: "Windows 10 Pro": a name is listed twice`,
    ],
    [
      "source revisions out of order",
      ([row]) => (row["sources"] = ["2024-10-01", "2023-09-05"]),
      (first) => `${at}.0.sources: "${first}": source revisions must be listed oldest first`,
    ],
    [
      "earlier names until the newest revision the row has",
      ([row]) => {
        row["sources"] = ["2023-09-05", "2024-10-01"];
        row["earlierNames"] = [{ until: "2024-10-01", names: ["Old"] }];
      },
      (first) =>
        `${at}.0.earlierNames.0: "${first}": earlierNames until 2024-10-01 must be a listed revision before the newest one`,
    ],
    [
      "earlier names until a revision the row is not listed in",
      ([row]) => {
        row["sources"] = ["2024-10-01"];
        row["earlierNames"] = [{ until: "2023-09-05", names: ["Old"] }];
      },
      (first) =>
        `${at}.0.earlierNames.0: "${first}": earlierNames until 2023-09-05 must be a listed revision before the newest one`,
    ],
    [
      "earlier names twice for one revision",
      ([row]) => {
        row["sources"] = ["2023-09-05", "2024-10-01"];
        row["earlierNames"] = [
          { until: "2023-09-05", names: ["Old"] },
          { until: "2023-09-05", names: ["Older"] },
        ];
      },
      (first) =>
        `${at}.0.earlierNames.1: "${first}": earlierNames must be oldest first, one entry per revision`,
    ],
    [
      "a name with markup",
      ([row]) => (row["names"] = ["Windows <img src=x onerror=alert(1)>"]),
      () =>
        `${at}.0.names.0: "Windows <img src=x onerror=alert(1)>": "Windows <img src=x onerror=alert(1)>" must be plain text, without “<”`,
    ],
    [
      "a name with a terminal escape",
      ([row]) => (row["names"] = ["Windows \u001b[2K Pro"]),
      () =>
        `${at}.0.names.0: "Windows [U+001B][2K Pro": "Windows [U+001B][2K Pro" has U+001B, an invisible character: names and headings are plain text`,
    ],
    [
      "an earlier name with markup",
      ([row]) => (row["aliases"] = ["Old > new"]),
      (first) => `${at}.0.aliases.0: "${first}": "Old > new" must be plain text, without “>”`,
    ],
    [
      "a name with ';'",
      ([row]) => (row["names"] = ["A; B"]),
      () => `${at}.0.names: "A; B": "A; B" must not contain ";"`,
    ],
    [
      "an earlier name with ';'",
      ([row]) => (row["aliases"] = ["Old; name"]),
      (first) => `${at}.0.names: "${first}": "Old; name" must not contain ";"`,
    ],
    [
      "a source revision listed twice",
      ([row]) => (row["sources"] = ["2024-10-01", "2024-10-01"]),
      (first) => `${at}.0.sources: "${first}": a source revision is listed twice`,
    ],
    [
      "an empty name among others",
      ([row]) => (row["names"] = ["Good", " "]),
      () => `${at}.0.names.1: "Good": an edition name is empty`,
    ],
    [
      "no names",
      ([row]) => (row["names"] = []),
      () => `${at}.0.names: the row with key "${"KEY"}": the row has no edition name`,
    ],
    [
      "a malformed anchor",
      ([row]) => (row["anchor"] = "Bad Anchor"),
      (first) =>
        `${at}.0.anchor: "${first}": anchor "Bad Anchor" must be lower-case words joined by hyphens`,
    ],
  ])("%s", (_label, breakIt, expected) => {
    const family = sampleFamily();
    const rows = firstRows(family);
    const first = (rows[0]["names"] as string[])[0] ?? "";
    breakIt(rows);
    const want = expected(first, (rows[1]["names"] as string[])[0] ?? "").replace(
      '"KEY"',
      `"${String(rows[0]["key"])}"`,
    );
    expect(issues(family)).toEqual([want]);
  });

  it("names a row by its first name, trimmed, and defaults its anchor to that name's slug", () => {
    const family = sampleFamily();
    const [row] = firstRows(family);
    row["names"] = ["  Padded Edition: Azure  "];
    delete row["anchor"];
    const parsed = familySchema.parse(family);
    expect(parsed.sections[0]?.groups[0]?.rows[0]).toMatchObject({
      names: ["Padded Edition: Azure"],
      anchor: "padded-edition-azure",
    });
    row["key"] = "BAD";
    expect(issues(family)[0]).toMatch(/^[^:]+: "Padded Edition: Azure": key "BAD"/);
  });

  it("a heading with markup, at the heading", () => {
    const family = sampleFamily();
    const group = family.sections[0]?.groups[0] as Record<string, unknown>;
    group["heading"] = "Windows Server 2022:>-";
    expect(issues(family)).toEqual([
      'sections.0.groups.0.heading: "Windows Server 2022:>-" must be plain text, without “>”',
    ]);
  });

  it("a key used twice in one file: at the second row's key, naming the first", () => {
    const family = sampleFamily();
    const [a, b] = firstRows(family);
    b["key"] = a["key"];
    const [first, second] = [(a["names"] as string[])[0], (b["names"] as string[])[0]];
    expect(issues(family)).toEqual([
      `${at}.1.key: "${second}": key "${String(a["key"])}" is already used by "${first}"`,
    ]);
  });

  it("the key's own problem, at the key", () => {
    const family = sampleFamily();
    const [row] = firstRows(family);
    row["key"] = String(row["key"]).slice(0, -1);
    expect(issues(family)).toEqual([
      `${at}.0.key: "${(row["names"] as string[])[0]}": key "${String(row["key"])}" is not a product key: A product key has 25 characters; this has 24.`,
    ]);
  });

  it("two version groups with one anchor, and a row anchor that is a group's", () => {
    const family = sampleFamily();
    const groups = family.sections[0]?.groups as Record<string, unknown>[];
    const [g0, g1] = groups;
    if (!g0 || !g1) throw new Error("need two groups");
    g1["id"] = "same-anchor";
    g0["id"] = "same-anchor";
    expect(issues(family)).toContain(
      `sections.0.groups.1.id: two version groups share the anchor "same-anchor"; give one an id`,
    );
    const other = sampleFamily();
    const [row] = firstRows(other);
    const group = other.sections[0]?.groups[1] as Record<string, unknown>;
    group["id"] = "clash";
    row["anchor"] = "clash";
    expect(issues(other)).toEqual([
      `${at}.0.anchor: "${(row["names"] as string[])[0]}": anchor "clash" is also a version group's anchor`,
    ]);
  });

  it("names are trimmed, anchors default to the first name's slug, groups get label and anchor", () => {
    const family = sampleFamily();
    const [row] = firstRows(family);
    row["names"] = ["  Windows Test Edition 1.0  "];
    delete row["anchor"];
    const parsed = familySchema.parse(family);
    const group = parsed.sections[0]?.groups[0];
    expect(group?.rows[0]?.names).toEqual(["Windows Test Edition 1.0"]);
    expect(group?.rows[0]?.anchor).toBe("windows-test-edition-1-0");
    expect(group?.label).toBe(group?.heading ?? parsed.sections[0]?.heading);
    expect(group?.anchor).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("a row that is not even an object is named as such", () => {
    const family = sampleFamily();
    (family.sections[0]?.groups[0] as { rows: unknown[] }).rows[0] = "oops";
    expect(issues(family).join("\n")).toContain("a row without names or key:");
    (family.sections[0]?.groups[0] as { rows: unknown[] }).rows[0] = { names: [" ", 3] };
    expect(issues(family).join("\n")).toContain("a row without names or key:");
  });
});
