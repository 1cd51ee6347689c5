/**
 * The activation methods (src/lib/activation/methods.ts, methodList.ts): each family's key goes only with its
 * own tool, every line any method builds passes its whitelist for any host, the Office16
 * folder lines are literal, and AVMA never takes a KMS host.
 */
import { METHOD_IDS } from "../../src/lib/activation/methodIds";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activationCommands } from "../../src/lib/activation/activationSteps";
import { hostProblem } from "../../src/lib/activation/hostProblem";
import { DOCUMENTED_COMMANDS, isCommandName } from "../../src/lib/activation/documentedCommands";
import { readKmsHost, type KmsHost } from "../../src/lib/activation/kmsHost";
import { fixedLine, methodGuide, METHOD_GUIDES } from "../../src/lib/activation/methodGuides";
import { installLabel, installLine } from "../../src/lib/activation/installLine";
import {
  checkedLine,
  fillLine,
  installCommand,
  installPrefix,
  installName,
} from "../../src/lib/activation/methods";
import { methodById, METHOD_LIST } from "../../src/lib/activation/methodList";
import { keyRecords } from "../../src/lib/keys/keyRecords";
import { readFamilies } from "../helpers/content";
import { isDocumented } from "../helpers/errorFixtures";

const WINDOWS = methodById("windows-kms");
const OFFICE = methodById("office-kms");
const AVMA = methodById("avma");
const records = keyRecords(
  readFamilies().map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family })),
);
const keyOf = (method: string) => records.find((r) => r.method === method)?.key ?? "";
const host = (text: string): KmsHost => {
  const reading = readKmsHost(text);
  if (!reading.ok) throw new Error(reading.message);
  return reading;
};

/** Words of letters, digits, dots, colons, slashes, brackets and hyphens, one space apart: nothing a command prompt or PowerShell acts on. */
const INERT = /^[A-Za-z0-9.:/[\]-]+(?: [A-Za-z0-9.:/[\]-]+)*$/;

describe("each method", () => {
  it("installs each key of the site with its own family's tool, and only with it", () => {
    expect(METHOD_IDS).toEqual(["windows-kms", "office-kms", "avma"]);
    expect(METHOD_LIST.map((method) => method.id)).toEqual(METHOD_IDS);
    for (const record of records) {
      const line = installCommand(methodById(record.method), record.key);
      if (record.method === "office-kms") {
        expect(line).toBe(`cscript ospp.vbs /inpkey:${record.key}`);
        // An Office key is never handed to slmgr.
        expect(() => checkedLine(WINDOWS, `slmgr /ipk ${record.key}`)).not.toThrow();
        expect(() => checkedLine(OFFICE, `slmgr /ipk ${record.key}`)).toThrow();
      } else {
        expect(line).toBe(`slmgr /ipk ${record.key}`);
        expect(() =>
          checkedLine(methodById(record.method), `cscript ospp.vbs /inpkey:${record.key}`),
        ).toThrow();
      }
    }
    expect(records.filter((r) => r.method === "office-kms")).toHaveLength(52);
    expect(records.filter((r) => r.method === "avma")).toHaveLength(12);
  });

  it("names its key kind and install command as people say them", () => {
    expect([WINDOWS, OFFICE, AVMA].map((m) => m.keyKind)).toEqual([
      "KMS client key",
      "KMS client key",
      "AVMA key",
    ]);
    expect([WINDOWS, OFFICE, AVMA].map(installName)).toEqual([
      "slmgr /ipk",
      "cscript ospp.vbs /inpkey",
      "slmgr /ipk",
    ]);
  });

  it("refuses an id it does not have, listing those it has", () => {
    expect(() => methodById("office")).toThrow(
      'no activation method "office" (windows-kms, office-kms, avma)',
    );
    expect(() => methodById("constructor")).toThrow();
    expect(() => installCommand(OFFICE, "not-a-key")).toThrow('not a product key: "not-a-key"');
    expect(() => installCommand(OFFICE, `${keyOf("office-kms")} & calc`)).toThrow();
  });

  it("writes only lines Microsoft documents, and troubleshooting commands that exist", () => {
    for (const method of [WINDOWS, OFFICE, AVMA]) {
      for (const line of [...method.activate, ...method.status]) {
        expect(isDocumented(line), `${method.id}: ${line}`).toBe(true);
      }
      for (const name of methodGuide(method.id).troubleshoot)
        expect(isCommandName(name), name).toBe(true);
    }
    expect(Object.keys(METHOD_GUIDES)).toEqual(METHOD_IDS);
    expect(
      methodGuide("office-kms").troubleshoot.map((name) => DOCUMENTED_COMMANDS[name].line),
    ).toContain("cscript ospp.vbs /dstatus");
    expect(() => methodGuide("office")).toThrow('no guide for the activation method "office"');
    expect(() => methodGuide("constructor")).toThrow(
      'no guide for the activation method "constructor"',
    );
  });
});

