/**
 * content/kms-hosts/ against Microsoft's planning page (tests/fixtures/): every host key
 * group, where it can be installed, every line of what it activates and every row of the
 * required updates, read from the fixture's own tables; the rules' numbers from its sentences.
 */
import { readFileSync } from "node:fs";
import { parseFrontmatter } from "astro/markdown";
import { describe, expect, it } from "vitest";
import { hostKeysSchema, type HostKeys } from "../../src/lib/kmsHosts/hostKeySchema";
import { versionOf } from "../../src/lib/kmsHosts/hostKeySchema";
import {
  clientAnchor,
  groupAnchor,
  hostAnchor,
  notOnAzureEdition,
  shortGroupName,
  coverageProblems,
  sharedGroups,
  keysActivating,
  keysHostedOn,
  requiredUpdates,
  rowHostKeyLines,
} from "../../src/lib/kmsHosts/hostAnswers";
import { familyRows } from "../../src/lib/keys/familySchema";
import { CONTENT_DIR, readFamilies } from "../helpers/content";
import { FIXTURES } from "../helpers/sourceFixtures";
import { markdownTable } from "../helpers/markdownTables";

const FILE = "kms-hosts/windows.md";
const raw = parseFrontmatter(readFileSync(CONTENT_DIR + FILE, "utf8")).frontmatter;
const data: HostKeys = hostKeysSchema.parse(raw);
const source = readFileSync(`${FIXTURES}kms-activation-planning.2025-03-17.md`, "utf8");

/** A table cell's items: `<li>` entries, or `<br>`-separated lines; footnote marks kept as ¹. */
function cellItems(cell: string): string[] {
  const text = cell.replaceAll("&sup1;", "¹").replace(/<\/?ul>/g, "");
  const parts = text.includes("<li>") ? text.split(/<li>|<\/li>/) : text.split(/<br\s*\/?>/);
  return parts
    .map((part) =>
      part
        .replace(/<br\s*\/?>/g, "")
        .replace(/^\s*-\s*/, "")
        .trim(),
    )
    .filter((part) => part !== "");
}

/** The body rows of the table after `marker`. */
const tableRows = (marker: string) => markdownTable(source, marker).rows;

