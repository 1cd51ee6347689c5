import { describe, expect, it } from "vitest";
import { keyRecords, type KeyRecord } from "../../src/lib/keyRecords";
import { searchDocument, searchMeta, searchTexts } from "../../src/lib/searchDocument";
import {
  editDistance,
  MAX_QUERY_LENGTH,
  prepareQuery,
  searchVocabulary,
  searchWords,
} from "../../src/lib/searchQuery";
import { highlightRanges, rankCandidates } from "../../src/lib/searchRank";
import { answerQuery } from "../../src/lib/searchAnswer";
import { PROTOTYPE_NAMES, readNoKeyCases } from "../helpers/noKeyQueries";
import { readFamilies } from "../helpers/content";
import { readErrorContent } from "../helpers/errorFixtures";
import { readSearchCases } from "../helpers/searchQueries";

const families = readFamilies()
  .map(({ file, family }) => ({ id: file.replace(/\.md$/, ""), data: family }))
  .sort((a, b) => a.data.order - b.data.order);
const records = keyRecords(families);
// The site's vocabulary: key rows and activation errors (their messages and summaries).
const errorTexts = readErrorContent().map(({ data }) => ({ ...data, path: "" }));
const vocabulary = searchVocabulary(searchTexts(records, errorTexts));
const candidates = records.map((record, order) => ({ ...record, order }));

/** What Pagefind retrieves: rows where every term starts some word of the row's indexed text. */
function retrieve(terms: string[]) {
  return candidates.filter((record) => {
    const words = searchWords(
      [
        ...record.names,
        ...record.aliases,
        record.group,
        record.section,
        record.familyTitle,
        record.key.replaceAll("-", " "),
      ].join(" "),
    );
    return terms.length > 0 && terms.every((term) => words.some((word) => word.startsWith(term)));
  });
}

describe("prepareQuery", () => {
  const terms = (input: string) => prepareQuery(input, vocabulary).terms;

  it("expands the abbreviations admins type", () => {
    expect(terms("srv 2022 std")).toEqual(["server", "2022", "standard"]);
    expect(terms("2016 dc")).toEqual(["2016", "datacenter"]);
    expect(terms("datacentre")).toEqual(["datacenter"]);
    expect(terms("w10 edu")).toEqual(["windows", "10", "education"]);
    expect(terms("win8.1 ent n")).toEqual(["windows", "81", "enterprise", "n"]);
    expect(terms("2k19")).toEqual(["2019"]);
    expect(terms("2k12r2 dc")).toEqual(["2012", "r2", "datacenter"]);
    expect(terms("ws2019")).toEqual(["windows", "server", "2019"]);
    expect(terms("without hyper-v")).toEqual(["without", "hyper", "v"]);
  });

  it("corrects typos against the site's words and says so", () => {
    const query = prepareQuery("enterprize standart", vocabulary);
    expect(query.terms).toEqual(["enterprise", "standard"]);
    expect(query.corrected).toEqual([
      ["enterprize", "enterprise"],
      ["standart", "standard"],
    ]);
  });

  it("drops words that describe every key, and words that match nothing", () => {
    const general = prepareQuery("kms client key for server 2022", vocabulary);
    expect(general.terms).toEqual(["server", "2022"]);
    expect(general.skipped).toEqual(["kms", "client", "key", "for"]);
    const query = prepareQuery("2019 zzzzzz", vocabulary);
    expect(query.terms).toEqual(["2019"]);
    expect(query.unknown).toEqual(["zzzzzz"]);
  });

  it("recognises a whole key in any case, with or without hyphens or spaces", () => {
    for (const { key } of records.slice(0, 10)) {
      for (const pasted of [
        key,
        key.toLowerCase(),
        ` ${key.replaceAll("-", " ")} `,
        key.replaceAll("-", ""),
      ]) {
        expect(prepareQuery(pasted, vocabulary)).toMatchObject({
          key,
          terms: key.toLowerCase().split("-"),
        });
      }
    }
  });

  it("keeps a single key group as it is", () => {
    for (const { key } of records) {
      const group = key.split("-")[2] ?? "";
      expect(terms(group), key).toEqual([group.toLowerCase()]);
    }
  });

  it("stays calm with odd input", () => {
    for (const odd of [
      "",
      "   ",
      "<script>alert(1)</script>",
      "🔑🪟",
      "مفتاح ويندوز",
      ".*+?^${}()|[]\\",
      "'\"",
    ]) {
      expect(() => prepareQuery(odd, vocabulary)).not.toThrow();
    }
    expect(terms("")).toEqual([]);
    expect(terms("🔑🪟")).toEqual([]);
    expect(terms("مفتاح ويندوز")).toEqual([]);
    const long = prepareQuery("windows server ".repeat(2000), vocabulary);
    expect(long.terms).toEqual(["windows", "server"]);
    expect(MAX_QUERY_LENGTH).toBeLessThan(1000);
  });
});

