/**
 * Several keys, or a partial key, pasted into the search box or the checker
 * (src/lib/search/pastedKeys.ts, keysIn and keyGroupsIn in src/lib/keys/keyInput.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeKey } from "../../src/lib/keys/keyAttempt";
import { byLastGroup, keyGroupsIn, keysIn } from "../../src/lib/keys/keyInput";
import { keyRecords } from "../../src/lib/keys/keyRecords";
import { noKeyEndsIn, pastedKeys, pastedSummary } from "../../src/lib/search/pastedKeys";
import { readFamilies } from "../helpers/content";

const records = keyRecords(
  readFamilies().map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family })),
);
const SERVER = "WX4NM-KYWYW-QJJR4-XV3QB-6VM33";
const PRO = "W269N-WFGWX-YVC9B-4J6C9-T83GX";
const names = (found: ReturnType<typeof pastedKeys<(typeof records)[number]>>) =>
  found?.listed.map((record) => record.names[0]);

describe("keysIn and keyGroupsIn", () => {
  it("find whole keys anywhere, folded and once each", () => {
    expect(keysIn(`a ${SERVER}, b ${PRO.toLowerCase()}\n${SERVER}`)).toEqual([SERVER, PRO]);
    expect(keysIn(`${SERVER.replaceAll("-", "\u2013")}`)).toEqual([SERVER]);
    expect(keysIn(`X${SERVER}`)).toEqual([]);
    expect(keysIn(`${SERVER}-BBBBB`)).toEqual([]);
    expect(keysIn(SERVER.replaceAll("-", ""))).toEqual([]);
  });

  it("find five-character groups that stand alone, not those inside a key", () => {
    expect(keyGroupsIn("Partial Product Key: 6vm33")).toEqual(["6VM33"]);
    expect(keyGroupsIn(SERVER)).toEqual([]);
    expect(keyGroupsIn("6VM33X 16VM33 hello")).toEqual([]);
    expect(keyGroupsIn("6VM33 6VM33 T83GX")).toEqual(["6VM33", "T83GX"]);
  });
});

describe("pastedKeys", () => {
  it("names each of several keys, listed or not", () => {
    const found = pastedKeys(`use ${SERVER} or ${PRO}, not BBBBB-BBBBB-BBBBB-BBBBB-BBBBB`, records);
    expect(names(found)).toEqual(["Windows Server 2022 Datacenter", "Windows 11 Pro"]);
    expect(found?.unlisted).toEqual(["BBBBB-BBBBB-BBBBB-BBBBB-BBBBB"]);
    expect(found?.partial).toEqual([]);
  });

  it("leaves a single whole key to the checker, and text that reads as one key in groups", () => {
    expect(pastedKeys("000000 AA DV9BG 000000 AA", records)).toBeUndefined();
    expect(pastedKeys(`key: ${SERVER}`, records)).toBeUndefined();
    expect(pastedKeys(`${SERVER} and 6VM33`, records)).toBeUndefined();
  });

  it("names the key a partial product key ends, and nothing for a group that ends none", () => {
    const found = pastedKeys("partial product key 6VM33", records);
    expect(names(found)).toEqual(["Windows Server 2022 Datacenter"]);
    expect(found?.partial).toEqual(["6VM33"]);
    expect(pastedKeys("WX4NM", records)).toBeUndefined();
    expect(pastedKeys("6VM3X", records)).toBeUndefined();
    expect(pastedKeys("windows server 2022", records)).toBeUndefined();
    expect(names(pastedKeys("6VM33 6vm33 T83GX", records))).toEqual([
      "Windows Server 2022 Datacenter",
      "Windows 11 Pro",
    ]);
  });

  it("finds every listed key by its last group, in any surrounding text", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...records),
        fc
          .string({ maxLength: 30 })
          .filter((s) => keyGroupsIn(s).length === 0 && keysIn(s).length === 0),
        (record, text) => {
          const paste = `${text} ${record.key.slice(-5)} ${text}`;
          // Text that reads as one key in groups ("000000 AA DV9BG 000000 AA") is the checker's.
          fc.pre(!looksLikeKey(paste));
          const found = pastedKeys(paste, records);
          expect(found?.listed).toEqual([record]);
        },
      ),
    );
  });
});

describe("what the search box and the checker say of a paste", () => {
  it("one sentence for keys or partial keys, and one for a group that ends no key", () => {
    const summary = (text: string) => {
      const found = pastedKeys(text, records);
      return found ? pastedSummary(found) : undefined;
    };
    expect(summary("6VM33")).toBe(
      "6VM33: the last five characters of this key, the partial product key that slmgr and ospp.vbs print.",
    );
    expect(summary("6VM33 T83GX")).toBe(
      "6VM33, T83GX: the last five characters of these keys, the partial product key that slmgr and ospp.vbs print.",
    );
    expect(summary(`${SERVER} ${PRO}`)).toBe("2 keys in this paste: 2 on this site.");
    expect(summary(`${SERVER} BBBBB-BBBBB-BBBBB-BBBBB-BBBBB`)).toBe(
      "2 keys in this paste: 1 on this site, 1 not.",
    );
    expect(noKeyEndsIn(["6VM3X", "QQQQQ"])).toBe(
      "No key on this site ends in 6VM3X, QQQQQ. If that is the partial product key slmgr or ospp.vbs printed, the installed key is not one of the client keys Microsoft publishes (a MAK, retail or OEM key, for example).",
    );
  });

  it("byLastGroup finds each listed key by its last five characters", () => {
    const endingIn = byLastGroup(records);
    expect(endingIn.size).toBe(records.length);
    for (const record of records) expect(endingIn.get(record.key.slice(-5))).toBe(record);
  });
});
