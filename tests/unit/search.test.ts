import { beforeEach, describe, expect, it } from "vitest";
import { keyRecords, type KeyRecord } from "../../src/lib/keys/keyRecords";
import {
  contextText,
  searchDocument,
  errorSearchDocument,
  errorSearchFields,
  searchFields,
  searchPlaces,
  searchTexts,
} from "../../src/lib/search/searchDocument";
import {
  editDistance,
  keyFragmentTerms,
  keyHasFragments,
  MAX_QUERY_LENGTH,
  prepareQuery,
  searchVocabulary,
  searchWords,
  synonymWords,
} from "../../src/lib/search/searchQuery";
import { answersQuery, highlightRanges, rankCandidates } from "../../src/lib/search/searchRank";
import { answerQuery } from "../../src/lib/search/searchAnswer";
import { scopeOf, searchScopes, type SearchScope } from "../../src/lib/search/searchScopes";
import { SOURCES } from "../../src/lib/upstream/sources";
import { formatRevision } from "../../src/lib/text/dates";
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

/**
 * What the box retrieves: rows whose key has every key-fragment term (looked up in keys.json),
 * else what Pagefind finds: rows where every term starts some word of the row's indexed text.
 */
function retrieve(terms: string[]) {
  const fragments = keyFragmentTerms({ terms, unknown: [], skipped: [], corrected: [] });
  if (fragments.length > 0) return candidates.filter((r) => keyHasFragments(r.key, fragments));
  return candidates.filter((record) => {
    const words = indexedWords(record);
    return terms.length > 0 && terms.every((term) => words.some((word) => word.startsWith(term)));
  });
}

