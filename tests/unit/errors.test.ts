/**
 * The activation errors against Microsoft's page (tests/fixtures/): every code of its table
 * is on the site and nothing else, with its message and who sees it; every command the site
 * hands out is written as one of Microsoft's pages writes it; codes are found however pasted.
 */
import { describe, expect, it } from "vitest";
import {
  ERROR_CODE_PATTERN,
  errorPath,
  findErrorCode,
} from "../../src/lib/errors/activationErrors";
import {
  cscriptSetHost,
  DOCUMENTED_COMMANDS,
  isCommandName,
} from "../../src/lib/activation/documentedCommands";
import { errorSchema, findErrorProblems } from "../../src/lib/errors/errorSchema";
import { errorSearchDocument, searchTexts } from "../../src/lib/search/searchDocument";
import {
  documentedCommandLines,
  isDocumented,
  readErrorContent,
  readSourceErrors,
  slmgrOptions,
} from "../helpers/errorFixtures";

const source = readSourceErrors();
const content = readErrorContent();

describe("content/errors against Microsoft's table", () => {
  it("has every code of the table, in the site's one spelling, and no other", () => {
    expect(source).toHaveLength(30);
    expect(content.map((e) => e.data.code).sort()).toEqual(
      source.map((e) => `0x${e.code.slice(2).toUpperCase()}`).sort(),
    );
    for (const { data } of content) expect(data.code).toMatch(ERROR_CODE_PATTERN);
  });

  it("gives each code Microsoft's message and who sees it", () => {
    for (const row of source) {
      const entry = content.find((e) => e.data.code.toLowerCase() === row.code.toLowerCase());
      // The table starts one message with its own code ("0x8007007b DNS name doesn't exist.").
      expect(entry?.data.message, row.code).toBe(row.message.replace(/^0x[0-9a-f]{8} /i, ""));
      expect(entry?.data.seenBy, row.code).toEqual(row.seenBy);
    }
  });

  it("names each file after its code, once, with a resolution", () => {
    expect(
      findErrorProblems(content.map(({ file, data, body }) => ({ file, code: data.code, body }))),
    ).toEqual([]);
  });
});

describe("the checks that stop a bad error file", () => {
  it("refuses a code in another spelling, naming the problem", () => {
    const [first] = content;
    const result = errorSchema.safeParse({ ...first?.data, code: "0xc004f074" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("0x and eight upper-case hex digits");
    expect(errorSchema.safeParse({ ...first?.data, causes: [] }).error?.issues[0]?.message).toBe(
      "give at least one cause",
    );
    expect(errorSchema.safeParse({ ...first?.data, seenBy: ["Everyone"] }).success).toBe(false);
  });

  it("finds a file named for another code, a code twice and an empty resolution", () => {
    expect(
      findErrorProblems([
        { file: "content/errors/0xC004F074.mdx", code: "0xC004F074", body: "Fix." },
        { file: "content/errors/0xC004F075.mdx", code: "0xC004F074", body: "Fix." },
        { file: "content/errors/0xC004F038.mdx", code: "0xC004F038", body: "  \n" },
      ]),
    ).toEqual([
      "content/errors/0xC004F038.mdx: 0xC004F038 has no resolution (the file's body is empty)",
      "content/errors/0xC004F075.mdx: the code is 0xC004F074, so the file must be named 0xC004F074.mdx",
      "content/errors/0xC004F075.mdx: 0xC004F074 is already listed in content/errors/0xC004F074.mdx",
    ]);
  });
});

describe("commands", () => {
  const documented = documentedCommandLines();

  it("are each written exactly as one of Microsoft's pages writes it", () => {
    for (const [name, command] of Object.entries(DOCUMENTED_COMMANDS)) {
      expect(isDocumented(command.line), `${name}: ${command.line}`).toBe(true);
    }
    expect([...slmgrOptions()]).toEqual(
      expect.arrayContaining(["/dli", "/dlv", "/xpr", "/ckms", "/skms", "/ato"]),
    );
    expect(isDocumented("slmgr /frobnicate")).toBe(false);
    expect(isDocumented("slmgr /ato & calc")).toBe(false);
    expect(documented).toContain("cscript \\windows\\system32\\slmgr.vbs -skms <KMS_FQDN>:<port>");
    expect(cscriptSetHost("kms.example.org:1688")).toBe(
      "cscript \\windows\\system32\\slmgr.vbs -skms kms.example.org:1688",
    );
    expect(() => cscriptSetHost("kms&calc")).toThrow("refusing to build the command");
  });

  it("used in content/errors are all documented ones", () => {
    for (const { file, body } of content) {
      for (const [, name = ""] of body.matchAll(/<Command name="([^"]*)"/g)) {
        expect(isCommandName(name), `${file}: ${name}`).toBe(true);
      }
    }
    expect(isCommandName("constructor")).toBe(false);
    expect(isCommandName("__proto__")).toBe(false);
  });
});

describe("findErrorCode", () => {
  it.each([
    ["0xC004F074", "0xC004F074"],
    ["C004F074", "0xC004F074"],
    ["c004f074", "0xC004F074"],
    ["0xc004f074 kms", "0xC004F074"],
    ["Error: 0xC004F074 The Software Licensing Service reported…", "0xC004F074"],
    ["error 0X8007232b while activating", "0x8007232B"],
    ["８００７２３２Ｂ", "0x8007232B"],
    ["0x00000000", "0x00000000"],
    ["(0xC004F038)", "0xC004F038"],
    ["0xfeedface", "0xFEEDFACE"],
  ])("finds %j as %s", (text, code) => expect(findErrorCode(text)).toBe(code));

  it.each([
    "cafebabe",
    "windows server 2022",
    "1234567",
    "C004F0745",
    "xC004F074",
    "0xC004F07",
    "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
    "12345678",
    "",
  ])("finds nothing in %j", (text) => expect(findErrorCode(text)).toBeUndefined());

  it("pages each code under errors/, in lower case", () => {
    expect(errorPath("0xC004F074")).toBe("errors/0xc004f074/");
  });
});

describe("an error as Pagefind indexes it", () => {
  const error = {
    code: "0xC004F074",
    message: "No KMS <host>.",
    summary: "Cannot reach.",
    path: "errors/0xc004f074/",
  };

  it("is exactly this: its fields, the message as a name, the summary, and the code with and without 0x", () => {
    expect(errorSearchDocument(error, 90)).toBe(
      `<html><head>` +
        `<meta data-pagefind-filter="key[content]" content="0xC004F074">` +
        `<meta data-pagefind-filter="names[content]" content="No KMS &lt;host&gt;.">` +
        `<meta data-pagefind-filter="aliases[content]" content="Cannot reach.">` +
        `<meta data-pagefind-filter="order[content]" content="90">` +
        `</head><body>` +
        `<p data-pagefind-weight="10">No KMS &lt;host&gt;.</p>` +
        `<p data-pagefind-weight="8">Cannot reach.</p>` +
        `<p data-pagefind-weight="1">0xc004f074 c004f074</p>` +
        `</body></html>`,
    );
  });

  it("adds its message and summary to the words a query may be corrected to", () => {
    expect(searchTexts([], [error])).toEqual(["No KMS <host>.", "Cannot reach."]);
  });
});
