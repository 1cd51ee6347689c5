import { describe, expect, it } from "vitest";
import { activationCommands } from "../../src/lib/activation/activationSteps";
import { methodById } from "../../src/lib/activation/methodList";
import { DEFAULT_KMS_PORT, readKmsHost } from "../../src/lib/activation/kmsHost";
import fc from "fast-check";
import { checkKey, type ListedKey } from "../../src/lib/keys/keyChecker";
import { looksLikeKey } from "../../src/lib/keys/keyAttempt";
import { exactListedKey } from "../../src/lib/keys/keyInput";
import {
  csvField,
  CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  keysCsv,
  keysDocument,
} from "../../src/lib/keys/keyDownloads";
import { keyRecords } from "../../src/lib/keys/keyRecords";
import { KEY_ALPHABET } from "../../src/lib/keys/keyShape";
import { readFamilies } from "../helpers/content";
import { singleCharacterMutations } from "../helpers/keyMutations";
import { readSourceRows, sourceKeys } from "../helpers/sourceFixtures";

const families = readFamilies()
  .map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family }))
  .sort((a, b) => a.data.order - b.data.order);
const records = keyRecords(families);
const document = keysDocument(records, (path) => `https://example.org/${path}`);
const listed: ListedKey[] = records.map(({ key, names, path }) => ({ key, names, path }));

