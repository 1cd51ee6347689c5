/**
 * content/server-conversions/ and content/edition-upgrades/ against Microsoft's pages
 * (tests/fixtures/): every command as the page writes it, every edition name it gives, every
 * upgrade path with its methods and every downgrade path; and the form's parts, which refuse
 * what the page does not ask for.
 */
import { readFileSync } from "node:fs";
import { parseFrontmatter } from "astro/markdown";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  editionUpgradesSchema,
  serverConversionSchema,
} from "../../src/lib/conversions/conversionSchema";
import { conversionCommand, placeholderLine } from "../../src/lib/conversions/conversionCommands";
import { checkRetailKey } from "../../src/lib/conversions/retailKey";
import { checkTargetEdition } from "../../src/lib/conversions/targetEdition";
import { keyRecords } from "../../src/lib/keys/keyRecords";
import { familyRows } from "../../src/lib/keys/familySchema";
import { CONTENT_DIR, readFamilies } from "../helpers/content";
import { FIXTURES } from "../helpers/sourceFixtures";
import { checksumTypo } from "../helpers/keyMutations";
import { markdownTable } from "../helpers/markdownTables";
import { answerConversion } from "../../src/lib/conversions/conversionQuestion";
import { CONVERSION_WORD } from "../../src/lib/search/guideWords";

const read = (file: string) => readFileSync(CONTENT_DIR + file, "utf8");
const SERVER_FILE = "server-conversions/windows-server.md";
const CLIENT_FILE = "edition-upgrades/windows.md";
const server = serverConversionSchema.parse(parseFrontmatter(read(SERVER_FILE)).frontmatter);
const client = editionUpgradesSchema.parse(parseFrontmatter(read(CLIENT_FILE)).frontmatter);
const serverPage = readFileSync(`${FIXTURES}upgrade-conversion-options.2025-08-18.md`, "utf8");
const clientPage = readFileSync(`${FIXTURES}windows-edition-upgrades.2024-10-04.md`, "utf8");
const families = readFamilies();
const keys = keyRecords(
  families.map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family })),
);
/** A product key with a valid checksum that no page lists: what a retail key looks like here. */
const UNLISTED = "BX4NM-KYWYX-QJJR4-XV3QB-6VM33";

describe("Windows Server conversions against Microsoft's page", () => {
  it("cites the page's title and revision", () => {
    expect(serverPage).toContain(`title: ${server.source.title}\n`);
    expect(serverPage).toContain("ms.date: 08/18/2025");
    expect(server.source.revision).toBe("2025-08-18");
  });

  it("has each command as the page writes it, slots in its words", () => {
    const asPublished = (template: string) =>
      placeholderLine(template, { edition: "target edition", key: "product key" });
    for (const name of ["currentEdition", "targetEditions", "getEula", "setEdition"] as const)
      expect(serverPage, name).toContain(`   ${asPublished(server.commands[name])}\n`);
    expect(serverPage).toContain(`\n${asPublished(server.commands.installKey)}\n`);
    expect(serverPage).toContain(`Run \`${server.commands.licenceStatus}\``);
    // The page's own filled example is what the template builds.
    expect(serverPage).toContain(
      placeholderLine(
        server.commands.setEdition,
        { key: "product key" },
        { edition: "ServerDatacenter" },
      ),
    );
  });

  it("gives each edition name as the page pairs it", () => {
    for (const { dism, edition } of server.editionNames) {
      // "… Evaluation edition is `ServerDatacenterEval`", or the Standard to Datacenter steps.
      const paired =
        serverPage.includes(`${edition} edition is \`${dism}\``) ||
        (serverPage.includes(`Verify that ${edition} is a valid option`) &&
          serverPage.includes(`Enter \`${dism}\``));
      expect(paired, dism).toBe(true);
    }
  });
});

