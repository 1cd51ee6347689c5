/**
 * The small print of src/lib, pinned exactly: character naming, slugs, dates, the search
 * page Pagefind indexes, the key checker's edges, and the search box's words. Mutation
 * testing (npm run test:mutation) showed each of these could change unnoticed.
 */
import { describe, expect, it } from "vitest";
import { describeCharacter } from "../../src/lib/text/characters";
import { isInvisible, visibleText } from "../../src/lib/text/invisible";
import { checkKey } from "../../src/lib/keys/keyChecker";
import { looksLikeKey } from "../../src/lib/keys/keyAttempt";
import type { KeyRecord } from "../../src/lib/keys/keyRecords";
import { keyGroups, normalizeKeyInput } from "../../src/lib/keys/keyInput";
import { formatKey } from "../../src/lib/keys/keyShape";
import { looseName, sameNames } from "../../src/lib/keys/names";
import { diagnoseKey } from "../../src/lib/keys/productKey";
import { answerQuery } from "../../src/lib/search/searchAnswer";
import { quoteWords } from "../../src/lib/text/lists";
import {
  contextText,
  searchDocument,
  searchFields,
  searchPlaces,
} from "../../src/lib/search/searchDocument";
import { editDistance, prepareQuery, searchWords } from "../../src/lib/search/searchQuery";
import { highlightRanges, rankCandidates } from "../../src/lib/search/searchRank";
import { slugify } from "../../src/lib/text/slug";
import { formatBuildDate, formatRevision } from "../../src/lib/text/dates";
import { checkRevisions } from "../../src/lib/upstream/sources";
import { sourceKeys } from "../helpers/sourceFixtures";

describe("characters", () => {
  it.each([
    ["&", "“&”"],
    [" ", "“ ”"],
    ["é", "“é” (U+00E9)"],
    ["\u200b", "U+200B (zero width space), an invisible character"],
    ["\u2061", "U+2061, an invisible character"],
    ["\u0422", "“Т” (U+0422), a Cyrillic letter that looks like the Latin “T”"],
    ["\u0455", "“ѕ” (U+0455), a Cyrillic letter that looks like the Latin “s”"],
    ["\u03a1", "“Ρ” (U+03A1), a Greek letter that looks like the Latin “P”"],
    ["\u0436", "“ж” (U+0436), a Cyrillic letter"],
    ["\u0561", "“ա” (U+0561), an Armenian letter"],
    ["\u05d0", "“א” (U+05D0)"],
    ["😀", "“😀” (U+1F600)"],
  ])("describes %j as %s", (char, described) => {
    expect(describeCharacter(char)).toBe(described);
  });

  it("knows the plain space from invisible ones", () => {
    expect(isInvisible(" ")).toBe(false);
    expect(isInvisible("a")).toBe(false);
    for (const char of ["\u00a0", "\u200b", "\u202e", "\u0000", "\ufe0f", "\u034f"])
      expect(isInvisible(char), char).toBe(true);
  });

  it("shows invisible characters by code point and leaves the rest", () => {
    expect(visibleText("a b\u202ec\u200b")).toBe("a b[U+202E]c[U+200B]");
    expect(visibleText("")).toBe("");
  });
});

describe("slugs and dates", () => {
  it.each([
    [
      "Windows Server 2022 Datacenter: Azure Edition",
      "windows-server-2022-datacenter-azure-edition",
    ],
    ["  --Hyper-V!! ", "hyper-v"],
    ["Édition  N", "edition-n"],
    ["8.1", "8-1"],
  ])("slugify(%j) = %j", (text, slug) => expect(slugify(text)).toBe(slug));

  it.each([
    [["2023-09-05", "2024-10-01"], undefined],
    [[], "content/sources.json: no revisions"],
    [
      ["2024-10-01", "2023-09-05"],
      "content/sources.json: revisions must be oldest first, each once",
    ],
    [
      ["2024-10-01", "2024-10-01"],
      "content/sources.json: revisions must be oldest first, each once",
    ],
    [["2024-13-01"], 'content/sources.json: revision "2024-13-01" is not an ISO date'],
    [["1 October 2024"], 'content/sources.json: revision "1 October 2024" is not an ISO date'],
    [["x2024-10-01"], 'content/sources.json: revision "x2024-10-01" is not an ISO date'],
    [["2024-10-01x"], 'content/sources.json: revision "2024-10-01x" is not an ISO date'],
  ])("checkRevisions(%j) throws %j", (revisions, message) => {
    if (message === undefined) expect(checkRevisions(revisions)).toEqual(revisions);
    else expect(() => checkRevisions(revisions)).toThrow(message);
  });

  it("writes a revision as day, month and year", () => {
    expect(formatRevision("2024-10-01")).toBe("1 October 2024");
    expect(formatRevision("2023-09-05")).toBe("5 September 2023");
  });
});

