/** Questions about KMS hosts typed in the search box, read and answered from content/kms-hosts/. */
import { readFileSync } from "node:fs";
import { parseFrontmatter } from "astro/markdown";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostKeysSchema } from "../../src/lib/kmsHosts/hostKeySchema";
import { answerHostQuestion, readHostQuestion } from "../../src/lib/kmsHosts/hostQuestion";
import { HOST_WORD } from "../../src/lib/search/guideWords";
import { keysActivating, keysHostedOn, listVersions } from "../../src/lib/kmsHosts/hostAnswers";
import { CONTENT_DIR } from "../helpers/content";

const data = hostKeysSchema.parse(
  parseFrontmatter(readFileSync(`${CONTENT_DIR}kms-hosts/windows.md`, "utf8")).frontmatter,
);
const groups = data.hostKeys.map(({ group }) => group);
const read = (text: string) => readHostQuestion(text, data.versions, groups);
const answer = (text: string) => answerHostQuestion(data, read(text));

describe("reading a question", () => {
  it.each([
    ["2019 host 2025", "Windows Server 2019", ["Windows Server 2025"]],
    [
      "can my Windows Server 2019 KMS host activate Windows Server 2025",
      "Windows Server 2019",
      ["Windows Server 2025"],
    ],
    ["activate windows 11 with a ws2016 host", "Windows Server 2016", ["Windows 11"]],
    ["kms host on server 2012r2 for windows 10", "Windows Server 2012 R2", ["Windows 10"]],
    ["host key for windows 11", undefined, ["Windows 11"]],
    ["csvlk win 8.1 and windows 7", undefined, ["Windows 8.1", "Windows 7"]],
    ["2k19 kms host", "Windows Server 2019", []],
    ["sac host key", undefined, ["Windows Server Semi-Annual Channel"]],
    ["windows server 2012 r2 host", "Windows Server 2012 R2", []],
    ["windows server 2012 host", "Windows Server 2012", []],
    ["windows 11 host key", undefined, ["Windows 11"]],
  ])("%s", (text, host, clients) => {
    const question = read(text);
    expect(question.host).toBe(host);
    expect(question.clients).toEqual(clients);
    expect(question.unknown).toEqual([]);
  });

  it("a host key named by its version", () => {
    expect(read("2019 host key")).toEqual({
      group: "Windows Server 2019",
      clients: [],
      unknown: [],
    });
    expect(read("windows server 2025 csvlk")).toEqual({
      group: "Windows Server 2025",
      clients: [],
      unknown: [],
    });
  });

  it("names the words the tables cannot speak to", () => {
    expect(read("office 2019 kms host").unknown).toEqual(["office"]);
    expect(read("windows server 2003 host").unknown).toEqual(["2003"]);
    expect(read("constructor __proto__ host").unknown).toEqual(["constructor", "proto"]);
  });

  it("is asked only with a host word", () => {
    for (const text of ["2019 host 2025", "KMS-host", "csvlk", "hosts"])
      expect(HOST_WORD.test(text), text).toBe(true);
    for (const text of ["windows server 2022 datacenter", "ghost", "hostname", "localhost"])
      expect(HOST_WORD.test(text), text).toBe(false);
  });
});

