/**
 * What Microsoft's host-key tables answer: which host key (CSVLK) activates a version of
 * Windows, what a host can hold, whether a host can activate a client and with which update,
 * and which host keys cover a key row of a family page. Plain data in and out, for the pages,
 * the search box and the tests; every sentence says only what the tables say.
 */
import { slugify } from "../text/slug";
import {
  versionOf,
  type HostKeyGroup,
  type HostKeys,
  type HostUpdate,
  type HostUpdateRow,
} from "./hostKeySchema";

/** A host key group by the version it is named for: "Volume License for Windows Server 2025" → "Windows Server 2025". */
export function shortGroupName(group: string): string {
  return group.replace(/^volume licen[cs]e for /i, "");
}

/** The anchor of a host key group's section on the host-key page. */
export function groupAnchor(group: string): string {
  return `csvlk-${slugify(shortGroupName(group))}`;
}

/** The anchor of a client version's answer ("which host key activates it") on the host-key page. */
export function clientAnchor(version: string): string {
  return `for-${slugify(version)}`;
}

/** The anchor of a host version's answer ("what it can hold, the updates it needs"). */
export function hostAnchor(version: string): string {
  return `on-${slugify(version)}`;
}

/** The host key groups with a line for `client` (a listed version), in the table's order. */
export function keysActivating(data: HostKeys, client: string): HostKeyGroup[] {
  return data.hostKeys.filter(({ activates }) =>
    activates.some(({ text }) => versionOf(text, data.versions) === client),
  );
}

/** The host key groups a host running `host` can hold. */
export function keysHostedOn(data: HostKeys, host: string): HostKeyGroup[] {
  return data.hostKeys.filter(({ hostedOn }) => hostedOn.some(({ version }) => version === host));
}

/** The versions a group activates, each once, in the table's order. */
export function versionsActivated(data: HostKeys, group: HostKeyGroup): string[] {
  const versions = group.activates.map(({ text }) => versionOf(text, data.versions) ?? text);
  return [...new Set(versions)];
}

/** The updates a row of the table gives the client on `line`: its only one, or the one on that line. */
function lineUpdates(row: HostUpdateRow, line: number): HostUpdate[] {
  return row.updates.length === 1 ? row.updates : row.updates.slice(line, line + 1);
}

/** The updates Microsoft lists for a host running `host` to activate `client`, row by row. */
export function requiredUpdates(data: HostKeys, host: string, client: string): HostUpdate[] {
  return data.updates.flatMap((row) =>
    row.host === host && row.clients.includes(client)
      ? lineUpdates(row, row.clients.indexOf(client))
      : [],
  );
}

/** Every client the table of updates names for a host running `host`, each with its update. */
export function hostUpdates(
  data: HostKeys,
  host: string,
): { client: string; update: HostUpdate }[] {
  return data.updates
    .filter((row) => row.host === host)
    .flatMap((row) =>
      row.clients.flatMap((client, line) =>
        lineUpdates(row, line).map((update) => ({ client, update })),
      ),
    );
}

/** An update as a sentence fragment: its title, and what may stand in for it. */
export function describeUpdate(update: HostUpdate): string {
  return update.orLater === undefined
    ? update.title
    : `${update.title} or a later ${update.orLater}`;
}

/** Whether a host running `host` can hold a key of `group` only outside Datacenter: Azure Edition. */
export function notOnAzureEdition(group: HostKeyGroup, host: string): boolean {
  return group.hostedOn.some(({ version, notAzureEdition }) => version === host && notAzureEdition);
}

/**
 * "Windows Server 2025", "Windows Server 2025 or 2022", "Windows 10, 8.1 and 7": the words
 * before a version's number are said once for a run of versions that share them.
 */
export function listVersions(versions: readonly string[], joiner = "or"): string {
  const lead = (text: string) => /^\D*?(?=\d)/.exec(text)?.[0];
  let previous: string | undefined;
  const all = versions.map((version) => {
    const shared = lead(version);
    const said =
      shared !== undefined && shared === previous ? version.slice(shared.length) : version;
    previous = shared;
    return said;
  });
  const last = all.pop();
  return all.length === 0 ? (last ?? "") : `${all.join(", ")} ${joiner} ${last}`;
}

/** A key row of a family page, as the host-key tables see it. */
export interface RowPlace {
  /** The row's edition names. */
  names: readonly string[];
  /** The anchor of its version group. */
  groupAnchor: string;
}

/** For each name of a row, the host key groups whose lines cover it (none when the tables do not list it). */
export function rowHostKeys(
  data: HostKeys,
  row: RowPlace,
): { name: string; groups: HostKeyGroup[] }[] {
  return row.names.map((name) => ({
    name,
    groups: data.hostKeys.filter(({ activates }) =>
      activates.some(
        ({ keyGroups, editions }) => keyGroups.includes(row.groupAnchor) || editions.includes(name),
      ),
    ),
  }));
}

/**
 * What the tables name that the family pages do not have: a version group or an edition no
 * row lists. Each problem names the file and the line, so the build's message points at it.
 */
export function coverageProblems(
  data: HostKeys,
  file: string,
  rows: readonly RowPlace[],
): string[] {
  const anchors = new Set(rows.map(({ groupAnchor }) => groupAnchor));
  const names = new Set(rows.flatMap(({ names }) => names));
  const problems: string[] = [];
  for (const { group, activates } of data.hostKeys) {
    for (const { text, keyGroups, editions } of activates) {
      for (const anchor of keyGroups.filter((a) => !anchors.has(a)))
        problems.push(`${file}: ${group}, "${text}": no version group has the anchor "${anchor}"`);
      for (const name of editions.filter((n) => !names.has(n)))
        problems.push(`${file}: ${group}, "${text}": no row is named "${name}"`);
    }
  }
  return [...new Set(problems)];
}

/**
 * A row's host keys as a family page shows them: the names that share a set of host key
 * groups together, each set by short name ("Windows Server 2025", "Windows 10"); one entry
 * with every name when all share it. An empty set means Microsoft's table does not list them.
 */
export function rowHostKeyLines(
  data: HostKeys,
  row: RowPlace,
): { names: string[]; groups: string[] }[] {
  const lines: { names: string[]; groups: string[] }[] = [];
  for (const { name, groups } of rowHostKeys(data, row)) {
    const short = groups.map(({ group }) => shortGroupName(group));
    const same = lines.find((line) => line.groups.join("\n") === short.join("\n"));
    if (same) same.names.push(name);
    else lines.push({ names: [name], groups: short });
  }
  return lines;
}

/**
 * The host key groups every row of a version group shares, each row with one set for all its
 * names (rowHostKeyLines): a family page then says them once, under the group's heading.
 */
export function sharedGroups(
  rows: readonly { names: string[]; groups: string[] }[][],
): string[] | undefined {
  const [first] = rows;
  const groups = first?.[0]?.groups;
  if (groups === undefined) return undefined;
  const same = (lines: readonly { groups: string[] }[]) =>
    lines.length === 1 && lines[0]?.groups.join("\n") === groups.join("\n");
  return rows.every(same) ? groups : undefined;
}