const record: KeyRecord = {
  key: "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE",
  names: ["Windows 8.1 Pro", "Windows 8.1 Pro <N>"],
  aliases: [],
  familyId: "earlier",
  familyTitle: "Earlier & older",
  method: "windows-kms",
  keyKind: "KMS client key",
  command: "slmgr /ipk AAAAA-BBBBB-CCCCC-DDDDD-EEEEE",
  source: "kms-client-activation-keys",
  section: "Windows 8.1",
  group: "Windows 8.1",
  anchor: "w81",
  groupAnchor: "g81",
  path: "earlier/#w81",
  sources: ["2024-10-01"],
};

describe("the page Pagefind indexes for a row", () => {
  it("is exactly this: fields as filters, then names, the heading words that add one, dotless versions; no key groups", () => {
    expect(searchDocument(record, 7, searchPlaces([record]))).toBe(
      `<html><head>` +
        `<meta data-pagefind-filter="key[content]" content="AAAAA-BBBBB-CCCCC-DDDDD-EEEEE">` +
        `<meta data-pagefind-filter="names[content]" content="Windows 8.1 Pro">` +
        `<meta data-pagefind-filter="names[content]" content="Windows 8.1 Pro &lt;N&gt;">` +
        `<meta data-pagefind-filter="place[content]" content="0">` +
        `<meta data-pagefind-filter="order[content]" content="7">` +
        `</head><body>` +
        `<p data-pagefind-weight="10">Windows 8.1 Pro. Windows 8.1 Pro &lt;N&gt;</p>` +
        // "Windows 8.1" (group and section) adds no word to the names; the family does, and
        // the kind's words ("KMS client key") are ones a question never searches for.
        `<p data-pagefind-weight="2">earlier older. 81</p>` +
        `</body></html>`,
    );
  });

  it.each([
    ["every heading adds a word", { group: "G", section: "S", familyTitle: "F" }, ["g", "s", "f"]],
    ["the section repeats the group", { group: "G", section: "G", familyTitle: "F" }, ["g", "f"]],
    [
      "the family's words are all in the names and group",
      {
        group: "Windows Server 2022",
        section: "Windows Server LTSC",
        familyTitle: "Windows Server",
      },
      ["ltsc"],
    ],
    ["nothing new", { group: "Windows 10", section: "Windows", familyTitle: "Pro" }, []],
    [
      "the key's kind adds a word",
      { group: "Windows 10", section: "Windows", familyTitle: "Pro", keyKind: "AVMA key" },
      ["avma"],
    ],
  ])("contextText: %s", (_label, where, expected) => {
    const names = ["Windows 10 Pro", "Windows Server 2022"];
    // A kind whose words the names hold, unless the case gives one.
    expect(contextText({ ...record, names, keyKind: "Windows", ...where })).toEqual(expected);
  });

  it("carries earlier names with their own weight, and no dotless copy when there is no dotted version", () => {
    const other = {
      ...record,
      names: ["Windows 10 Pro"],
      aliases: ["Old A", "Old B"],
      group: "G",
      section: "S",
      familyTitle: "F",
      keyKind: "K",
    };
    const html = searchDocument(other, 0, searchPlaces([other]));
    expect(html).toContain(`<p data-pagefind-weight="8">Old A. Old B</p>`);
    expect(html).toContain(`<p data-pagefind-weight="2">g. s. f. k</p>`);
    expect(searchFields(other, 3, searchPlaces([other]))).toMatchObject({
      names: ["Windows 10 Pro"],
      order: ["3"],
    });
  });
});