/** The activation-versions tables, one per tab. */
const tabs = [...source.matchAll(/^# \[(.+)\]\(#tab\/\w+\)$/gm)].map((m) => m[0]);
const versionTables = tabs.map((tab) => {
  const [row] = tableRows(tab);
  const [group = "", hosted = "", activates = ""] = row ?? [];
  return { group, hostedOn: cellItems(hosted), activates: cellItems(activates) };
});

describe("content/kms-hosts/windows.md against Microsoft's planning page", () => {
  it("cites the fixture's title and revision", () => {
    expect(source).toContain(`# ${data.source.title}\n`);
    expect(source).toContain(
      `ms.date: ${data.source.revision.slice(5, 7)}/${data.source.revision.slice(8)}/${data.source.revision.slice(0, 4)}`,
    );
  });

  it("has every host key group, in the page's order", () => {
    expect(versionTables.length).toBe(5);
    expect(data.hostKeys.map(({ group }) => group)).toEqual(versionTables.map((t) => t.group));
  });

  it("says where each group can be installed, footnote included", () => {
    data.hostKeys.forEach((hostKey, i) => {
      const published = versionTables[i]?.hostedOn ?? [];
      expect(
        hostKey.hostedOn.map(
          ({ version, notAzureEdition }) => version + (notAzureEdition ? "¹" : ""),
        ),
        hostKey.group,
      ).toEqual(published);
    });
    // The footnote the mark stands for.
    expect(source).toContain(
      "Azure activates Windows Server Datacenter: Azure Edition, meaning it can't be configured as a KMS host",
    );
  });

  it("lists exactly the lines of what each group activates", () => {
    data.hostKeys.forEach((hostKey, i) => {
      expect(
        hostKey.activates.map(({ text }) => text),
        hostKey.group,
      ).toEqual(versionTables[i]?.activates);
    });
  });

  it("has every row of the required updates, each update with its link and what may replace it", () => {
    const rows = tableRows("| KMS host OS version |");
    expect(data.updates.length).toBe(rows.length);
    data.updates.forEach((row, i) => {
      const [host = "", clients = "", updates = ""] = rows[i] ?? [];
      expect(row.host).toBe(host);
      expect(row.clients).toEqual(cellItems(clients.replace(/<\/li><\/ul>/g, "")));
      const published = updates.split(/<br\s*\/?>/).map((part) => part.trim());
      expect(row.updates.length, host).toBe(published.length);
      row.updates.forEach((update, u) => {
        const link = `[${update.title}](${update.url})`;
        const tail = update.orLater === undefined ? "" : ` or later ${update.orLater}`;
        expect(published[u], host).toBe(link + tail);
      });
    });
  });

  it("takes each rule's number from the page's own sentence", () => {
    const { rules } = data;
    // {n}: the number in digits; {w}: spelled out, as the page writes small ones.
    const words = new Map([
      [5, "five"],
      [6, "six"],
      [7, "seven"],
      [9, "nine"],
    ]);
    const sentences: [number, string][] = [
      [rules.clientThreshold, "Clients activate if the count is {n} or higher."],
      [rules.serverThreshold, "Microsoft Office products activate if the count is {w} or greater."],
      [rules.countedDays, "only counts unique connections from the past {n} days"],
      [rules.contactsKept, "only stores the {n} most recent contacts"],
      [rules.validityDays, "KMS activations are valid for {n} days"],
      [rules.renewalDays, "attempt to renew their activation every {w} days"],
      [rules.port, "use TCP on port {n}."],
      [rules.hostsPerKey, "on your network for a total of {w}."],
      [rules.reactivations, "reactivate the same host up to {w} times"],
      [rules.recommendTwoHostsAbove, "If you have more than {n} clients"],
    ];
    for (const [value, sentence] of sentences) {
      const written = sentence
        .replace("{n}", String(value))
        .replace("{w}", words.get(value) ?? "?");
      expect(source, written).toContain(written);
    }
  });
});

describe("host keys and the families", () => {
  const families = readFamilies();
  const places = families.flatMap(({ family }) =>
    familyRows(family).map(({ group, row }) => ({ names: row.names, groupAnchor: group.anchor })),
  );

  it("names only version groups and editions the family pages have", () => {
    expect(coverageProblems(data, FILE, places)).toEqual([]);
  });

  it("names the file and the line of what no family has", () => {
    const broken = structuredClone(data);
    const line = broken.hostKeys[0]?.activates[0];
    if (line) line.keyGroups = ["windows-server-2030"];
    const edition = broken.hostKeys[1]?.activates.at(-1);
    if (edition) edition.editions = ["Windows 7 Ultimate"];
    expect(coverageProblems(broken, FILE, places)).toEqual([
      `${FILE}: Volume License for Windows Server 2025, "Windows Server 2025 (all editions)": no version group has the anchor "windows-server-2030"`,
      `${FILE}: Volume License for Windows Server 2022, "Windows 7 Professional": no row is named "Windows 7 Ultimate"`,
    ]);
  });

  it("says for each row which host keys activate each of its editions", () => {
    const row = (name: string) => {
      const found = places.find(({ names }) => names.includes(name));
      if (!found) throw new Error(name);
      return rowHostKeyLines(data, found);
    };
    expect(row("Windows Server 2022 Datacenter")).toEqual([
      {
        names: ["Windows Server 2022 Datacenter"],
        groups: ["Windows Server 2025", "Windows Server 2022"],
      },
    ]);
    expect(row("Windows 11 Pro")).toEqual([
      { names: ["Windows 11 Pro"], groups: ["Windows Server 2025", "Windows Server 2022"] },
      {
        names: ["Windows 10 Pro"],
        groups: [
          "Windows Server 2025",
          "Windows Server 2022",
          "Windows Server 2019",
          "Windows Server 2016",
          "Windows 10",
        ],
      },
    ]);
    // Not on Microsoft's table: said, not guessed.
    expect(row("Windows 11 Enterprise G")).toEqual([
      { names: ["Windows 11 Enterprise G", "Windows 10 Enterprise G"], groups: [] },
    ]);
    expect(row("Windows 11 Enterprise LTSC 2024")).toEqual([
      { names: ["Windows 11 Enterprise LTSC 2024"], groups: ["Windows Server 2025"] },
      {
        names: ["Windows 10 Enterprise LTSC 2021", "Windows 10 Enterprise LTSC 2019"],
        groups: ["Windows Server 2025", "Windows Server 2022", "Windows Server 2019"],
      },
    ]);
  });
});

describe("a version group's rows that share their host keys", () => {
  const line = (names: string[], groups: string[]) => ({ names, groups });
  it("are said once; rows that differ, or a row with two sets, each on their own", () => {
    const a = ["Windows Server 2025", "Windows Server 2022"];
    expect(sharedGroups([[line(["x"], a)], [line(["y"], a)]])).toEqual(a);
    expect(sharedGroups([[line(["x"], [])], [line(["y"], [])]])).toEqual([]);
    expect(sharedGroups([[line(["x"], a)], [line(["y"], a.slice(0, 1))]])).toBeUndefined();
    expect(sharedGroups([[line(["x"], a)], [line(["y"], a), line(["z"], [])]])).toBeUndefined();
    expect(sharedGroups([[line(["x"], a), line(["z"], [])], [line(["y"], a)]])).toBeUndefined();
    expect(sharedGroups([])).toBeUndefined();
  });
});

describe("what the tables answer", () => {
  const names = (groups: { group: string }[]) => groups.map(({ group }) => group);

  it("finds the host keys of a client version and of a host version", () => {
    expect(names(keysActivating(data, "Windows Server 2025"))).toEqual([
      "Volume License for Windows Server 2025",
    ]);
    expect(names(keysActivating(data, "Windows 7"))).toHaveLength(5);
    expect(names(keysHostedOn(data, "Windows Server 2019"))).toEqual([
      "Volume License for Windows Server 2025",
      "Volume License for Windows Server 2022",
      "Volume License for Windows Server 2019",
    ]);
    expect(keysHostedOn(data, "Windows Server 2008 R2")).toEqual([]);
  });

  it("pairs a row's updates with its clients line by line", () => {
    const titles = (host: string, client: string) =>
      requiredUpdates(data, host, client).map(({ title }) => title);
    expect(titles("Windows Server 2019", "Windows Server 2025")).toEqual([
      "February 13, 2024 - KB5034768",
    ]);
    expect(titles("Windows Server 2019", "Windows Server 2022")).toEqual([
      "June 8, 2021 - KB5003646",
    ]);
    // Two rows for the pair: both, in the table's order.
    expect(titles("Windows Server 2016", "Windows Server 2019")).toEqual([
      "June 8, 2021 - KB5003638",
      "December 3, 2018 - KB4478877",
    ]);
    expect(titles("Windows Server 2022", "Windows Server 2022")).toEqual([]);
  });
});

describe("the schema refuses", () => {
  const text = readFileSync(CONTENT_DIR + FILE, "utf8");
  /** The file with `from` replaced by `to` (the first time it occurs), parsed. */
  const parsed = (from: string, to: string) => {
    expect(text, from).toContain(from);
    return hostKeysSchema.safeParse(parseFrontmatter(text.replace(from, to)).frontmatter);
  };
  const issues = (from: string, to: string) => {
    const result = parsed(from, to);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };
  /** Where each problem is, as the build names it. */
  const paths = (from: string, to: string) => {
    const result = parsed(from, to);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
  };

  it("says where each problem is", () => {
    expect(
      paths("- { version: Windows Server 2019 }", "- { version: Windows Server 2030 }"),
    ).toEqual(["hostKeys.0.hostedOn.2"]);
    expect(paths("text: Windows 11 Enterprise LTSC 2024,", "text: Windows 2000 Server,")).toEqual([
      "hostKeys.0.activates.9",
    ]);
    expect(
      paths(
        "clients: [Windows Server 2025, Windows Server 2022]",
        "clients: [Windows Server 2025, Windows Server 2022, Windows Server 2019]",
      ),
    ).toEqual(["updates.1.updates"]);
    expect(paths("  - Windows 7\n", "  - Windows 7\n  - Windows 7\n")).toEqual(["versions"]);
    expect(
      paths(
        "  - group: Volume License for Windows Server 2022",
        "  - group: Volume License for Windows Server 2025",
      ),
    ).toEqual(["hostKeys.1"]);
  });

  it("an update for a version the tables don't list", () => {
    expect(issues("  - host: Windows Server 2022\n", "  - host: Windows Server 2003\n")).toEqual([
      'update for Windows Server 2003: "Windows Server 2003" is not a listed version',
    ]);
    expect(
      paths(
        "clients: [Windows Server 2016, Windows 10]",
        "clients: [Windows Server 2016, Windows 95]",
      ),
    ).toEqual(["updates.5"]);
  });

  it("a host key group listed twice", () => {
    expect(
      issues(
        "  - group: Volume License for Windows Server 2022",
        "  - group: Volume License for Windows Server 2025",
      ),
    ).toEqual(["Volume License for Windows Server 2025 is listed twice"]);
  });

  it("a host that is not a listed version", () => {
    expect(
      issues("- { version: Windows Server 2019 }", "- { version: Windows Server 2030 }"),
    ).toEqual([
      'Volume License for Windows Server 2025: host "Windows Server 2030" is not a listed version',
    ]);
  });

  it("a line that starts with no listed version, or names both or neither of what it covers", () => {
    expect(issues("text: Windows 11 Enterprise LTSC 2024,", "text: Windows 2000 Server,")).toEqual([
      '"Windows 2000 Server" starts with none of the listed versions',
    ]);
    expect(
      issues(
        "keyGroups: [windows-server-2025] }",
        "keyGroups: [windows-server-2025], editions: [Windows Server 2025 Standard] }",
      ),
    ).toEqual([
      "name what the line covers: keyGroups (every edition of a version group) or editions, not both",
    ]);
  });

  it("an update row whose updates can't be paired with its clients", () => {
    expect(
      issues(
        "clients: [Windows Server 2025, Windows Server 2022]",
        "clients: [Windows Server 2025, Windows Server 2022, Windows Server 2019]",
      ),
    ).toEqual([
      "update for Windows Server 2019: 2 updates for 3 clients; give one, or one per client",
    ]);
  });

  it("markup in a line, an http:// link, a version listed twice", () => {
    expect(
      issues("text: Windows 11 Enterprise LTSC 2024,", "text: Windows 11 <b>Enterprise</b>,"),
    ).toHaveLength(1);
    expect(
      issues(
        "url: https://support.microsoft.com/help/5034765",
        "url: http://support.microsoft.com/help/5034765",
      ),
    ).toEqual(["must be an absolute https:// URL"]);
    expect(issues("  - Windows 7\n", "  - Windows 7\n  - Windows 7\n")).toEqual([
      "a version is listed twice",
    ]);
  });
});

describe("names and anchors", () => {
  it("reads the version a line starts with, the longest that fits", () => {
    const versions = ["Windows Server 2012", "Windows Server 2012 R2", "Windows 10", "Windows 1"];
    expect(versionOf("Windows Server 2012 R2 (all editions)", versions)).toBe(
      "Windows Server 2012 R2",
    );
    expect(versionOf("Windows Server 2012 (all editions)", versions)).toBe("Windows Server 2012");
    expect(versionOf("Windows Server 2012(x)", versions)).toBe("Windows Server 2012");
    expect(versionOf("Windows 10", versions)).toBe("Windows 10");
    expect(versionOf("Windows 100", versions)).toBeUndefined();
    expect(versionOf("Windows Server 2012R2", versions)).toBeUndefined();
    expect(versionOf("The Windows 10", versions)).toBeUndefined();
  });

  it("names a group by its version, and gives each answer its anchor", () => {
    expect(shortGroupName("Volume License for Windows Server 2025")).toBe("Windows Server 2025");
    expect(shortGroupName("Volume license for Windows 10")).toBe("Windows 10");
    expect(shortGroupName("Volume Licence for Windows 10")).toBe("Windows 10");
    expect(shortGroupName("Not Volume License for Windows 10")).toBe(
      "Not Volume License for Windows 10",
    );
    expect(groupAnchor("Volume license for Windows 10")).toBe("csvlk-windows-10");
    expect(clientAnchor("Windows Server 2012 R2")).toBe("for-windows-server-2012-r2");
    expect(hostAnchor("Windows 8.1")).toBe("on-windows-8-1");
  });

  it("knows where Datacenter: Azure Edition can't be a host", () => {
    const [server2025] = data.hostKeys;
    if (server2025 === undefined) throw new Error("no host keys");
    expect(notOnAzureEdition(server2025, "Windows Server 2025")).toBe(true);
    expect(notOnAzureEdition(server2025, "Windows Server 2019")).toBe(false);
    expect(notOnAzureEdition(server2025, "Windows Server 2016")).toBe(false);
  });
});