describe("answering it", () => {
  it("a host that can activate the client, with the update it needs", () => {
    const { summary, points, anchor } = answer(
      "can my windows server 2019 kms host activate windows server 2025",
    );
    expect(summary).toBe(
      "Yes: a Windows Server 2019 KMS host activates Windows Server 2025 with the host key for Windows Server 2025.",
    );
    expect(points[0]).toBe(
      "The host needs February 13, 2024 - KB5034768 or a later cumulative update (Microsoft's table of required updates).",
    );
    expect(points[1]).toBe(
      "Microsoft lists, for Windows Server 2025: Windows Server 2025 (all editions).",
    );
    expect(anchor).toBe("on-windows-server-2019");
  });

  it("says when the table lists no update, and that Azure Edition can't be a host", () => {
    const { summary, points } = answer("2022 host 2022");
    expect(summary).toBe(
      "Yes: a Windows Server 2022 KMS host activates Windows Server 2022 with the host key for Windows Server 2025 or 2022.",
    );
    expect(points).toContain("Microsoft's table of required updates lists none for this pair.");
    expect(points).toContain(
      "Not on Windows Server 2022 Datacenter: Azure Edition: Azure activates it, so it can't be a KMS host.",
    );
  });

  it("no, with the key that would and where it goes", () => {
    const { summary, points } = answer("2016 host 2025");
    expect(summary).toBe(
      "No: on Microsoft's table, no host key that a Windows Server 2016 KMS host can hold activates Windows Server 2025.",
    );
    expect(points).toEqual([
      "Windows Server 2016 can hold the host key for Windows Server 2022, 2019 or 2016, and none of them activates Windows Server 2025.",
      "Windows Server 2025 is activated by the host key for Windows Server 2025.",
      "Host key for Windows Server 2025: install it on Windows Server 2025, 2022 or 2019.",
    ]);
  });

  it("a host the activation table does not name, while the updates table does", () => {
    const { summary, points } = answer("2008 r2 host windows 10");
    expect(summary).toMatch(/^No: /);
    expect(points[0]).toBe(
      "Microsoft's table lists no host key that can be installed on Windows Server 2008 R2.",
    );
    expect(points.at(-1)).toBe(
      "Microsoft's table of required updates does list, for this pair: Update that enables Windows 7 and Windows Server 2008 R2 KMS hosts to activate Windows 10.",
    );
  });

  it("a client host on a client: Windows 10 activates no server", () => {
    expect(answer("windows 10 host server 2016").summary).toMatch(/^No: /);
    expect(answer("windows 7 host windows 10").summary).toBe(
      "Yes: a Windows 7 KMS host activates Windows 10 with the host key for Windows 10.",
    );
  });

  it("what a host can hold", () => {
    const { summary, points, anchor } = answer("2k19 kms host");
    expect(summary).toBe(
      "A Windows Server 2019 KMS host can hold the host key for Windows Server 2025, 2022 or 2019.",
    );
    expect(points).toContain(
      "Updates Microsoft lists for it: February 13, 2024 - KB5034768 or a later cumulative update (for Windows Server 2025); June 8, 2021 - KB5003646 or a later cumulative update (for Windows Server 2022).",
    );
    expect(anchor).toBe("on-windows-server-2019");
  });

  it("what a host key named by its version activates, and where it goes", () => {
    const { summary, points, anchor } = answer("ws2019 csvlk");
    expect(summary).toBe(
      "The host key for Windows Server 2019 (Volume License for Windows Server 2019) activates Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 10, 8.1 and 7.",
    );
    expect(points[0]).toBe(
      "Host key for Windows Server 2019: install it on Windows Server 2019, 2016 or 2012 R2.",
    );
    expect(anchor).toBe("csvlk-windows-server-2019");
  });

  it("which host key for some clients", () => {
    expect(answer("host key for windows 11").summary).toBe(
      "Windows 11 is activated by a KMS host with the host key for Windows Server 2025 or 2022.",
    );
    expect(answer("host key for windows 11").points).toContain(
      "Host keys (CSVLKs) are your organisation's own, from the Volume Licensing Service Center: this site lists none.",
    );
    expect(answer("csvlk windows 7 and server 2025").summary).toBe(
      "Windows 7 and Windows Server 2025 are activated by a KMS host with the host key for Windows Server 2025.",
    );
  });

  it("an edition the tables list, or say nothing of", () => {
    expect(answer("2019 host windows 10 pro n").summary).toMatch(/^Yes: /);
    expect(answer("2016 host windows server 2019 datacenter").summary).toMatch(/^Yes: /);
    expect(answer("windows server 2019 datacenter kms host 2025").summary).toMatch(/^Yes: /);
    expect(answer("2019 host windows 10 pro education").summary).toBe(
      "Microsoft's table of KMS host keys lists no “pro education” edition of Windows 10: for Windows 10 it lists Windows 10 Enterprise LTSC/LTSC N/LTSB; Windows 10 Enterprise/Enterprise N; Windows 10 Professional/Professional N; Windows 10 Professional for Workstations/Professional N for Workstations; Windows 10 for Education/Education N; Windows 10 LTSB (2015 and 2016); Windows 10 Education/Education N; Windows 10 Enterprise LTSB/LTSB N (2015); Windows 10 Pro for Workstations.",
    );
    expect(answer("windows 11 home host key").summary).toMatch(
      /^Microsoft's table of KMS host keys lists no “home” edition of Windows 11: /,
    );
    expect(read("2019 office host").unknown).toEqual(["office"]);
  });

  it("names what it cannot answer, and answers nothing for it", () => {
    const { summary } = answer("office 2019 kms host");
    expect(summary).toBe(
      "Microsoft's table of KMS host keys names versions of Windows only; it says nothing about “office”.",
    );
    expect(answer("kms host").summary).toMatch(/^Ask about a host and a client/);
    expect(answer("kms host").points[0]).toBe(
      "A KMS host activates Windows clients once it has counted 25 computers, and Windows Server and volume Office once it has counted 5.",
    );
  });

  it("answers every host and client pair as the tables do", () => {
    for (const host of data.versions) {
      for (const client of data.versions) {
        if (host === client) continue;
        const expected = keysHostedOn(data, host).some((group) =>
          keysActivating(data, client).includes(group),
        );
        const { summary } = answerHostQuestion(data, { host, clients: [client], unknown: [] });
        expect(summary.startsWith("Yes: "), `${host} → ${client}`).toBe(expected);
      }
    }
  });

  it("never fails, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = answerHostQuestion(data, readHostQuestion(`${text} host`, data.versions));
        expect(typeof result.summary).toBe("string");
        expect(result.summary.length).toBeGreaterThan(0);
      }),
    );
  });
});