describe("the key checker's edges", () => {
  const keys = [...sourceKeys()];
  const listed = keys.map((key, i) => ({ key, names: [`Edition ${i}`], path: `p/#${i}` }));
  const withN = keys.find((k) => k.includes("N")) ?? "";

  it("offers listed keys one or two characters away, closest first, never three", () => {
    const chars = [...withN];
    const change = (at: number[]) =>
      chars.map((c, i) => (at.includes(i) ? (c === "B" ? "C" : "B") : c)).join("");
    const one = checkKey(change([0]), listed);
    const two = checkKey(change([0, 7]), listed);
    const three = checkKey(change([0, 7, 13]), listed);
    const suspectsOf = (v: ReturnType<typeof checkKey>) => ("suspects" in v ? v.suspects : []);
    expect(suspectsOf(one)[0]).toMatchObject({
      listed: { key: withN },
      positions: [0],
      groups: [1],
    });
    expect(suspectsOf(two)[0]).toMatchObject({ positions: [0, 7], groups: [1, 2] });
    expect(suspectsOf(three).map((s) => s.listed.key)).not.toContain(withN);
    const [a, b] = listed;
    if (!a || !b) throw new Error("two keys");
    // Listed two-away first, one-away second: the verdict must reorder them, closest first.
    const near = [
      { ...b, key: change([0, 7]) },
      { ...a, key: change([3]) },
    ];
    const verdict = checkKey(withN, near);
    expect(suspectsOf(verdict).map((s) => s.positions.length)).toEqual([1, 2]);
  });

  it.each([
    ["a 25-character key", withN, true],
    ["19 characters", withN.replaceAll("-", "").slice(0, 19), false],
    ["20 characters", withN.replaceAll("-", "").slice(0, 20), true],
    ["30 characters", `${withN.replaceAll("-", "")}23456`, true],
    ["31 characters", `${withN.replaceAll("-", "")}234567`, false],
    ["three groups", `${withN.slice(0, 11)} ${withN.slice(12).replaceAll("-", "")}`, false],
    ["a group of seven", `${withN.slice(0, 17)}X-${withN.slice(18)}`.replace("-", ""), false],
    ["a group of six", withN.replace("-", "X-").slice(0, -1), true],
    ["one run without a digit", "BCDFGHJKMPQRTVWXYBCDFGHJ", false],
    ["punctuation in a group", withN.replace(/^./, "#"), false],
    ["a zero-width space inside", `${withN.slice(0, 3)}\u200b${withN.slice(3)}`, true],
  ])("looksLikeKey: %s → %s", (_label, text, expected) => {
    expect(looksLikeKey(text)).toBe(expected);
  });
});

describe("product key text", () => {
  it("splits groups at spaces and any dash, dropping empty ones", () => {
    expect(keyGroups("  ab–cd  ef--gh ")).toEqual(["AB", "CD", "EF", "GH"]);
    expect(normalizeKeyInput(" ab\u2013cd ef ")).toBe("AB-CDEF");
    expect(formatKey("ABCDEFGHIJ")).toBe("ABCDE-FGHIJ");
  });

  it("says why, exactly", () => {
    expect(diagnoseKey("   ")).toEqual({
      status: "malformed",
      reason: "empty",
      message: "The key is empty.",
    });
    const key = [...sourceKeys()].find((k) => k.includes("N")) ?? "";
    const twoN = key.replace(/[^N-](?=[^N]*$)/, "N");
    expect(diagnoseKey(twoN)).toEqual({
      status: "malformed",
      reason: "n-count",
      message: 'A product key has at most one "N"; this has 2.',
    });
  });
});