describe("Windows edition upgrades against Microsoft's page", () => {
  const MARKS = new Map([
    ["✅", "yes"],
    ["☑️", "reboot"],
    ["❌", "no"],
  ]);

  it("cites the page's title and revision", () => {
    expect(clientPage).toContain(`# ${client.source.title}\n`);
    expect(clientPage).toContain("ms.date: 10/04/2024");
  });

  it("has every upgrade path with each method as the table marks it", () => {
    const { header, rows } = markdownTable(clientPage, "| Edition upgrade |");
    expect(client.methods).toEqual(
      header.slice(1).map((cell) => cell.replace(/<br>/g, " ").replace("- ", "-")),
    );
    expect(
      client.upgrades.map(({ from, to, methods }) => [`**${from} > ${to}**`, ...methods]),
    ).toEqual(rows.map(([path = "", ...cells]) => [path, ...cells.map((cell) => MARKS.get(cell))]));
  });

  it("has every downgrade path the table supports", () => {
    const { header, rows } = markdownTable(clientPage, "| Edition | Home |");
    const columns = header.slice(1).map((cell) => cell.replace(/<br>\s*/g, " "));
    const supported = rows
      .map(([edition = "", ...cells]) => ({
        from: edition.replaceAll("*", ""),
        to: columns.filter((_, i) => cells[i] === "✅"),
      }))
      .filter(({ to }) => to.length > 0);
    expect(client.downgrades).toEqual(supported);
  });

  it("has the command-line method's lines as the page gives them", () => {
    for (const template of client.commands)
      expect(clientPage).toContain(placeholderLine(template, { key: "product_key" }));
  });

  it("points each target at the row of that edition's KMS client key", () => {
    for (const { edition, row } of client.targets) {
      const found = families
        .flatMap(({ family }) => familyRows(family))
        .find(({ row: r }) => r.names.includes(row));
      expect(found, row).toBeDefined();
      expect(row).toBe(`Windows 11 ${edition}`);
    }
    // Every edition an upgrade reaches has its key.
    expect(new Set(client.upgrades.map(({ to }) => to))).toEqual(
      new Set(client.targets.map(({ edition }) => edition)),
    );
  });
});

describe("the commands are built from checked parts only", () => {
  const templates = Object.values(server.commands);
  const { setEdition, getEula } = server.commands;

  it("fills a template, and leaves out a line whose slot has no value", () => {
    expect(
      conversionCommand(templates, setEdition, { edition: "ServerDatacenter", key: UNLISTED }),
    ).toBe(`DISM /online /Set-Edition:ServerDatacenter /ProductKey:${UNLISTED} /AcceptEula`);
    expect(conversionCommand(templates, getEula, { edition: "ServerStandard" })).toBe(
      "DISM /online /Set-Edition:ServerStandard /GetEula:C:\\license.rtf",
    );
    expect(
      conversionCommand(templates, setEdition, { edition: "ServerDatacenter" }),
    ).toBeUndefined();
  });

  it("refuses a value a slot does not allow, and a template that is not the file's", () => {
    for (const edition of [
      "ServerDatacenter & calc",
      "Server Datacenter",
      "ServerDatacenter\n",
      "<x>",
      "1Server",
    ])
      expect(() => conversionCommand(templates, getEula, { edition }), edition).toThrow(/refusing/);
    expect(() =>
      conversionCommand(templates, setEdition, {
        edition: "ServerDatacenter",
        key: UNLISTED.toLowerCase(),
      }),
    ).toThrow(/refusing/);
    expect(() => conversionCommand(templates, "format c:", {})).toThrow(/not a conversion command/);
    expect(() => placeholderLine(setEdition, {}, { edition: "a|b" })).toThrow(/refusing/);
  });

  it("never builds a line outside the templates, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40 }), (edition, key) => {
        let line: string | undefined;
        try {
          line = conversionCommand(templates, setEdition, { edition, key });
        } catch {
          return;
        }
        expect(line).toMatch(
          /^DISM \/online \/Set-Edition:[A-Za-z][A-Za-z0-9]+ \/ProductKey:[A-Z0-9-]{29} \/AcceptEula$/,
        );
      }),
    );
  });
});