it("lists versions saying shared words once", () => {
  expect(listVersions(["Windows Server 2025"])).toBe("Windows Server 2025");
  expect(listVersions(["Windows Server 2025", "Windows Server 2022", "Windows 10"])).toBe(
    "Windows Server 2025, 2022 or Windows 10",
  );
  expect(listVersions(["Windows 10", "Windows 8.1", "Windows 7"], "and")).toBe(
    "Windows 10, 8.1 and 7",
  );
  expect(listVersions([])).toBe("");
});

describe("whole answers, as the box shows them", () => {
  const LVSC =
    "Host keys (CSVLKs) are your organisation's own, from the Volume Licensing Service Center: this site lists none.";
  const SERVER_2019_KEY =
    "Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 10, 8.1 and 7";

  it.each([
    [
      "windows 7 host",
      {
        summary: "A Windows 7 KMS host can hold the host key for Windows 10.",
        points: [
          "With the host key for Windows 10, it activates Windows 10, 8.1 and 7.",
          "Updates Microsoft lists for it: Update that enables Windows 7 and Windows Server 2008 R2 KMS hosts to activate Windows 10 (for Windows 10).",
        ],
        anchor: "on-windows-7",
      },
    ],
    [
      "windows server 2008 r2 host",
      {
        summary:
          "Microsoft's table lists no host key that can be installed on Windows Server 2008 R2.",
        points: [
          "Updates Microsoft lists for it: Update that enables Windows 7 and Windows Server 2008 R2 KMS hosts to activate Windows 10 (for Windows Server 2012 R2); Update that enables Windows 7 and Windows Server 2008 R2 KMS hosts to activate Windows 10 (for Windows Server 2012); Update that enables Windows 7 and Windows Server 2008 R2 KMS hosts to activate Windows 10 (for Windows 10).",
        ],
        anchor: "on-windows-server-2008-r2",
      },
    ],
    [
      "host on 2019",
      {
        summary:
          "A Windows Server 2019 KMS host can hold the host key for Windows Server 2025, 2022 or 2019.",
        points: [
          "With the host key for Windows Server 2025, it activates Windows Server 2025, 2022, Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 11, 10, 8.1 and 7.",
          "With the host key for Windows Server 2022, it activates Windows Server 2022, Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 11, 10, 8.1 and 7.",
          `With the host key for Windows Server 2019, it activates ${SERVER_2019_KEY}.`,
          "Updates Microsoft lists for it: February 13, 2024 - KB5034768 or a later cumulative update (for Windows Server 2025); June 8, 2021 - KB5003646 or a later cumulative update (for Windows Server 2022).",
        ],
        anchor: "on-windows-server-2019",
      },
    ],
    [
      "2022 host",
      {
        summary:
          "A Windows Server 2022 KMS host can hold the host key for Windows Server 2025 or 2022.",
        points: [
          "With the host key for Windows Server 2025, it activates Windows Server 2025, 2022, Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 11, 10, 8.1 and 7.",
          "With the host key for Windows Server 2022, it activates Windows Server 2022, Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 11, 10, 8.1 and 7.",
          "Updates Microsoft lists for it: February 13, 2024 - KB5034765 or a later cumulative update (for Windows Server 2025).",
          "Not on Windows Server 2022 Datacenter: Azure Edition: Azure activates it, so it can't be a KMS host.",
        ],
        anchor: "on-windows-server-2022",
      },
    ],
    [
      "2022 azure edition host 2025",
      {
        summary:
          "No: Windows Server 2022 Datacenter: Azure Edition can't be a KMS host: Azure activates it.",
        points: ["A KMS host on Windows Server 2022 must run another edition."],
        anchor: "on-windows-server-2022",
      },
    ],
    [
      "windows 10 enterprise host 2016",
      {
        summary:
          "No: on Microsoft's table, no host key that a Windows 10 KMS host can hold activates Windows Server 2016.",
        points: [
          "Windows 10 can hold the host key for Windows 10, and none of them activates Windows Server 2016.",
          "Windows Server 2016 is activated by the host key for Windows Server 2025, 2022, 2019 or 2016.",
          "Host key for Windows Server 2025: install it on Windows Server 2025, 2022 or 2019.",
          "Host key for Windows Server 2022: install it on Windows Server 2022, 2019 or 2016.",
          "Host key for Windows Server 2019: install it on Windows Server 2019, 2016 or 2012 R2.",
          "Host key for Windows Server 2016: install it on Windows Server 2016, 2012 R2 or 2012.",
        ],
        anchor: "on-windows-10",
      },
    ],
    [
      "2012 r2 host windows 10 pro n",
      {
        summary:
          "Yes: a Windows Server 2012 R2 KMS host activates Windows 10 with the host key for Windows Server 2019 or 2016.",
        points: [
          "The host needs November 27, 2018 - KB4467695 (Preview of Monthly Rollup) or a later monthly rollup, or July 2016 update rollup for Windows 8.1 and Windows Server 2012 R2 or a later monthly rollup (Microsoft's table of required updates).",
          "Microsoft lists, for Windows 10: Windows 10 Enterprise LTSC/LTSC N/LTSB; Windows 10 Enterprise/Enterprise N; Windows 10 Professional/Professional N; Windows 10 Professional for Workstations/Professional N for Workstations; Windows 10 for Education/Education N.",
        ],
        anchor: "on-windows-server-2012-r2",
      },
    ],
    [
      "host for windows 10 ltsb and windows 7",
      {
        summary:
          "Windows 10 and Windows 7 are activated by a KMS host with the host key for Windows Server 2025, 2022, 2019, 2016 or Windows 10.",
        points: [
          "Host key for Windows Server 2025: install it on Windows Server 2025, 2022 or 2019.",
          "Host key for Windows Server 2022: install it on Windows Server 2022, 2019 or 2016.",
          "Host key for Windows Server 2019: install it on Windows Server 2019, 2016 or 2012 R2.",
          "Host key for Windows Server 2016: install it on Windows Server 2016, 2012 R2 or 2012.",
          "Host key for Windows 10: install it on Windows 10, 8.1 or 7.",
          LVSC,
        ],
        anchor: "for-windows-10",
      },
    ],
    [
      "2022 datacenter host key",
      {
        summary:
          "The host key for Windows Server 2022 (Volume License for Windows Server 2022) activates Windows Server 2022, Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 11, 10, 8.1 and 7.",
        points: [
          "Host key for Windows Server 2022: install it on Windows Server 2022, 2019 or 2016.",
          LVSC,
        ],
        anchor: "csvlk-windows-server-2022",
      },
    ],
    [
      "windows 10 host key",
      {
        summary:
          "The host key for Windows 10 (Volume license for Windows 10) activates Windows 10, 8.1 and 7.",
        points: ["Host key for Windows 10: install it on Windows 10, 8.1 or 7.", LVSC],
        anchor: "csvlk-windows-10",
      },
    ],
    [
      "2019 host windows 11 home",
      {
        summary:
          "Microsoft's table of KMS host keys lists no “home” edition of Windows 11: for Windows 11 it lists Windows 11 Enterprise LTSC 2024; Windows 11 Enterprise/Enterprise N; Windows 11 Professional/Professional N; Windows 11 Professional for Workstations/Professional N for Workstations; Windows 11 for Education/Education N.",
        points: [],
        anchor: "for-windows-11",
      },
    ],
    [
      "office host",
      {
        summary:
          "Microsoft's table of KMS host keys names versions of Windows only; it says nothing about “office”.",
        points: [
          "It names Windows Server 2025, 2022, Windows Server Semi-Annual Channel, Windows Server 2019, 2016, 2012 R2, 2012, 2008 R2, 2008, Windows 11, 10, 8.1 and 7.",
        ],
        anchor: "",
      },
    ],
    [
      "kms hosts",
      {
        summary:
          "Ask about a host and a client (“2019 host 2025”) or a version (“host key for Windows 11”).",
        points: [
          "A KMS host activates Windows clients once it has counted 25 computers, and Windows Server and volume Office once it has counted 5.",
          "An activation lasts 180 days; clients renew it every 7 days.",
        ],
        anchor: "",
      },
    ],
  ])("%s", (query, expected) => {
    expect(answer(query)).toEqual(expected);
  });

  it("reads the parts of a question in full", () => {
    expect(read("kms host running windows server 2016 for windows 11 pro")).toEqual({
      host: "Windows Server 2016",
      clients: ["Windows 11"],
      editions: [{ version: "Windows 11", words: ["pro"] }],
      unknown: [],
    });
    expect(read("2022 azure edition host")).toEqual({
      host: "Windows Server 2022",
      hostEdition: ["azure"],
      clients: [],
      unknown: [],
    });
    // The same version as host and client; a client named twice counts once.
    expect(read("2019 host 2019 and 2019")).toEqual({
      host: "Windows Server 2019",
      clients: ["Windows Server 2019"],
      unknown: [],
    });
    // Only the first 200 characters are read.
    expect(read(`host ${"x ".repeat(200)}2019`)).toEqual({ clients: [], unknown: ["x"] });
    // A word after "host" that is no version is named; a version in any spelling is read.
    expect(read("hosts for windows server 2012r2, win8.1 and w7")).toEqual({
      clients: ["Windows Server 2012 R2", "Windows 8.1", "Windows 7"],
      unknown: [],
    });
    expect(read("windows server 2012 r2 kms host")).toEqual({
      host: "Windows Server 2012 R2",
      clients: [],
      unknown: [],
    });
  });
});