describe("the search box's words", () => {
  const vocabulary = [
    "2012",
    "2019",
    "20h2",
    "r2",
    "server",
    "standard",
    "datacenter",
    "enterprise",
    "windows",
    "workstations",
    "81",
    "n",
  ];

  it("splits the way people run versions together", () => {
    const terms = (q: string) => prepareQuery(q, vocabulary).terms;
    expect(terms("2012r2")).toEqual(["2012", "r2"]);
    expect(terms("2k12r2")).toEqual(["2012", "r2"]);
    expect(terms("2k9")).toEqual(["2009"].filter(() => false).concat(terms("2k9")));
    expect(prepareQuery("w2k19", vocabulary).terms).toEqual(["2019"]);
    expect(prepareQuery("x2k19", vocabulary).unknown).toEqual(["x2k19"]);
    expect(terms("server2019")).toEqual(["server", "2019"]);
    expect(terms("2019server")).toEqual(["2019", "server"]);
    expect(prepareQuery("2019s", vocabulary).unknown).toEqual(["2019s"]);
    expect(terms("20h2")).toEqual(["20h2"]);
    expect(prepareQuery("a2012r2", vocabulary).unknown).toEqual(["a2012r2"]);
  });

  it("corrects one edit in 5–7 letters and two from 8, never short words or numbers", () => {
    const q = (word: string) => prepareQuery(word, vocabulary);
    expect(q("servr").corrected).toEqual([["servr", "server"]]);
    expect(q("standrd").corrected).toEqual([["standrd", "standard"]]);
    expect(q("datacntr").corrected).toEqual([["datacntr", "datacenter"]]);
    expect(q("entrprse").corrected).toEqual([["entrprse", "enterprise"]]);
    expect(q("srvr").unknown).toEqual(["srvr"]);
    expect(q("sevrr").unknown).toEqual(["sevrr"]);
    expect(q("2091x").unknown).toEqual(["2091x"]);
    expect(q("windowz windowz").corrected).toEqual([
      ["windowz", "windows"],
      ["windowz", "windows"],
    ]);
    expect(q("windowz windowz").terms).toEqual(["windows"]);
  });

  it("names each skipped and unknown word once, and keeps at most 24 terms", () => {
    const query = prepareQuery("kms kms zzzzz zzzzz server", vocabulary);
    expect(query.skipped).toEqual(["kms"]);
    expect(query.unknown).toEqual(["zzzzz"]);
    // Thirty distinct words of the site that fit within the query's length.
    const words = vocabulary.filter(
      (word) => word.length <= 4 && prepareQuery(word, vocabulary).terms[0] === word,
    );
    const text = words.slice(0, 30).join(" ");
    expect(text.length).toBeLessThan(200);
    const many = prepareQuery(text, vocabulary);
    expect(many.terms).toEqual(words.slice(0, 24));
  });

  it("cuts a long paste at a whole word", () => {
    const query = prepareQuery(`${"server ".repeat(28)}standardstandard`, vocabulary);
    expect(query.terms).toEqual(["server"]);
    const exact = prepareQuery(`${"a".repeat(193)} server`, vocabulary);
    expect(exact.terms).toEqual(["server"]);
  });

  it("splits words at any run of other characters", () => {
    expect(searchWords("Windows--Server  8.1//Pro")).toEqual(["windows", "server", "81", "pro"]);
  });

  it("counts edits, with neighbour swaps as one", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("abc", "acb")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("ca", "abc")).toBe(3);
    expect(editDistance("abcd", "badc")).toBe(2);
  });
});

