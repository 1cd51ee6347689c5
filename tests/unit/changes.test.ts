/** A row's history line and the changes page read one row's `sources` the same way. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  changeLines,
  changesByRevision,
  rowHistory,
  summarizeChanges,
} from "../../src/lib/upstream/changes";
import { escapeHtml } from "../../src/lib/text/html";
import type { Family, KeyRow } from "../../src/lib/keys/familySchema";

const REVISIONS = ["2023-09-05", "2024-10-01", "2025-03-01", "2026-01-15"];
const [r1 = "", r2 = "", r3 = "", r4 = ""] = REVISIONS;

describe("rowHistory", () => {
  it.each([
    ["every revision", [r1, r2, r3, r4], undefined],
    ["added by a later revision", [r3, r4], `Added in the ${r3} revision`],
    ["added by the newest revision", [r4], `Added in the ${r4} revision`],
    [
      "left out once, then listed again",
      [r1, r3, r4],
      `Listed in the ${r1} revision; listed again from the ${r3} revision`,
    ],
    [
      "left out twice, listed again by the newest",
      [r1, r2, r4],
      `Listed in the ${r1} and ${r2} revisions; listed again from the ${r4} revision`,
    ],
    [
      "three spans",
      [r1, r3],
      `Listed in the ${r1} revision, the ${r3} revision; not in the ${r4} revision`,
    ],
    [
      "dropped by the newest revision",
      [r1, r2, r3],
      `Listed in the ${r1} to ${r3} revisions; not in the ${r4} revision`,
    ],
    [
      "dropped after two revisions",
      [r1, r2],
      `Listed in the ${r1} and ${r2} revisions; not in the ${r4} revision`,
    ],
    ["listed once, in the middle", [r2], `Listed in the ${r2} revision; not in the ${r4} revision`],
    ["listed by no revision", [], undefined],
  ])("%s", (_label, sources, expected) => {
    expect(rowHistory(sources, REVISIONS)).toBe(expected);
  });

  it("with one revision, every row is simply listed", () => {
    expect(rowHistory([r1], [r1])).toBeUndefined();
  });

  it("agrees with the changes page for any pattern of revisions", () => {
    fc.assert(
      fc.property(fc.subarray(REVISIONS, { minLength: 1 }), (sources) => {
        const row = {
          names: ["Edition"],
          aliases: [],
          earlierNames: [],
          key: "K",
          anchor: "a",
          sources,
        } as KeyRow;
        const family = {
          sections: [{ heading: "S", groups: [{ label: "S", anchor: "s", rows: [row] }] }],
        } as unknown as Family;
        const changes = changesByRevision([{ family: "f", data: family }], REVISIONS);
        const restored = changes.filter((c) => c.restored.length > 0).map((c) => c.revision);
        const added = changes.filter((c) => c.added.length > 0).map((c) => c.revision);
        const removed = changes.filter((c) => c.removed.length > 0).map((c) => c.revision);
        const history = rowHistory(sources, REVISIONS) ?? "";
        // The newest restoring revision is the one the row names; the first listing is "added".
        if (restored.length > 0 && sources.includes(r4)) {
          expect(history).toContain(`listed again from the ${restored.at(-1)} revision`);
        } else {
          expect(history).not.toContain("listed again");
        }
        expect(added).toEqual([sources[0]]);
        if (removed.length > 0 && !sources.includes(r4)) {
          expect(history).toMatch(new RegExp(`; not in the ${r4} revision$`));
        }
        expect(history === "").toBe(sources.length === REVISIONS.length);
      }),
    );
  });
});

describe("summarizeChanges", () => {
  const row = { names: ["E"], aliases: [], earlierNames: [], key: "K", anchor: "a", sources: [] };
  const entry = { family: "f", row } as const;
  const base = { revision: r2, previous: r1, added: [], removed: [], restored: [], renamed: [] };

  it.each([
    [{}, "no changes to the keys"],
    [{ added: [entry] }, "1 key added"],
    [{ added: [entry, entry] }, "2 keys added"],
    [{ removed: [entry] }, "1 key removed"],
    [{ restored: [entry, entry, entry] }, "3 keys restored"],
    [
      { added: [entry, entry], removed: [entry], renamed: [{ ...entry, from: [], to: [] }] },
      "2 keys added, 1 removed, 1 renamed",
    ],
    [{ added: [entry], removed: [entry, entry] }, "1 key added, 2 removed"],
  ])("%j reads %j", (changes, expected) => {
    expect(summarizeChanges({ ...base, ...changes })).toBe(expected);
  });
});

describe("changeLines and the feed's escaping", () => {
  const hostile = {
    names: ["Windows <img src=x onerror=alert(document.domain)>"],
    aliases: [],
    earlierNames: [],
    key: "K",
    anchor: "a",
    sources: [],
  };

  it("one plain line per change, in the order added, removed, restored, renamed", () => {
    const entry = { family: "f", row: hostile };
    expect(
      changeLines({
        revision: r2,
        previous: r1,
        added: [entry],
        removed: [entry],
        restored: [entry],
        renamed: [{ ...entry, from: ["Old"], to: ["New", "Newer"] }],
      }),
    ).toEqual([
      `Added: ${hostile.names[0]} K`,
      `No longer listed: ${hostile.names[0]} K`,
      `Listed again: ${hostile.names[0]} K`,
      "Renamed: New / Newer, was Old K",
    ]);
  });

  it("escapes every character HTML reads, so a reader shows markup as text", () => {
    expect(escapeHtml(`<img src="x" onerror='a'> & more`)).toBe(
      "&lt;img src=&quot;x&quot; onerror=&#39;a&#39;&gt; &amp; more",
    );
  });
});