describe("answers the tables of today can't give, from other tables", () => {
  const only2019 = structuredClone(data);
  only2019.hostKeys = data.hostKeys.filter(({ group }) => group.endsWith("2019"));

  it("no host key activates a client, or all of several", () => {
    expect(answerHostQuestion(only2019, read("host key for windows 11"))).toEqual({
      summary: "No host key on Microsoft's table activates Windows 11.",
      points: ["Windows 11: no host key on the table."],
      anchor: "for-windows-11",
    });
    expect(answerHostQuestion(only2019, read("host key for windows 11 and windows 7"))).toEqual({
      summary: "No host key on Microsoft's table activates all of Windows 11 and Windows 7.",
      points: [
        "Windows 11: no host key on the table.",
        "Windows 7: the host key for Windows Server 2019.",
      ],
      anchor: "for-windows-11",
    });
    expect(answerHostQuestion(only2019, read("2019 host windows 11")).points.slice(0, 2)).toEqual([
      "Windows Server 2019 can hold the host key for Windows Server 2019, and none of them activates Windows 11.",
      "No host key on the table activates Windows 11.",
    ]);
  });

  it("a version made of words that come before a number is still one version", () => {
    expect(readHostQuestion("windows server host", ["Windows Server"], [])).toEqual({
      host: "Windows Server",
      clients: [],
      unknown: [],
    });
  });
});
