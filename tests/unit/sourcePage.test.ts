/** How parseSourcePage reads the parts of Microsoft's page, one rule at a time, on small pages. */
import { describe, expect, it } from "vitest";
import { parseSourcePage } from "../../src/lib/upstream/sourcePage";
import { sourceKeys } from "../helpers/sourceFixtures";

const [k1 = "", k2 = "", k3 = ""] = [...sourceKeys()];

/** A page with the parts every revision has, around `keys` (the text of the key section). */
function page(keys: string, { date = "ms.date: 10/01/2024", example = `slmgr /ipk ${k1}` } = {}) {
  return [
    "---",
    "title: Key Management Services (KMS) client activation and product keys",
    date,
    "---",
    "",
    "## Install a product key",
    "",
    "```",
    example,
    "```",
    "",
    "| Not a key table | " + k3 + " |",
    "",
    "## Generic Volume License Keys",
    "",
    keys,
  ].join("\n");
}

const table = (...rows: [string, string][]) =>
  [
    "| Operating system edition | KMS Client Product Key |",
    "|--|--|",
    ...rows.map(([n, k]) => `| ${n} | ${k} |`),
  ].join("\n");

describe("parseSourcePage on small pages", () => {
  it("reads the date as an ISO revision, and the example key", () => {
    const parsed = parseSourcePage(page(`### S\n\n${table(["A", k1])}`), "p.md");
    expect(parsed.revision).toBe("2024-10-01");
    expect(parsed.exampleKey).toBe(k1);
  });

  it.each([
    ["a date not at the start of its line", { date: "x ms.date: 10/01/2024" }, /ms\.date/],
    ["a date with more after it", { date: "ms.date: 10/01/2024x" }, /ms\.date/],
    ["no example", { example: "slmgr /ato" }, /"slmgr \/ipk" example/],
    ["an example with more after the key", { example: `slmgr /ipk ${k1} now` }, /example/],
  ])("refuses %s, naming the file", (_label, parts, message) => {
    expect(() => parseSourcePage(page(`### S\n\n${table(["A", k1])}`, parts), "p.md")).toThrow(
      message,
    );
    expect(() => parseSourcePage(page(`### S\n\n${table(["A", k1])}`, parts), "p.md")).toThrow(
      /^p\.md: /,
    );
  });

  it("reads a date with no space after the colon, and spaces at the end of the line", () => {
    const parsed = parseSourcePage(
      page(`### S\n\n${table(["A", k1])}`, { date: "ms.date:06/30/2025  " }),
      "p.md",
    );
    expect(parsed.revision).toBe("2025-06-30");
  });

  it("refuses a page with no key table under its key heading, naming the file", () => {
    expect(() => parseSourcePage(page("### S\n\nNo table."), "empty.md")).toThrow(
      /^empty\.md: no key tables/,
    );
  });

  it("reads only tables under “Generic Volume License Keys”, and stops at the next ## heading", () => {
    const parsed = parseSourcePage(
      page(`### S\n\n${table(["A", k1])}\n\n## See also\n\n### T\n\n${table(["B", k2])}`),
      "p.md",
    );
    expect(parsed.sections).toEqual([
      { heading: "S", groups: [{ heading: undefined, rows: [{ names: ["A"], key: k1 }] }] },
    ]);
  });

  it("takes ### as a section, #### and tab titles as version groups, and drops empty sections", () => {
    const parsed = parseSourcePage(
      page(
        [
          "### Empty",
          "",
          "Prose only.",
          "",
          "### Server",
          "",
          "#### Version 1",
          "",
          table(["A", k1]),
          "",
          "# [Version 2 <br> and 3](#tab/v2)",
          "",
          table(["B", k2], ["C", k3]),
        ].join("\n"),
      ),
      "p.md",
    );
    expect(parsed.sections).toEqual([
      {
        heading: "Server",
        groups: [
          { heading: "Version 1", rows: [{ names: ["A"], key: k1 }] },
          {
            heading: "Version 2, and 3",
            rows: [
              { names: ["B"], key: k2 },
              { names: ["C"], key: k3 },
            ],
          },
        ],
      },
    ]);
  });

  it("splits a cell's names at <br>, trimmed, without empty ones", () => {
    const parsed = parseSourcePage(
      page(`### S\n\n${table([" A <br>  <br/> B<BR />C ", k1])}`),
      "p.md",
    );
    expect(parsed.sections[0]?.groups[0]?.rows[0]?.names).toEqual(["A", "B", "C"]);
  });

  it("reads only whole table lines whose last cell is a key", () => {
    const lines = [
      `| A | ${k1} |`,
      `  | B | ${k2} |`, // indented: not a table line of the page
      `| C | ${k3} | more`,
      `| D | not a key |`,
      `|E|${k2}|`,
    ].join("\n");
    const parsed = parseSourcePage(page(`### S\n\n${lines}`), "p.md");
    expect(parsed.sections[0]?.groups[0]?.rows).toEqual([
      { names: ["A"], key: k1 },
      { names: ["E"], key: k2 },
    ]);
  });

  it("does not take a line of hashes without a space, or an indented one, for a heading", () => {
    const parsed = parseSourcePage(
      page(`### S\n\n#NotAHeading\n\n  ### Not either\n\n${table(["A", k1])}`),
      "p.md",
    );
    expect(parsed.sections.map((s) => s.heading)).toEqual(["S"]);
    expect(parsed.sections[0]?.groups.map((g) => g.heading)).toEqual([undefined]);
  });
});

describe("parseSourcePage: the Windows reader's edges", () => {
  it("refuses a line over MAX_LINE before reading anything, naming the line and its length", () => {
    const text = page(`### S\n\n${table(["A", k1])}\n${"x".repeat(2001)}`);
    expect(() => parseSourcePage(text, "p.md")).toThrow(
      /^p\.md: line 21 is 2,001 characters long; no line of Microsoft's pages is longer than 2000$/,
    );
    expect(() =>
      parseSourcePage(page(`### S\n\n${table(["A", k1])}\n${"x".repeat(2000)}`), "p.md"),
    ).not.toThrow();
  });

  it("reads tables only under 'Generic Volume License Keys': headings elsewhere start nothing", () => {
    const text = [
      "ms.date: 10/01/2024",
      `slmgr /ipk ${k1}`,
      "### Outside",
      "#### Not a group",
      table(["Outside", k2]),
      "## Generic Volume License Keys",
      "#### A group before any section",
      table(["Early", k3]),
      "### S",
      "# [Windows Server<br>Azure Edition](#tab/azure)",
      table(["A", k1]),
    ].join("\n");
    const parsed = parseSourcePage(text, "p.md");
    expect(parsed.sections).toEqual([
      {
        heading: "S",
        groups: [{ heading: "Windows Server, Azure Edition", rows: [{ names: ["A"], key: k1 }] }],
      },
    ]);
  });
});