/** The words Pagefind indexes for a row, read once per row (the class test asks thousands of queries). */
const indexed = new Map<KeyRecord, string[]>();
function indexedWords(record: KeyRecord): string[] {
  const words =
    indexed.get(record) ??
    searchWords([...record.names, ...record.aliases, ...contextText(record)].join(" "));
  indexed.set(record, words);
  return words;
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
  // Computed inside each test (once per test), where mutation testing's coverage sees it.
  const scopesOf = () => searchScopes(records, SOURCES, formatRevision);
  let scopes: SearchScope[] | undefined;
  beforeEach(() => (scopes = undefined));
  const answer = (q: string) => {
    const query = prepareQuery(q, vocabulary);
    scopes ??= scopesOf();
    return answerQuery(query, rankCandidates(query, retrieve(query.terms)), scopes);
  };

  it("knows what each kind of key with a word of its own covers, from the records and the pages", () => {
    const scopes = scopesOf();
    expect(scopes).toEqual([
      {
        words: ["avma"],
        keyKind: "AVMA key",
        page: "Automatic Virtual Machine Activation in Windows Server",
        revision: "19 September 2023",
        versions: [
          "Windows Server 2022",
          "Windows Server 2019",
          "Windows Server 2016",
          "Windows Server 2012 R2",
        ],
      },
    ]);
    expect(scopeOf(["windows", "avma"], scopes)?.keyKind).toBe("AVMA key");
    // Any one of a kind's words names it; a page not in the list is named by its id.
    const made = searchScopes(
      [{ ...records[0], keyKind: "Hyper Pack key", source: "nowhere", group: "G" } as KeyRecord],
      [],
    );
    expect(made).toEqual([
      {
        words: ["hyper", "pack"],
        keyKind: "Hyper Pack key",
        page: "nowhere",
        revision: "",
        versions: ["G"],
      },
    ]);
    expect(scopeOf(["pack", "2019"], made)?.keyKind).toBe("Hyper Pack key");
    expect(scopeOf(["windows", "server"], scopes)).toBeUndefined();
  });

  it.each(readNoKeyCases().map((c) => [c.q, c] as const))(
    "%j: no row is presented as the answer",
    (q, expected) => {
      const got = answer(q);
      expect(got.kind).toBe(expected.answer);
      if (got.kind === "no-key") expect(got.unknown).toEqual(expected.unknown);
      if (got.kind === "no-match") expect(got.scope?.keyKind).toBe(expected.scope);
    },
  );

  it("a product and version followed by a short word that starts none of its editions' names is no answer", () => {
    // The class, not a list: every product and version on the site ("windows 11", "windows
    // server 2022"), each followed by every one- to three-letter word that starts some word
    // of the site (a heading, an error message) but no word of that product's edition names.
    const productOf = (name: string) => {
      const words = searchWords(name);
      return words.slice(0, words.findIndex((w) => /\d/.test(w)) + 1).join(" ");
    };
    const shortWords = new Set(
      vocabulary.flatMap((word) => [1, 2, 3].map((n) => word.slice(0, n))),
    );
    const products = new Map<string, Set<string>>();
    for (const name of records.flatMap((r) => [...r.names, ...r.aliases])) {
      const product = productOf(name);
      if (product === "") continue;
      const words = products.get(product) ?? new Set<string>();
      for (const word of searchWords(name)) words.add(word);
      products.set(product, words);
    }
    expect(products.get("windows 11")).toBeDefined();
    let asked = 0;
    for (const [product, words] of products) {
      const strays = [...shortWords].filter(
        (short) => !/\d/.test(short) && ![...words].some((word) => word.startsWith(short)),
      );
      for (const short of strays) {
        const q = `${product} ${short}`;
        // What the box searches for beyond the product: nothing for a small word of a
        // question ("an"), a name word for an abbreviation ("srv" is "server").
        const base = prepareQuery(product, vocabulary).terms;
        const extra = prepareQuery(q, vocabulary).terms.filter((term) => !base.includes(term));
        if (extra.every((term) => [...words].some((word) => word.startsWith(term)))) continue;
        const got = answer(q);
        // A row answers only when its own names hold the word, never its heading alone.
        if (got.kind === "rows") {
          for (const row of got.rows) {
            const rowWords = [...row.names, ...row.aliases].flatMap((n) => searchWords(n));
            for (const term of extra) {
              expect(
                rowWords.some((w) => w.startsWith(term)),
                `${q}: ${row.names[0]}`,
              ).toBe(true);
            }
          }
        }
        asked += 1;
      }
    }
    expect(asked).toBeGreaterThan(1000);
  });

  // As the box retrieves: activation errors are rows of the index too, each named by its
  // message (an error row with every word in its message would be an answer without a key).
  const errorRows = errorTexts.map((error, i) => ({
    key: error.code,
    names: [error.message],
    aliases: [error.summary],
    group: error.code,
    keyKind: "",
    method: "",
    order: records.length + i,
  }));
  const answerWithErrors = (q: string) => {
    const query = prepareQuery(q, vocabulary);
    const errorsFound = errorRows.filter((row) => {
      const text = [...row.names, ...row.aliases].join(" ");
      const words = [...searchWords(text), ...synonymWords(text)]; // as searchDocument indexes it
      return query.terms.every((term) => words.some((word) => word.startsWith(term)));
    });
    const found = [...retrieve(query.terms), ...errorsFound];
    return answerQuery(query, rankCandidates(query, found), searchScopes(records, SOURCES));
  };

  it("an error whose message uses an abbreviation answers a question in its own words", () => {
    // "srv" is read as "server"; the message says "SRV": the row is still the answer.
    const dns = errorRows.find((row) => row.aliases[0]?.includes("SRV"));
    expect(dns).toBeDefined();
    const query = prepareQuery("found no srv records in dns", vocabulary);
    expect(query.terms).toContain("server");
    expect(answersQuery(query, dns as (typeof errorRows)[number])).toBe(true);
    expect(answerWithErrors("found no srv records in dns").kind).toBe("rows");
    // Only whole: "serv" is not "srv" typed in part.
    expect(answersQuery(prepareQuery("found no serv records", vocabulary), dns as never)).toBe(
      false,
    );
  });

  it("a family's word with a version or edition only other families list is no answer, for every family", () => {
    // The class, not a list: every word that names one family alone (its title's words that no
    // other family's title or rows use: "office", "visio", "avma", "vista"), asked with every
    // word of the other families' names and version headings that this family's rows never
    // use ("office 2022", "avma 11", "visio datacenter"). Rows may follow as related, but
    // none is presented as the answer: there is no key for that.
    const byFamily = new Map<string, KeyRecord[]>();
    for (const record of records)
      byFamily.set(record.familyId, [...(byFamily.get(record.familyId) ?? []), record]);
    const wordsOf = (rows: readonly KeyRecord[]) =>
      new Set(rows.flatMap((r) => [...r.names, ...r.aliases, r.group].flatMap(searchWords)));
    const titleWords = (rows: readonly KeyRecord[]) =>
      new Set(rows.flatMap((r) => searchWords(r.familyTitle)));
    let asked = 0;
    for (const [family, rows] of byFamily) {
      const others = records.filter((r) => r.familyId !== family);
      const own = wordsOf(rows);
      const familyWords = [...titleWords(rows)].filter(
        (word) =>
          !titleWords(others).has(word) &&
          !wordsOf(others).has(word) &&
          prepareQuery(word, vocabulary).terms.includes(word),
      );
      const strangers = [...wordsOf(others)].filter(
        (word) => ![...own].some((mine) => mine.startsWith(word)),
      );
      for (const word of familyWords) {
        for (const stranger of strangers) {
          const q = `${word} ${stranger}`;
          // What the box searches for beyond the family's word: nothing for a word of a
          // question ("edition"), which is then a question about the family alone.
          const extra = prepareQuery(q, vocabulary).terms.filter((term) => term !== word);
          if (extra.length === 0 || extra.some((term) => [...own].some((w) => w.startsWith(term))))
            continue;
          const got = answerWithErrors(q);
          expect(got.kind, q).not.toBe("rows");
          asked += 1;
        }
      }
    }
    expect(asked).toBeGreaterThan(100);
  });

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

  describe("each rule on its own, with made-up rows in both input orders", () => {
    const row = (name: string, order: number) => ({
      key: `K${order}`,
      names: [name],
      aliases: [],
      group: "Test",
      keyKind: "",
      method: "",
      order,
    });
    const ranked = (query: string, rows: ReturnType<typeof row>[]) => {
      const prepared = prepareQuery(query, vocabulary);
      const forward = rankCandidates(prepared, rows).map((r) => r.key);
      const backward = rankCandidates(prepared, [...rows].reverse()).map((r) => r.key);
      expect(backward).toEqual(forward);
      return forward;
    };

    it("whole words before the start of a word, even later in page order", () => {
      expect(
        ranked("windows pro", [row("Windows Professional", 0), row("Windows Pro", 1)]),
      ).toEqual(["K1", "K0"]);
    });

    it("fewer extra words first, even later in page order", () => {
      expect(
        ranked("windows pro", [row("Windows Pro Education", 0), row("Windows Pro", 1)]),
      ).toEqual(["K1", "K0"]);
    });

    it("then page order: the lower order first, whatever order Pagefind returned", () => {
      expect(ranked("windows pro", [row("Windows Pro", 7), row("Windows Pro", 3)])).toEqual([
        "K3",
        "K7",
      ]);
      expect(ranked("windows pro", [row("Windows Pro", 2), row("Windows Pro", 9)])).toEqual([
        "K2",
        "K9",
      ]);
    });
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

  it("names each place once, in page order, and every row's place holds its heading, method and install line", () => {
    const places = searchPlaces(records);
    expect(places.length).toBeLessThan(records.length);
    expect(new Set(places.map((place) => JSON.stringify(place))).size).toBe(places.length);
    for (const [order, row] of records.entries()) {
      const index = Number(searchFields(row, order, places).place?.[0]);
      const place = places[index];
      expect(place, row.path).toMatchObject({
        group: row.group,
        family: row.familyTitle,
        method: row.method,
        keyKind: row.keyKind,
      });
      expect(`${place?.install ?? ""}${place?.install ? row.key : ""}`).toBe(row.command);
    }
    expect(places[0]).toMatchObject({ group: records[0]?.group });
  });

  it("refuses a row whose command does not end with its key, and one whose place is not listed", () => {
    const odd = { ...record, command: `${record.command} /force` };
    expect(() => searchPlaces([odd])).toThrow(/does not end with its key/);
    const other = { ...record, group: "Elsewhere" };
    expect(() => searchFields(other, 0, searchPlaces([record]))).toThrow(/no place for/);
  });

  it("gives an error its code, message and summary, and no place", () => {
    const fields = errorSearchFields(
      { code: "0xC004F074", message: "M", summary: "S", path: "errors/0xc004f074/" },
      3,
    );
    expect(fields).toEqual({ key: ["0xC004F074"], names: ["M"], aliases: ["S"], order: ["3"] });
    const html = errorSearchDocument(
      { code: "0xC004F074", message: "M", summary: "S", path: "errors/0xc004f074/" },
      3,
    );
    expect(html).toContain(`<p data-pagefind-weight="1">0xc004f074 c004f074</p>`);
    expect(html).not.toContain("place");
    // A query reads "srv" as "server": the error that says "SRV" is indexed with both.
    const srv = errorSearchDocument(
      { code: "0x8007007B", message: "No SRV records.", summary: "S", path: "" },
      0,
    );
    expect(srv).toContain(`<p data-pagefind-weight="1">0x8007007b 8007007b server</p>`);
    expect(synonymWords("No SRV records, std and dc, server")).toEqual(["standard", "datacenter"]);
    expect(synonymWords("Windows Server")).toEqual([]);
  });

  it("escapes every text it embeds", () => {
    const html = searchDocument(record, 0, searchPlaces([record]));
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; co");
  });

  it("carries the row's fields as filters, never meta (Pagefind indexes meta), and its key only there", () => {
    const record = records[0] as KeyRecord;
    const html = searchDocument(record, 0, searchPlaces(records));
    expect(html).not.toContain("data-pagefind-meta");
    const body = html.slice(html.indexOf("<body>"));
    for (const group of record.key.split("-")) expect(body).not.toContain(group);
    expect(searchFields(record, 0, searchPlaces(records)).names).toEqual(record.names);
    expect(searchFields(record, 0, searchPlaces(records)).key).toEqual([record.key]);
  });
});

describe("key fragments", () => {
  const keyOf = (q: string) => keyFragmentTerms(prepareQuery(q, vocabulary));

  it("are the terms shaped like a key group or its start, not the words of a name", () => {
    const [first = "", second = ""] = (records[0] as KeyRecord).key.toLowerCase().split("-");
    expect(keyOf(`${first} ${second}`)).toEqual([first, second]);
    expect(keyOf("windows server 2022 datacenter")).toEqual([]);
    expect(keyOf("2012 r2 hpc 20h2 81")).toEqual([]);
  });

  it("find a key by any group or the start of one, in any case, and nothing else", () => {
    for (const record of records) {
      const groups = record.key.split("-");
      for (const group of [groups[0] ?? "", groups.at(-1)?.slice(0, 3) ?? ""]) {
        const query = prepareQuery(group.toLowerCase(), vocabulary);
        expect(keyFragmentTerms(query), group).toEqual(
          /\d/.test(group) || group.length === 5 ? [group.toLowerCase()] : [],
        );
        if (keyFragmentTerms(query).length === 0) continue;
        const found = retrieve(query.terms).map((r) => r.key);
        expect(found, group).toContain(record.key);
        for (const key of found)
          expect(keyHasFragments(key, [group.toLowerCase()]), key).toBe(true);
      }
    }
    expect(keyHasFragments("ABCDE-FGHJK-MNPQR-TVWXY-23467", ["fgh", "234"])).toBe(true);
    expect(keyHasFragments("ABCDE-FGHJK-MNPQR-TVWXY-23467", ["fgh", "gh"])).toBe(false);
  });
});