describe("the form's inputs", () => {
  it("takes an edition name as DISM prints it, never an evaluation", () => {
    expect(checkTargetEdition(" ServerDatacenter ")).toEqual({
      ok: true,
      value: "ServerDatacenter",
    });
    expect(checkTargetEdition("ServerDatacenterEval")).toEqual({
      ok: false,
      problem:
        "ServerDatacenterEval is an evaluation edition: /Set-Edition converts to a retail edition. Take the target's name from what /Get-TargetEditions printed.",
    });
    expect(checkTargetEdition("")).toEqual({
      ok: false,
      problem: "Type the edition name /Get-TargetEditions printed.",
    });
    const hostile = checkTargetEdition("<img src=x onerror=alert(1)>");
    expect(hostile.ok).toBe(false);
    expect(hostile.ok ? "" : hostile.problem).toMatch(
      /^“<img src=x onerror=alert\(1\)>” is not an edition name/,
    );
    // Invisible and right-to-left characters are shown, not obeyed; a huge paste is cut.
    const invisible = checkTargetEdition("Server\u202EDatacenter");
    expect(invisible.ok ? "" : invisible.problem).not.toContain("\u202E");
    const huge = checkTargetEdition("x".repeat(100_000) + " y");
    expect(huge.ok ? "" : huge.problem.length).toBeLessThan(200);
  });

  it("refuses a key the site lists, naming what it is, and Microsoft's placeholder key", () => {
    const gvlk = checkRetailKey("wx4nm kywyw qjjr4 xv3qb 6vm33", keys);
    expect(gvlk).toEqual({
      ok: false,
      problem:
        "WX4NM-KYWYW-QJJR4-XV3QB-6VM33 is the KMS client key for Windows Server 2022 Datacenter, not a retail key: Microsoft asks for a retail product key in /Set-Edition. A KMS client key goes in after the conversion, with slmgr.vbs /ipk.",
    });
    const avma = keys.find(({ keyKind }) => keyKind === "AVMA key");
    expect(avma).toBeDefined();
    const refused = checkRetailKey(avma?.key ?? "", keys);
    expect(refused.ok ? "" : refused.problem).toContain(
      `is the AVMA key for ${avma?.names[0] ?? ""}`,
    );
    const example = checkRetailKey("ABCDE-12345-ABCDE-12345-ABCDE", keys);
    expect(example.ok ? "" : example.problem).toMatch(/^Not a product key: /);
  });

  it("refuses a mistyped key and takes an unlisted one", () => {
    const typo = checksumTypo(UNLISTED);
    expect(checkRetailKey(typo, keys)).toEqual({
      ok: false,
      problem: `${typo} fails the product-key checksum: a character is probably mistyped.`,
    });
    expect(checkRetailKey(` ${UNLISTED.toLowerCase()} `, keys)).toEqual({
      ok: true,
      value: UNLISTED,
    });
    expect(checkRetailKey("", keys)).toEqual({
      ok: false,
      problem: "Type the retail product key.",
    });
  });
});

