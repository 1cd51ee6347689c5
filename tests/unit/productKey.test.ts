import { describe, expect, it } from "vitest";
import { KEY_PATTERN } from "../../src/lib/keys/keyShape";
import { diagnoseKey, hasValidChecksum } from "../../src/lib/keys/productKey";
import { singleCharacterMutations } from "../helpers/keyMutations";
import { referenceChecksumHolds } from "../helpers/referenceChecksum";
import { sourceKeys } from "../helpers/sourceFixtures";

const keys = [...sourceKeys()];
const checkable = keys.filter((key) => key.includes("N"));

describe("fixture keys", () => {
  it("are all well formed", () => {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(KEY_PATTERN);
  });

  it("pass the checksum when they carry an N", () => {
    expect(checkable.length).toBeGreaterThan(0);
    for (const key of checkable) {
      expect(diagnoseKey(key), key).toEqual({ status: "valid", key, checksum: "valid" });
    }
  });

  it("are only shape-checked when they carry no N (Vista/7/2008 scheme)", () => {
    for (const key of keys.filter((k) => !k.includes("N"))) {
      expect(diagnoseKey(key), key).toEqual({ status: "valid", key, checksum: "not-checkable" });
    }
  });
});

describe("single-character typos", () => {
  it("fail the checksum, as often as a 10-bit checksum allows", () => {
    let total = 0;
    let missed = 0;
    for (const key of checkable) {
      // A sweep of typos proves nothing unless the key itself passes: a checker that refuses
      // everything would "detect" every typo.
      expect(hasValidChecksum(key.replaceAll("-", "")), key).toBe(true);
      expect(referenceChecksumHolds(key.replaceAll("-", "")), key).toBe(true);
      const mutations = singleCharacterMutations(key);
      const undetected = mutations.filter((m) => diagnoseKey(m).status !== "checksum-fails");
      // Exactly the typos the checksum itself lets through (an independent implementation
      // says which), not merely "a few": a checker that missed one more would fail here.
      const slipThrough = mutations.filter((m) => referenceChecksumHolds(m.replaceAll("-", "")));
      expect(undetected, key).toEqual(slipThrough);
      // A 10-bit checksum lets about 1 in 1024 through; per key that is at most a handful.
      expect(undetected.length, key).toBeLessThanOrEqual(5);
      total += mutations.length;
      missed += undetected.length;
    }
    expect(missed / total).toBeLessThan(1 / 500);
    // Some typos do slip through a 10-bit checksum: a sweep that found none would be suspect.
    expect(missed).toBeGreaterThan(0);
  });

  it("fail when the N moves", () => {
    for (const key of checkable) {
      const chars = key.replaceAll("-", "");
      expect(hasValidChecksum(chars), key).toBe(true);
      const at = chars.indexOf("N");
      const swapWith = at === 0 ? 1 : at - 1;
      const moved = [...chars];
      [moved[at], moved[swapWith]] = [moved[swapWith] ?? "", moved[at] ?? ""];
      const diagnosis = diagnoseKey(moved.join(""));
      expect(diagnosis.status, key).not.toBe("valid");
    }
  });

  it("are detected by hasValidChecksum directly", () => {
    for (const key of checkable) {
      expect(hasValidChecksum(key.replaceAll("-", "")), key).toBe(true);
      const broken = singleCharacterMutations(key).filter(
        (m) => !hasValidChecksum(m.replaceAll("-", "")),
      );
      expect(broken.length, key).toBeGreaterThan(0);
    }
  });
});

describe("malformed keys", () => {
  const key = keys[0] ?? "";

  it.each(["A", "E", "I", "O", "U", "L", "S", "Z", "0", "1", "5", "*", "é"])(
    "reject %s as outside the alphabet, naming it",
    (bad) => {
      const diagnosis = diagnoseKey(bad + key.slice(1));
      expect(diagnosis).toMatchObject({ status: "malformed", reason: "alphabet" });
      expect(diagnosis.status === "malformed" && diagnosis.message).toContain(
        `“${bad.toUpperCase()}”`,
      );
    },
  );

  it("reject wrong grouping", () => {
    const chars = key.replaceAll("-", "");
    const regrouped = `${chars.slice(0, 4)}-${chars.slice(4, 10)}-${chars.slice(10, 15)}-${chars.slice(15, 20)}-${chars.slice(20)}`;
    expect(diagnoseKey(regrouped)).toMatchObject({ status: "malformed", reason: "grouping" });
    expect(diagnoseKey(`${key}-`)).toMatchObject({ status: "malformed", reason: "grouping" });
  });

  it("reject wrong length", () => {
    expect(diagnoseKey(key.slice(0, -1))).toMatchObject({ status: "malformed", reason: "length" });
    expect(diagnoseKey(`${key}B`)).toMatchObject({ status: "malformed", reason: "length" });
    expect(diagnoseKey("   ")).toMatchObject({ status: "malformed", reason: "empty" });
  });

  it("reject two Ns", () => {
    const withN = checkable[0] ?? "";
    const at = withN.search(/[^N-]/);
    expect(diagnoseKey(withN.slice(0, at) + "N" + withN.slice(at + 1))).toMatchObject({
      status: "malformed",
      reason: "n-count",
    });
  });
});

describe("pasted keys", () => {
  it("are recognised in any case, with or without hyphens, with spaces around", () => {
    for (const key of keys) {
      const pasted = `  ${key.replaceAll("-", "").toLowerCase()} \n`;
      expect(diagnoseKey(pasted)).toMatchObject({ status: "valid", key });
    }
  });
});

describe("one normaliser for pasted keys", () => {
  const key = keys.find((k) => k.includes("N")) ?? "";

  it.each([
    ["en dashes", key.replaceAll("-", "\u2013")],
    ["em dashes", key.replaceAll("-", "\u2014")],
    ["minus signs", key.replaceAll("-", "\u2212")],
    [
      "full-width characters",
      [...key].map((c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0)).join(""),
    ],
    ["no-break spaces", key.replaceAll("-", "\u00a0")],
    ["a line break", `${key.slice(0, 11)}\n${key.slice(11)}`],
    ["lower case and tabs", `\t${key.toLowerCase()}\t`],
  ])("reads a listed key pasted with %s as that key", (_label, pasted) => {
    expect(diagnoseKey(pasted)).toMatchObject({ status: "valid", key });
  });

  it.each([
    ["\u200b", "U+200B (zero width space)"],
    ["\u0000", "U+0000 (null character)"],
    ["\u202e", "U+202E (right-to-left override)"],
    ["\ufeff", "U+FEFF"],
    ["\u2060", "U+2060 (word joiner)"],
  ])("names an invisible %j by its code point instead of quoting it", (char, named) => {
    const diagnosis = diagnoseKey(`${key.slice(0, 6)}${char}${key.slice(6)}`);
    expect(diagnosis).toMatchObject({ status: "malformed", reason: "alphabet" });
    const message = diagnosis.status === "malformed" ? diagnosis.message : "";
    expect(message).toContain(named);
    expect(message).not.toContain(char);
  });

  it("names a look-alike letter from another script as such", () => {
    const at = key.indexOf("T") >= 0 ? key.indexOf("T") : 0;
    const cyrillic = `${key.slice(0, at)}\u0422${key.slice(at + 1)}`;
    const diagnosis = diagnoseKey(cyrillic);
    expect(diagnosis.status === "malformed" && diagnosis.message).toContain(
      "a Cyrillic letter that looks like the Latin “T”",
    );
  });
});