describe("the commands of the helper", () => {
  it("are install, host, activate and status for Windows and Office; install and status for AVMA", () => {
    const w = keyOf("windows-kms");
    const o = keyOf("office-kms");
    const a = keyOf("avma");
    expect(activationCommands(WINDOWS, w, host("kms.example.org:1750"))).toEqual([
      `slmgr /ipk ${w}`,
      "slmgr /skms kms.example.org:1750",
      "slmgr /ato",
      "slmgr /dlv",
    ]);
    expect(activationCommands(OFFICE, o, host("kms.example.org:1750"))).toEqual([
      `cscript ospp.vbs /inpkey:${o}`,
      "cscript ospp.vbs /sethst:kms.example.org",
      "cscript ospp.vbs /setprt:1750",
      "cscript ospp.vbs /act",
      "cscript ospp.vbs /dstatus",
    ]);
    // No port given: /setprt is not written, ospp.vbs keeps the one it has (1688 by default).
    expect(activationCommands(OFFICE, o, host("10.0.0.5"))).toEqual([
      `cscript ospp.vbs /inpkey:${o}`,
      "cscript ospp.vbs /sethst:10.0.0.5",
      "cscript ospp.vbs /act",
      "cscript ospp.vbs /dstatus",
    ]);
    expect(activationCommands(OFFICE, o)).toEqual([
      `cscript ospp.vbs /inpkey:${o}`,
      "cscript ospp.vbs /act",
      "cscript ospp.vbs /dstatus",
    ]);
    expect(activationCommands(AVMA, a)).toEqual([`slmgr /ipk ${a}`, "slmgr /dlv"]);
  });

  it("never pair an AVMA key with a host, nor ospp.vbs with an IPv6 address, and say why", () => {
    const a = keyOf("avma");
    expect(hostProblem(AVMA, host("kms.example.org"))).toBe(
      "AVMA keys use no KMS host, so no host goes into their commands.",
    );
    expect(() => activationCommands(AVMA, a, host("kms.example.org"))).toThrow(
      "avma takes no name host",
    );
    expect(hostProblem(OFFICE, host("[2001:db8::5]:1688"))).toBe(
      "cscript ospp.vbs is documented with a host name or an IPv4 address, not an IPv6 address: give the KMS host's name.",
    );
    expect(hostProblem(WINDOWS, host("[2001:db8::5]:1688"))).toBeUndefined();
    expect(hostProblem(OFFICE, host("kms.example.org"))).toBeUndefined();
  });

  it("pass each method's whitelist and hold nothing a shell acts on, for any host typed", () => {
    const hostish = fc
      .array(fc.constantFrom(..."abc09-.:[]&|;<>^%\"'`$() \n\u200b"), { maxLength: 30 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), hostish), (input) => {
        const reading = readKmsHost(input);
        if (!reading.ok) return;
        for (const method of [WINDOWS, OFFICE]) {
          if (hostProblem(method, reading) !== undefined) continue;
          for (const line of activationCommands(method, keyOf(method.id), reading)) {
            expect(checkedLine(method, line), line).toBe(line);
            expect(line).toMatch(INERT);
          }
        }
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("templates", () => {
  it("fill only with values their slots accept, and leave out a line whose slot has none", () => {
    expect(fillLine(OFFICE, "cscript ospp.vbs /setprt:{port}", {})).toBeUndefined();
    expect(fillLine(OFFICE, "cscript ospp.vbs /setprt:{port}", { port: "1750" })).toBe(
      "cscript ospp.vbs /setprt:1750",
    );
    expect(() => fillLine(OFFICE, "cscript ospp.vbs /setprt:{port}", { port: "17a" })).toThrow(
      'refusing to build the command "cscript ospp.vbs /setprt:17a"',
    );
    expect(() => fillLine(OFFICE, "cscript ospp.vbs /sethst:{host}", { host: "a b" })).toThrow();
    // A template is literal apart from its slots: "." is a dot, not any character.
    expect(() => checkedLine(OFFICE, "cscript osppXvbs /act")).toThrow();
    expect(() => checkedLine(WINDOWS, "slmgr /ato ")).toThrow();
    expect(() => checkedLine(WINDOWS, " slmgr /ato")).toThrow();
    expect(checkedLine(WINDOWS, "slmgr /skms [2001:db8::5]:1688")).toBe(
      "slmgr /skms [2001:db8::5]:1688",
    );
  });
});

describe("the Office16 folder lines", () => {
  it("are Microsoft's two folders, literal, and the only lines with characters a shell reads", () => {
    const { folders } = methodGuide("office-kms");
    expect(folders.map((f) => f.line)).toEqual([
      String.raw`cd /d "%ProgramFiles%\Microsoft Office\Office16"`,
      String.raw`cd /d "%ProgramFiles(x86)%\Microsoft Office\Office16"`,
    ]);
    for (const { line } of folders) expect(fixedLine("office-kms", line)).toBe(line);
    // Literal means whole: the same line with anything changed is refused.
    expect(() =>
      fixedLine("office-kms", String.raw`cd /d "%ProgramFiles%\Microsoft Office\Office15"`),
    ).toThrow("not a fixed line of office-kms");
    expect(() => fixedLine("office-kms", `${folders[0]?.line ?? ""} & calc`)).toThrow();
    // Never a built line, and another method has no folder line at all.
    expect(() => checkedLine(OFFICE, folders[0]?.line ?? "")).toThrow();
    expect(() => fixedLine("windows-kms", folders[0]?.line ?? "")).toThrow();
    expect(methodGuide("windows-kms").folders).toEqual([]);
    expect(methodGuide("avma").folders).toEqual([]);
  });
});

describe("the copy buttons' install line", () => {
  it("is the method's prefix and the key, both checked; the label is the prefix's words", () => {
    const key = keyOf("office-kms");
    expect(installPrefix(OFFICE)).toBe("cscript ospp.vbs /inpkey:");
    expect(installPrefix(WINDOWS)).toBe("slmgr /ipk ");
    expect(installLine(installPrefix(OFFICE), key)).toBe(installCommand(OFFICE, key));
    expect(installLabel("cscript ospp.vbs /inpkey:")).toBe("cscript ospp.vbs /inpkey");
    expect(installLabel("slmgr /ipk ")).toBe("slmgr /ipk");
  });

  it.each([
    "",
    "slmgr /ipk",
    "slmgr  /ipk ",
    "slmgr /ipk  ",
    "SLMGR /ipk ",
    "slmgr /ipk:/ipk ",
    "calc & slmgr /ipk ",
    "slmgr /ipk & ",
    "cmd /c ",
    "cscript ospp..vbs /inpkey:",
    '"slmgr" /ipk ',
    "slmgr\n/ipk ",
    "slmgr /i-pk ",
  ])("refuses the prefix %j", (prefix) => {
    if (prefix === "cmd /c ") {
      // The shape of a tool and an option: allowed here; the build only ever writes a method's.
      expect(installLine(prefix, keyOf("windows-kms"))).toBe(`cmd /c ${keyOf("windows-kms")}`);
      return;
    }
    expect(() => installLine(prefix, keyOf("windows-kms"))).toThrow(
      `refusing to build an install line from ${JSON.stringify(prefix)}`,
    );
  });

  it("refuses anything but a key of the published shape after it", () => {
    expect(() => installLine("slmgr /ipk ", "x & calc")).toThrow('not a product key: "x & calc"');
    expect(() => installLine("slmgr /ipk ", `${keyOf("windows-kms")} `)).toThrow();
  });
});
