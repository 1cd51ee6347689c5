/**
 * A question about KMS hosts typed in the search box ("2019 host 2025", "can my Windows
 * Server 2019 KMS host activate Windows Server 2025", "host key for windows 11"), read into a
 * host and clients, and answered from Microsoft's tables (hostAnswers.ts) in plain sentences.
 * A word the tables cannot speak to is named, and nothing is guessed for it.
 */
import { isGeneralWord, searchWords, splitRunTogether } from "../search/searchQuery";
import { listWords, quoteWords } from "../text/lists";
import {
  clientAnchor,
  describeUpdate,
  groupAnchor,
  hostAnchor,
  hostUpdates,
  keysActivating,
  keysHostedOn,
  listVersions,
  notOnAzureEdition,
  requiredUpdates,
  shortGroupName,
  versionsActivated,
} from "./hostAnswers";
import { versionOf, type HostKeyGroup, type HostKeys } from "./hostKeySchema";

const HOST_WORDS = new Set(["host", "hosts", "csvlk", "csvlks"]);
/** Words that come before a version's number: "windows server 2019", "ws 2019", "win 10". */
const VERSION_PREFIX = new Set(["windows", "win", "w", "ws", "server", "srv", "svr"]);
/** What may follow a host's version: the edition or installation it runs ("2019 datacenter host"). */
const HOST_EDITION_WORDS = new Set(
  "standard datacenter essentials azure edition core desktop experience pro enterprise education n ltsc ltsb".split(
    " ",
  ),
);
/** The small words of a question about hosts, which say nothing the tables answer. */
const QUESTION_WORDS = new Set(
  (
    "all be between can client clients computers could do does editions hold hosted if it " +
    "newer on older run running server servers support supports update updates use with " +
    "will would activates activated required requires get"
  ).split(" "),
);

export interface HostQuestion {
  host?: string | undefined;
  /** The version a host key group is named for, when the question names the key ("2019 csvlk"). */
  group?: string | undefined;
  /** Client versions, in the order typed, each once. */
  clients: string[];
  /** The words typed after a client's version ("datacenter", "pro n"): the edition asked about. */
  editions?: { version: string; words: string[] }[] | undefined;
  /** The words typed after the host's version: the edition it runs ("datacenter", "azure"). */
  hostEdition?: string[] | undefined;
  /** Words the tables cannot speak to, as typed. */
  unknown: string[];
}

/** The words of each listed version that tell it from the others: "2012 r2", "11", "81". */
function versionWords(version: string): string[] {
  const words = searchWords(version);
  while (words.length > 1 && VERSION_PREFIX.has(words[0] ?? "")) words.shift();
  return words;
}

/** Words the way both the tables and a question are compared: "professional" is "pro". */
function editionWords(text: string): string[] {
  return searchWords(text).map((word) => (word === "professional" ? "pro" : word));
}

/** The host key group named for `version` ("Volume License for Windows Server 2019"), if any. */
function groupNamedFor(version: string, groups: readonly string[]): string | undefined {
  return groups.find((group) => shortGroupName(group) === version);
}

/** Reads `text` against the tables' versions and the names of their host key groups. */
export function readHostQuestion(
  text: string,
  versions: readonly string[],
  groups: readonly string[] = [],
): HostQuestion {
  const words = editionWords(text.slice(0, 200))
    .flatMap(splitRunTogether)
    .flatMap((word) => (word === "sac" ? ["semi", "annual", "channel"] : [word]));
  const patterns = versions
    .map((version) => ({ version, words: versionWords(version) }))
    .sort((a, b) => b.words.length - a.words.length);
  const found: { version: string; start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = patterns.find((p) => p.words.every((word, j) => words[i + j] === word));
    if (match === undefined) continue;
    found.push({ version: match.version, start: i, end: i + match.words.length });
    i += match.words.length - 1;
  }
  const inVersion = (i: number) => found.some(({ start, end }) => i >= start && i < end);
  const neutral = (word: string) =>
    HOST_WORDS.has(word) ||
    VERSION_PREFIX.has(word) ||
    isGeneralWord(word) ||
    QUESTION_WORDS.has(word);
  const question: HostQuestion = { clients: [], unknown: [] };
  const qualifying = new Set<number>();
  for (const { version, start, end } of found) {
    let before = start - 1;
    while (before >= 0 && (VERSION_PREFIX.has(words[before] ?? "") || words[before] === "kms"))
      before--;
    // The words after the version that are neither a version nor a question's: its edition.
    let after = end;
    const edition: string[] = [];
    while (after < words.length && !inVersion(after) && !neutral(words[after] ?? "")) {
      qualifying.add(after);
      edition.push(words[after++] ?? "");
    }
    // "2022 azure edition host", "2019 kms host": the host word may come after these.
    while (words[after] === "kms" || words[after] === "edition") after++;
    const next = words[after] ?? "";
    // "2019 host key", "2019 csvlk": the host key named for 2019, when there is one.
    const namesKey =
      next.startsWith("csvlk") || (HOST_WORDS.has(next) && words[after + 1]?.startsWith("key"));
    if (namesKey && question.group === undefined && groupNamedFor(version, groups)) {
      question.group = version;
      continue;
    }
    // Else "windows 11 host key" asks which host key activates Windows 11.
    const isHost =
      !namesKey &&
      (HOST_WORDS.has(next) || ["host", "hosts", "on", "running"].includes(words[before] ?? ""));
    if (isHost && question.host === undefined) {
      question.host = version;
      if (edition.length > 0) question.hostEdition = edition;
      // A host's own edition changes nothing on the tables; another word ("office") does.
      for (const [i, word] of edition.entries())
        if (!HOST_EDITION_WORDS.has(word)) qualifying.delete(end + i);
    } else if (!question.clients.includes(version)) {
      question.clients.push(version);
      if (edition.length > 0) (question.editions ??= []).push({ version, words: edition });
    }
  }
  words.forEach((word, i) => {
    if (inVersion(i) || qualifying.has(i) || neutral(word)) return;
    if (!question.unknown.includes(word)) question.unknown.push(word);
  });
  return question;
}