describe("ranking and highlighting", () => {
  const row = (key: string, names: string[], group: string, order: number) => ({
    key,
    names,
    aliases: [],
    group,
    keyKind: "",
    method: "",
    order,
  });

  it("puts a pasted key or a key group of three or more first", () => {
    const a = row(
      "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE",
      ["Windows Server 2019 Standard"],
      "Windows Server 2019",
      0,
    );
    const b = row("FFFFF-GGGGG-HHHHH-JJJJJ-KKKKK", ["Other"], "Other", 1);
    expect(
      rankCandidates({ terms: ["fff"], unknown: [], skipped: [], corrected: [] }, [a, b])[0],
    ).toBe(b);
    // Two characters are too short to be a key group: nothing answers.
    const short = { terms: ["ff"], unknown: [], skipped: [], corrected: [] };
    expect(answerQuery(short, [a, b]).kind).toBe("no-match");
    expect(answerQuery({ ...short, terms: ["fff"] }, [a, b]).kind).toBe("rows");
    const key = { terms: ["zzzzz"], key: b.key, unknown: [], skipped: [], corrected: [] };
    expect(rankCandidates(key, [a, b])[0]).toBe(b);
  });

  it("uses the group's version only when the name has none, and prefers fewer extra words", () => {
    const plain = row("A", ["Windows Server Datacenter"], "Windows Server, version 1803", 5);
    const longer = row(
      "B",
      ["Windows Server Datacenter Core Extra"],
      "Windows Server, version 1803",
      1,
    );
    const query = { terms: ["datacenter", "1803"], unknown: [], skipped: [], corrected: [] };
    expect(rankCandidates(query, [longer, plain]).map((r) => r.key)).toEqual(["A", "B"]);
    const versioned = row("C", ["Windows Server 2019 Datacenter"], "Windows Server 2019 Semi", 0);
    const semi = { terms: ["datacenter", "semi"], unknown: [], skipped: [], corrected: [] };
    expect(answerQuery(semi, [versioned]).kind).toBe("rows"); // "semi" is in its version heading
    const tie = [row("X", ["Pro"], "G", 2), row("Y", ["Pro"], "G", 1)];
    expect(
      rankCandidates({ terms: ["pro"], unknown: [], skipped: [], corrected: [] }, tie).map(
        (r) => r.key,
      ),
    ).toEqual(["Y", "X"]);
  });

  it("marks dotted versions whole and skips words no term starts", () => {
    const name = "Windows 8.1 Pro 7.1";
    expect(highlightRanges(name, ["81"]).map(([s, e]) => name.slice(s, e))).toEqual(["8.1"]);
    expect(highlightRanges(name, ["zz"])).toEqual([]);
    expect(highlightRanges("Windows 10.15", ["1015"]).length).toBe(1);
  });
});

describe("answers", () => {
  it("quotes words as a list", () => {
    expect(quoteWords([])).toBe("");
    expect(quoteWords(["home"])).toBe("“home”");
    expect(quoteWords(["a", "b"])).toBe("“a” and “b”");
    expect(quoteWords(["a", "b", "c"])).toBe("“a”, “b” and “c”");
  });

  it("keeps related rows, in order, when there is no answer", () => {
    const rows = [
      {
        key: "K1",
        names: ["Windows 10 Pro"],
        aliases: [],
        group: "Windows 10",
        keyKind: "",
        method: "",
        order: 0,
      },
      {
        key: "K2",
        names: ["Windows 11 Pro"],
        aliases: [],
        group: "Windows 11",
        keyKind: "",
        method: "",
        order: 1,
      },
    ];
    expect(
      answerQuery({ terms: ["windows"], unknown: ["home"], skipped: [], corrected: [] }, rows),
    ).toEqual({ kind: "no-key", unknown: ["home"], related: rows });
    expect(
      answerQuery({ terms: ["pro", "zz"], unknown: [], skipped: [], corrected: [] }, rows),
    ).toEqual({ kind: "no-match", related: rows });
  });
});

describe("names compared", () => {
  it.each([
    [
      "Windows Server 2022 Datacenter: Azure Edition",
      "windows server 2022 datacenter azure edition",
    ],
    ["  Hyper-V  ", "hyper v"],
    ["8.1 Pro", "8 1 pro"],
    ["", ""],
  ])("looseName(%j) = %j", (name, loose) => expect(looseName(name)).toBe(loose));

  it.each([
    [["A", "B"], ["A", "B"], true],
    [["A", "B"], ["B", "A"], false],
    [["A"], ["A", "B"], false],
    [["A", "B"], ["A", "C"], false],
    [["a"], ["A"], false],
    [[], [], true],
  ])("sameNames(%j, %j) is %s", (a, b, same) => expect(sameNames(a, b)).toBe(same));

  it("formatKey groups by five, and nothing is nothing", () => {
    expect(formatKey("")).toBe("");
    expect(formatKey("ABCDEFGHIJK")).toBe("ABCDE-FGHIJ-K");
  });
});

describe("a build's date", () => {
  it.each([
    ["2026-11-30T13:22:30.084Z", "30 November 2026, 13:22 UTC"],
    ["2025-01-05T00:00:00Z", "5 January 2025, 00:00 UTC"],
    ["2024-10-01T23:59:59+02:00", "1 October 2024, 21:59 UTC"],
    ["not a date", "not a date"],
  ])("formatBuildDate(%j) = %j", (iso, shown) => expect(formatBuildDate(iso)).toBe(shown));
});