describe("answers the box must not give", () => {
  const answer = (q: string) => {
    const query = prepareQuery(q, vocabulary);
    return answerQuery(query, rankCandidates(query, retrieve(query.terms)));
  };

  it.each(readNoKeyCases().map((c) => [c.q, c] as const))(
    "%j: no row is presented as the answer",
    (q, expected) => {
      const got = answer(q);
      expect(got.kind).toBe(expected.answer);
      if (got.kind === "no-key") expect(got.unknown).toEqual(expected.unknown);
    },
  );

  it("every query of the query set is answered by its row", () => {
    for (const { query, expectedKey, label } of readSearchCases()) {
      const got = answer(query);
      expect(got.kind, label).toBe("rows");
      expect(got.kind === "rows" && got.rows[0]?.key, label).toBe(expectedKey);
    }
  });

  it.each(PROTOTYPE_NAMES)(
    "reads the JavaScript property name %j as a word like any other",
    (name) => {
      for (const q of [name, `windows ${name}`, `${name} 2019 datacenter`]) {
        const query = prepareQuery(q, vocabulary);
        expect(
          query.terms.every((term) => typeof term === "string"),
          q,
        ).toBe(true);
        expect(["no-key", "rows", "no-match", "too-general"]).toContain(answer(q).kind);
      }
      expect(answer(name).kind).not.toBe("rows");
    },
  );
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and neighbour swaps as one edit", () => {
    expect(editDistance("standard", "standard")).toBe(0);
    expect(editDistance("standart", "standard")).toBe(1);
    expect(editDistance("standar", "standard")).toBe(1);
    expect(editDistance("essentails", "essentials")).toBe(1);
    expect(editDistance("widnows", "windows")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});

describe("rankCandidates over what Pagefind retrieves", () => {
  it("puts the expected key first for every query of the query set", () => {
    const misses = readSearchCases().flatMap(({ query, expectedKey, label }) => {
      const prepared = prepareQuery(query, vocabulary);
      const ranked = rankCandidates(prepared, retrieve(prepared.terms));
      return ranked[0]?.key === expectedKey
        ? []
        : [`${label}: got ${ranked[0]?.names[0] ?? "nothing"}`];
    });
    expect(misses).toEqual([]);
  });

  it("prefers the exact name, then the one with fewest extra words, then page order", () => {
    const first = (query: string) => {
      const prepared = prepareQuery(query, vocabulary);
      return rankCandidates(prepared, retrieve(prepared.terms))[0]?.names;
    };
    expect(first("windows 10 pro")).toContain("Windows 10 Pro");
    expect(first("windows server 2012 datacenter")).toEqual(["Windows Server 2012 Datacenter"]);
    expect(first("2022 datacenter")).toEqual(["Windows Server 2022 Datacenter"]);
    expect(first("windows 8 pro")).toEqual(["Windows 8 Pro"]);
  });
});

describe("highlightRanges", () => {
  it("marks whole words that a term starts", () => {
    const name = "Windows Server 2008 R2 for Itanium-based Systems";
    const marked = highlightRanges(name, ["2008", "r2", "itan"]).map(([s, e]) => name.slice(s, e));
    expect(marked).toEqual(["2008", "R2", "Itanium"]);
    const dotted = "Windows 8.1 Pro N";
    expect(highlightRanges(dotted, ["81"]).map(([s, e]) => dotted.slice(s, e))).toEqual(["8.1"]);
  });
});

describe("searchDocument", () => {
  const record: KeyRecord = { ...(records[0] as KeyRecord), names: ['A <b>"bold"</b> & co'] };

  it("escapes every text it embeds", () => {
    const html = searchDocument(record, 0);
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co");
  });

  it("indexes each key group as a word and carries the row's fields as meta", () => {
    const html = searchDocument(records[0] as KeyRecord, 0);
    expect(html).toContain(`>${(records[0] as KeyRecord).key.split("-").join(" ")}<`);
    expect(JSON.parse(searchMeta(records[0] as KeyRecord, 0).names)).toEqual(
      (records[0] as KeyRecord).names,
    );
  });
});