/**
 * Why the tables can't answer for the edition asked about, or undefined when they can: a
 * line says "(all editions)", or the words typed stand together in one of the version's lines
 * or in the name of an edition a line covers ("pro n" in "Windows 10 Pro N").
 */
function editionGap(data: HostKeys, question: HostQuestion, client: string): string | undefined {
  const typed = question.editions?.find(({ version }) => version === client)?.words ?? [];
  if (typed.length === 0) return undefined;
  const lines = data.hostKeys
    .flatMap(({ activates }) => activates)
    .filter(({ text }) => versionOf(text, data.versions) === client);
  if (lines.some(({ text }) => text.includes("(all editions)"))) return undefined;
  const phrase = ` ${typed.join(" ")} `;
  const names = lines.flatMap(({ text, editions }) => [text, ...editions]);
  if (names.some((name) => ` ${editionWords(name).join(" ")} `.includes(phrase))) return undefined;
  const listed = [...new Set(lines.map(({ text }) => text))];
  return `Microsoft's table of KMS host keys lists no “${typed.join(" ")}” edition of ${client}${listed.length > 0 ? `: for ${client} it lists ${listed.join("; ")}` : ""}.`;
}

/** The search box's answer: one sentence that decides, points that explain, where to read more. */
export interface HostAnswer {
  summary: string;
  points: string[];
  /** The anchor on the host-key page that answers the same question; "" for the page's top. */
  anchor: string;
}

const keyNames = (groups: readonly HostKeyGroup[]) =>
  `the host key for ${listVersions(groups.map(({ group }) => shortGroupName(group)))}`;

/** Where each group can be installed: "Host key for Windows Server 2025: install it on …". */
function hostingPoints(groups: readonly HostKeyGroup[]): string[] {
  return groups.map(
    ({ group, hostedOn }) =>
      `Host key for ${shortGroupName(group)}: install it on ${listVersions(hostedOn.map(({ version }) => version))}.`,
  );
}

/** Microsoft's lines for `client` in a group: the editions it means. */
function editionLines(data: HostKeys, group: HostKeyGroup, client: string): string {
  const lines = group.activates
    .map(({ text }) => text)
    .filter((text) => versionOf(text, data.versions) === client);
  return `Microsoft lists, for ${client}: ${lines.join("; ")}.`;
}

export function answerHostQuestion(data: HostKeys, question: HostQuestion): HostAnswer {
  const { host, group, clients, unknown } = question;
  if (unknown.length > 0)
    return {
      summary: `Microsoft's table of KMS host keys names versions of Windows only; it says nothing about ${quoteWords(unknown)}.`,
      points: [`It names ${listVersions(data.versions, "and")}.`],
      anchor: "",
    };
  const named = data.hostKeys.find((hostKey) => shortGroupName(hostKey.group) === group);
  if (named !== undefined && host === undefined && clients.length === 0)
    return groupOnly(data, named);
  // Microsoft's footnote: Azure activates Datacenter: Azure Edition, so it can't be a KMS host.
  const azure =
    host !== undefined &&
    question.hostEdition?.includes("azure") === true &&
    keysHostedOn(data, host).some((hostKey) => notOnAzureEdition(hostKey, host));
  if (azure)
    return {
      summary: `No: ${host} Datacenter: Azure Edition can't be a KMS host: Azure activates it.`,
      points: [`A KMS host on ${host} must run another edition.`],
      anchor: hostAnchor(host),
    };
  const gap = clients.map((client) => editionGap(data, question, client)).find(Boolean);
  if (gap !== undefined)
    return { summary: gap, points: [], anchor: clientAnchor(clients[0] ?? "") };
  if (host !== undefined && clients.length > 0) return hostAndClient(data, host, clients[0] ?? "");
  if (host !== undefined) return hostOnly(data, host);
  if (clients.length > 0) return clientsOnly(data, clients);
  const { rules } = data;
  return {
    summary:
      "Ask about a host and a client (“2019 host 2025”) or a version (“host key for Windows 11”).",
    points: [
      `A KMS host activates Windows clients once it has counted ${rules.clientThreshold} computers, and Windows Server and volume Office once it has counted ${rules.serverThreshold}.`,
      `An activation lasts ${rules.validityDays} days; clients renew it every ${rules.renewalDays} days.`,
    ],
    anchor: "",
  };
}