describe("the schemas refuse", () => {
  const issues = (
    file: string,
    schema: typeof editionUpgradesSchema | typeof serverConversionSchema,
    from: string,
    to: string,
  ) => {
    const text = read(file);
    expect(text, from).toContain(from);
    const result = schema.safeParse(parseFrontmatter(text.replace(from, to)).frontmatter);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it("a command with characters a command prompt reads, or an unknown slot", () => {
    expect(
      issues(
        SERVER_FILE,
        serverConversionSchema,
        "installKey: slmgr.vbs /ipk {key}",
        "installKey: slmgr.vbs /ipk {key} & calc",
      ),
    ).toEqual(["a command may hold letters, digits, spaces and . : \\ / - only, and {slots}"]);
    expect(
      issues(
        SERVER_FILE,
        serverConversionSchema,
        "installKey: slmgr.vbs /ipk {key}",
        "installKey: slmgr.vbs /ipk {host}",
      ),
    ).toEqual(["{host} is not a slot (edition, key)"]);
    expect(
      issues(
        SERVER_FILE,
        serverConversionSchema,
        "dism: ServerStandard,",
        "dism: Server Standard,",
      ),
    ).toEqual(["must be a DISM edition name (letters and digits)"]);
  });

  it("says where each problem is, as a problem of its own", () => {
    const where = (from: string, to: string) => {
      const text = read(CLIENT_FILE);
      expect(text, from).toContain(from);
      const result = editionUpgradesSchema.safeParse(
        parseFrontmatter(text.replace(from, to)).frontmatter,
      );
      return result.success
        ? []
        : result.error.issues.map((issue) => `${issue.code} ${issue.path.join(".")}`);
    };
    expect(
      where(
        "{ from: Home, to: Pro, methods: [no, no, no, reboot] }",
        "{ from: Home, to: Pro, methods: [no] }",
      ),
    ).toEqual(["custom upgrades.0.methods"]);
    expect(where("{ from: Pro, to: Enterprise,", "{ from: Pro, to: Education,")).toEqual([
      "custom upgrades.7",
    ]);
    expect(where("{ from: Home, to: Pro, methods", "{ from: Home, to: Home, methods")).toEqual([
      "custom upgrades.0.to",
    ]);
    const text = read(SERVER_FILE);
    const bad = serverConversionSchema.safeParse(
      parseFrontmatter(
        text.replace("installKey: slmgr.vbs /ipk {key}", "installKey: slmgr.vbs /ipk {host}"),
      ).frontmatter,
    );
    expect(
      bad.success ? [] : bad.error.issues.map((issue) => `${issue.code} ${issue.path.join(".")}`),
    ).toEqual(["custom commands.installKey"]);
  });

  it("a path with the wrong number of methods, listed twice, or to an edition without a key", () => {
    expect(
      issues(
        CLIENT_FILE,
        editionUpgradesSchema,
        "{ from: Home, to: Pro, methods: [no, no, no, reboot] }",
        "{ from: Home, to: Pro, methods: [no, no, reboot] }",
      ),
    ).toEqual(["Home > Pro: 3 methods, the table has 4"]);
    expect(
      issues(
        CLIENT_FILE,
        editionUpgradesSchema,
        "{ from: Pro, to: Enterprise,",
        "{ from: Pro, to: Education,",
      ),
    ).toEqual(["Pro > Education is listed twice"]);
    expect(
      issues(
        CLIENT_FILE,
        editionUpgradesSchema,
        "{ from: Home, to: Pro, methods",
        "{ from: Home, to: Home, methods",
      ),
    ).toEqual(["Home > Home: Home has no row in targets"]);
    expect(
      issues(
        CLIENT_FILE,
        editionUpgradesSchema,
        "methods: [no, no, no, reboot] }",
        "methods: [no, no, no, maybe] }",
      ),
    ).toEqual(["must be yes (no reboot), reboot (reboot required) or no"]);
  });
});

describe("conversion questions in the search box", () => {
  const ask = (text: string) => answerConversion(text, { upgrades: client, server });
  const ALL_YES = [
    "MDM: supported, no reboot.",
    "Provisioning package: supported, no reboot.",
    "Command-line tool: supported, no reboot.",
    "Manually entering product key: supported, no reboot.",
  ];

  it("an upgrade path, each method as the table marks it, and the key that makes it", () => {
    expect(ask("windows 10 professional to enterprise")).toEqual({
      summary: "Pro to Enterprise: an upgrade Microsoft supports, with no reboot.",
      points: [
        ...ALL_YES,
        "From the command line: install the Enterprise KMS client key with slmgr /ipk.",
      ],
      anchor: "windows-editions",
    });
    expect(ask("home to pro")).toEqual({
      summary: "Home to Pro: an upgrade Microsoft supports.",
      points: [
        "MDM: not supported.",
        "Provisioning package: not supported.",
        "Command-line tool: not supported.",
        "Manually entering product key: supported, with a reboot.",
      ],
      anchor: "windows-editions",
    });
    expect(ask("pro n to pro for workstations n")?.points.at(-1)).toBe(
      "An N or KN edition upgrades to the N or KN Pro for Workstations the same ways.",
    );
    expect(ask("pro education edition to education")?.summary).toBe(
      "Pro Education to Education: an upgrade Microsoft supports.",
    );
  });

  it("a downgrade, and a path the table does not have", () => {
    expect(ask("enterprise to pro education")).toEqual({
      summary:
        "Enterprise to Pro Education is a downgrade Microsoft supports, for when a volume licence has expired, by the same methods as an upgrade.",
      points: [],
      anchor: "windows-editions",
    });
    expect(ask("education to home")?.summary).toBe(
      "Microsoft's table of Windows edition upgrades has no path from Education to Home.",
    );
  });

  it("Windows Server: Standard to Datacenter, an evaluation, an edition as DISM names it", () => {
    expect(ask("standard to datacenter")).toEqual({
      summary:
        "Windows Server Standard converts to Datacenter at any time, with DISM and a retail product key.",
      points: ["DISM /online /Set-Edition:ServerDatacenter /ProductKey:<product key> /AcceptEula"],
      anchor: "standard-to-datacenter",
    });
    const evaluationPoints = [
      "A Datacenter evaluation converts to retail Datacenter only.",
      "A domain controller can't be converted from evaluation to retail.",
    ];
    expect(ask("convert evaluation")).toEqual({
      summary:
        "A Windows Server evaluation converts to a retail edition with DISM and a retail product key, then to a KMS client with its edition's KMS client key.",
      points: evaluationPoints,
      anchor: "evaluation",
    });
    expect(ask("Current Edition : ServerDatacenterEval")).toEqual({
      summary:
        "ServerDatacenterEval is an evaluation: it converts to a retail edition with DISM and a retail product key, then to a KMS client with its edition's KMS client key.",
      points: evaluationPoints,
      anchor: "evaluation",
    });
    expect(ask("serverstandard")).toEqual({
      summary: "ServerStandard is how DISM names Windows Server Standard (Desktop Experience).",
      points: [],
      anchor: "standard-to-datacenter",
    });
    expect(ask("ServerDatacenter")?.anchor).toBe("evaluation");
    expect(ask("ServerDatacenterCor")?.summary).toBe(
      "ServerDatacenterCor looks like an edition name as DISM prints it; Microsoft's conversion page does not name it.",
    );
    expect(ask("ServerFoo")).toBeUndefined();
    expect(ask("windows servers")).toBeUndefined();
  });

  it("nothing for what the tables don't speak to", () => {
    for (const text of [
      "windows server 2022 to 2025",
      "to",
      "pro to",
      "to enterprise",
      "server",
      "constructor to __proto__",
      "",
    ])
      expect(ask(text), text).toBeUndefined();
  });

  it("is asked only with a word of its own", () => {
    for (const text of [
      "pro to enterprise",
      "evaluation",
      "ServerStandardEval",
      "upgrade",
      "convert",
    ])
      expect(CONVERSION_WORD.test(text), text).toBe(true);
    for (const text of ["windows server 2022 datacenter", "tomato", "server 2019", "office 2021"])
      expect(CONVERSION_WORD.test(text), text).toBe(false);
  });

  it("never fails, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const answer = ask(`${text} to ${text}`);
        if (answer !== undefined) expect(answer.summary.length).toBeGreaterThan(0);
      }),
    );
  });
});