/** A small RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe("keys.json and keys.csv", () => {
  it("list exactly the fixtures' keys, each with every name the newest revision gives it", () => {
    expect(document.keys.map((k) => k.key).sort()).toEqual([...sourceKeys()].sort());
    for (const row of readSourceRows()) {
      const published = document.keys.find((k) => k.key === row.key);
      const text = [...(published?.names ?? []), ...(published?.aliases ?? [])].join(" ");
      for (const name of row.names) expect(text, row.key).toContain(name);
    }
  });

  it("CSV: plain ASCII without a byte-order mark, header row, CRLF, quoting, and a lossless round trip", () => {
    const csv = keysCsv(document);
    expect(csv.startsWith("key,")).toBe(true);
    expect(csv).toMatch(/^[\x20-\x7e\r\n]*$/);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(document.keys.length);
    expect(csv).toContain('"Windows Server, versions 20H2, 2004, 1909, 1903, and 1809"');
    rows.forEach((row, i) => {
      const key = document.keys[i];
      const field = (name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)] ?? "";
      const list = (name: (typeof CSV_COLUMNS)[number]) =>
        field(name) === "" ? [] : field(name).split(CSV_LIST_SEPARATOR);
      expect({
        key: field("key"),
        names: list("names"),
        aliases: list("aliases"),
        family: field("family"),
        group: field("version_group"),
        url: field("url"),
        sources: list("sources"),
      }).toEqual({
        key: key?.key,
        names: key?.names,
        aliases: key?.aliases,
        family: key?.familyTitle,
        group: key?.group,
        url: key?.url,
        sources: key?.sources,
      });
    });
  });
});

describe("CSV cells a spreadsheet would run", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")'])(
    "neutralises %j with a leading apostrophe",
    (value) => {
      const [[cell] = []] = parseCsv(`${csvField(value)}\r\n`);
      expect(cell).toBe(`'${value}`);
    },
  );

  it("leaves ordinary cells alone", () => {
    for (const value of ["Windows 10 Pro", "2024-10-01", "a=b", "x-y"])
      expect(csvField(value)).toBe(value);
  });

  it("refuses to write a name that is not plain ASCII, naming it", () => {
    const [first] = document.keys;
    if (!first) throw new Error("no keys");
    const odd = { ...document, keys: [{ ...first, names: ["Windows 10 Pro Éducation"] }] };
    expect(() => keysCsv(odd)).toThrow(/Éducation.*not plain ASCII/);
  });
});

describe("readKmsHost", () => {
  it.each([
    ["kms.example.org", "kms.example.org"],
    ["KMS01", "KMS01"],
    ["kms.example.org:1688", "kms.example.org:1688"],
    ["kms.example.org.", "kms.example.org."],
    ["10.0.0.5", "10.0.0.5"],
    ["10.0.0.5:1700", "10.0.0.5:1700"],
    ["2001:db8::5", `[2001:db8::5]:${DEFAULT_KMS_PORT}`],
    ["[2001:db8::5]", `[2001:db8::5]:${DEFAULT_KMS_PORT}`],
    ["[2001:DB8:0::5]:1700", "[2001:DB8:0::5]:1700"],
    ["  kms.example.org  ", "kms.example.org"],
  ])("reads %s as /skms %s", (input, skms) => {
    expect(readKmsHost(input)).toMatchObject({ ok: true, skms });
  });

  it.each([
    ["", /Enter the KMS host/],
    ["kms example", /spaces/],
    ["-kms.example.org", /hyphen/],
    ["kms_01.example.org", /“_”/],
    ["kms.example.org:0", /1 to 65535/],
    ["kms.example.org:65536", /1 to 65535/],
    ["kms.example.org:port", /1 to 65535/],
    ["10.0.0.256", /not an IPv4 address/],
    ["10.0.0", /not an IPv4 address/],
    ["2001:db8::zz", /not an IPv6 address/],
    ["[2001:db8::5]:99999", /1 to 65535/],
    ["kms.example.org; rm -rf /", /“;”/],
    ["kms.example.org&calc", /“&”/],
    ["a".repeat(64) + ".example.org", /at most 63 characters/],
  ])("refuses %j, saying why", (input, message) => {
    const reading = readKmsHost(input);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.message).toMatch(message);
  });

  it("builds the command sequence, with /skms only when a host is given", () => {
    const key = records[0]?.key ?? "";
    expect(activationCommands(methodById("windows-kms"), key)).toEqual([
      `slmgr /ipk ${key}`,
      "slmgr /ato",
      "slmgr /dlv",
    ]);
    const host = readKmsHost("kms.example.org:1688");
    if (!host.ok) throw new Error("host");
    expect(activationCommands(methodById("windows-kms"), key, host)).toEqual([
      `slmgr /ipk ${key}`,
      "slmgr /skms kms.example.org:1688",
      "slmgr /ato",
      "slmgr /dlv",
    ]);
  });
});

describe("exactListedKey, the checker's fast path", () => {
  it("finds every fixture key written as published, without hyphens, in lower case", () => {
    for (const entry of listed) {
      for (const input of [entry.key, entry.key.toLowerCase().replaceAll("-", "")]) {
        expect(exactListedKey(input, listed)).toBe(entry);
      }
    }
  });

  it("never disagrees with checkKey: whatever it finds, checkKey calls listed", () => {
    const keyish = fc.oneof(
      fc.string(),
      fc
        .constantFrom(...listed.map((entry) => entry.key))
        .chain((key) =>
          fc
            .tuple(fc.nat(key.length), fc.string({ maxLength: 3 }))
            .map(([at, noise]) => key.slice(0, at) + noise + key.slice(at)),
        ),
    );
    fc.assert(
      fc.property(keyish, (input) => {
        const found = exactListedKey(input, listed);
        if (found) expect(checkKey(input, listed)).toMatchObject({ kind: "listed", listed: found });
      }),
      { numRuns: 3000 },
    );
  });
});

describe("checkKey", () => {
  it("names the editions of every fixture key, in any case or spacing", () => {
    for (const { key, names } of listed) {
      for (const input of [
        key,
        key.toLowerCase().replaceAll("-", ""),
        ` ${key.replaceAll("-", " ")} `,
      ]) {
        expect(checkKey(input, listed)).toMatchObject({ kind: "listed", key, listed: { names } });
      }
    }
  });

  it("calls a single-character typo of a checkable key a checksum failure and points at its group", () => {
    let pointed = 0;
    let total = 0;
    // Every typo of a dozen keys, spread over the list (productKey.test.ts sweeps all keys' checksums).
    const checkable = listed.filter((l) => l.key.includes("N"));
    const sample = checkable.filter((_, i) => i % Math.ceil(checkable.length / 12) === 0);
    for (const { key } of sample) {
      for (const typo of singleCharacterMutations(key)) {
        const verdict = checkKey(typo, listed);
        if (verdict.kind === "listed") continue; // cannot happen: keys differ in more than one place
        total++;
        if (verdict.kind !== "checksum-fails") continue; // about 1 in 1024 typos passes the checksum
        const group = typo.split("-").findIndex((g, i) => g !== key.split("-")[i]) + 1;
        const suspect = verdict.suspects.find((s) => s.listed.key === key);
        expect(suspect?.groups, typo).toEqual([group]);
        pointed++;
      }
    }
    expect(pointed / total).toBeGreaterThan(0.99);
  });

  it("says an older key with a typo can only be checked for shape, and still points at the listed key", () => {
    const old = listed.find((l) => !l.key.includes("N"));
    if (!old) throw new Error("no pre-Windows 8 key");
    const [typo] = singleCharacterMutations(old.key);
    const verdict = checkKey(typo ?? "", listed);
    expect(verdict.kind).toBe("unlisted-shape-only");
    expect(verdict.kind === "unlisted-shape-only" && verdict.suspects[0]?.listed.key).toBe(old.key);
  });

  it("says a well-formed key with a valid checksum that is not listed is not a KMS client key we know", () => {
    // Some single-character change of a listed key keeps the checksum (about 1 in 1024).
    let found: ReturnType<typeof checkKey> | undefined;
    for (const { key } of listed.filter((l) => l.key.includes("N"))) {
      found = singleCharacterMutations(key)
        .map((k) => checkKey(k, listed))
        .find((v) => v.kind === "unlisted");
      if (found) break;
    }
    expect(found?.kind).toBe("unlisted");
  });

  it("explains what makes something not a product key", () => {
    const key = listed[0]?.key ?? "";
    expect(checkKey(`A${key.slice(1)}`, listed)).toMatchObject({
      kind: "malformed",
      message: expect.stringContaining("“A”"),
    });
    expect(checkKey(key.slice(0, -1), listed)).toMatchObject({
      kind: "malformed",
      message: expect.stringContaining("25 characters"),
    });
    expect(
      checkKey(`${key.slice(0, 4)}-${key.slice(4).replaceAll("-", "")}`, listed),
    ).toMatchObject({ kind: "malformed" });
    expect(KEY_ALPHABET).not.toContain("A");
  });

  it("looksLikeKey tells a key attempt from words", () => {
    const key = listed[0]?.key ?? "";
    // A vowel typed for a look-alike digit in two groups is still an attempt at a key.
    const slips = key.replace(/[BCDFGHJKMNPQRTVWXY2346789]/, "O").replace(/-[^-]/, "-I");
    for (const text of [key, key.toLowerCase(), key.replaceAll("-", ""), key.slice(0, -2), slips])
      expect(looksLikeKey(text), text).toBe(true);
    for (const text of [
      "windows server 2022 datacenter",
      "2019 std",
      "ltsc 2021",
      "propertyIsEnumerable",
      "windowsserverdatacenterazure",
      // Short words in four or more groups, as an edition or an error is typed.
      "office 2021 pro plus key",
      "no kms host could be cont",
      "the kms host is not found",
    ])
      expect(looksLikeKey(text), text).toBe(false);
  });
});