function hostAndClient(data: HostKeys, host: string, client: string): HostAnswer {
  const onHost = keysHostedOn(data, host);
  const forClient = keysActivating(data, client);
  const keys = onHost.filter((group) => forClient.includes(group));
  const updates = requiredUpdates(data, host, client).map(describeUpdate);
  const anchor = hostAnchor(host);
  if (keys.length === 0) {
    const points = [
      onHost.length === 0
        ? `Microsoft's table lists no host key that can be installed on ${host}.`
        : `${host} can hold ${keyNames(onHost)}, and none of them activates ${client}.`,
      forClient.length === 0
        ? `No host key on the table activates ${client}.`
        : `${client} is activated by ${keyNames(forClient)}.`,
      ...hostingPoints(forClient),
    ];
    if (updates.length > 0)
      points.push(
        `Microsoft's table of required updates does list, for this pair: ${updates.join("; ")}.`,
      );
    return {
      summary: `No: on Microsoft's table, no host key that a ${host} KMS host can hold activates ${client}.`,
      points,
      anchor,
    };
  }
  const points = [
    updates.length > 0
      ? `The host needs ${updates.join(", or ")} (Microsoft's table of required updates).`
      : `Microsoft's table of required updates lists none for this pair.`,
    editionLines(data, keys[0] as HostKeyGroup, client),
  ];
  if (keys.some((group) => notOnAzureEdition(group, host)))
    points.push(
      `Not on ${host} Datacenter: Azure Edition: Azure activates it, so it can't be a KMS host.`,
    );
  return {
    summary: `Yes: a ${host} KMS host activates ${client} with ${keyNames(keys)}.`,
    points,
    anchor,
  };
}

function hostOnly(data: HostKeys, host: string): HostAnswer {
  const keys = keysHostedOn(data, host);
  const updates = hostUpdates(data, host).map(
    ({ client, update }) => `${describeUpdate(update)} (for ${client})`,
  );
  const points = keys.map(
    (group) =>
      `With the host key for ${shortGroupName(group.group)}, it activates ${listVersions(versionsActivated(data, group), "and")}.`,
  );
  if (updates.length > 0)
    points.push(`Updates Microsoft lists for it: ${[...new Set(updates)].join("; ")}.`);
  if (keys.some((group) => notOnAzureEdition(group, host)))
    points.push(
      `Not on ${host} Datacenter: Azure Edition: Azure activates it, so it can't be a KMS host.`,
    );
  return {
    summary:
      keys.length === 0
        ? `Microsoft's table lists no host key that can be installed on ${host}.`
        : `A ${host} KMS host can hold ${keyNames(keys)}.`,
    points,
    anchor: hostAnchor(host),
  };
}

function clientsOnly(data: HostKeys, clients: readonly string[]): HostAnswer {
  const keys = data.hostKeys.filter((group) =>
    clients.every((client) => keysActivating(data, client).includes(group)),
  );
  const named = listWords(clients);
  const anchor = clientAnchor(clients[0] ?? "");
  if (keys.length === 0)
    return {
      summary: `No host key on Microsoft's table activates ${clients.length > 1 ? `all of ${named}` : named}.`,
      points: clients.map((client) => {
        const groups = keysActivating(data, client);
        return groups.length === 0
          ? `${client}: no host key on the table.`
          : `${client}: ${keyNames(groups)}.`;
      }),
      anchor,
    };
  return {
    summary: `${named} ${clients.length > 1 ? "are" : "is"} activated by a KMS host with ${keyNames(keys)}.`,
    points: [
      ...hostingPoints(keys),
      ...(clients.length === 1
        ? [editionLines(data, keys[0] as HostKeyGroup, clients[0] ?? "")]
        : []),
      "Host keys (CSVLKs) are your organisation's own, from the Volume Licensing Service Center: this site lists none.",
    ],
    anchor,
  };
}

function groupOnly(data: HostKeys, group: HostKeyGroup): HostAnswer {
  const name = shortGroupName(group.group);
  return {
    summary: `The host key for ${name} (${group.group}) activates ${listVersions(versionsActivated(data, group), "and")}.`,
    points: [
      ...hostingPoints([group]),
      "Host keys (CSVLKs) are your organisation's own, from the Volume Licensing Service Center: this site lists none.",
    ],
    anchor: groupAnchor(group.group),
  };
}
