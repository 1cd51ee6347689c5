/**
 * A question about converting an edition typed in the search box ("pro to enterprise",
 * "standard to datacenter", "evaluation", "ServerDatacenterEval"), answered from the
 * conversion files (content/edition-upgrades/, content/server-conversions/) in plain
 * sentences, with the place on /convert/ that says more. Only what the tables say.
 */
import { searchWords } from "../search/searchQuery";
import type { EditionUpgrades, ServerConversion, Support } from "./conversionSchema";
import { DISM_EDITION_NAME, isEvaluation } from "./dismEdition";
import { placeholderLine } from "./conversionCommands";

/** What /conversions.json publishes: both files. */
export interface Conversions {
  upgrades: EditionUpgrades;
  server: ServerConversion;
}

export interface ConversionAnswer {
  summary: string;
  points: string[];
  /** The section of /convert/ that says more. */
  anchor: string;
}

const DISM_NAME = new RegExp(`^${DISM_EDITION_NAME}$`);
const SUPPORT_WORDS: Record<Support, string> = {
  yes: "supported, no reboot",
  reboot: "supported, with a reboot",
  no: "not supported",
};

/** Words compared as the tables' names: "professional" is "pro". */
function words(text: string): string[] {
  return searchWords(text).map((word) => (word === "professional" ? "pro" : word));
}

/** The longest of `names` whose words end at `end` (exclusive) or start at `start`. */
function editionAt(
  typed: readonly string[],
  names: readonly string[],
  at: { end: number } | { start: number },
): string | undefined {
  let found: string | undefined;
  for (const name of names) {
    const own = words(name);
    const from = "end" in at ? at.end - own.length : at.start;
    if (from < 0 || !own.every((word, i) => typed[from + i] === word)) continue;
    if (found === undefined || own.length > words(found).length) found = name;
  }
  return found;
}

export function answerConversion(
  text: string,
  { upgrades, server }: Conversions,
): ConversionAnswer | undefined {
  const all = words(text.slice(0, 200)).filter((word) => word !== "edition");
  // N and KN editions upgrade to their N and KN counterparts the same ways (Microsoft's note).
  const typed = all.filter((word) => word !== "n" && word !== "kn");
  const to = typed.indexOf("to");
  const editions = [...new Set(upgrades.upgrades.flatMap(({ from, to }) => [from, to]))];
  if (to > 0) {
    const from = editionAt(typed, editions, { end: to });
    const target = editionAt(typed, editions, { start: to + 1 });
    if (from !== undefined && target !== undefined)
      return clientPath(upgrades, from, target, typed.length !== all.length);
    const standard = typed[to - 1] === "standard" && typed[to + 1] === "datacenter";
    if (standard) return standardToDatacenter(server);
  }
  // A word that starts like one of the page's DISM names ("ServerDatacenterEval", "serverstandard").
  const stems = server.editionNames.map(({ dism }) => dism.replace(/eval$/i, "").toLowerCase());
  const dism = text
    .slice(0, 200)
    .split(/[^A-Za-z0-9]+/)
    .find(
      (word) => DISM_NAME.test(word) && stems.some((stem) => word.toLowerCase().startsWith(stem)),
    );
  if (dism !== undefined) return dismName(server, dism);
  if (typed.some((word) => word.startsWith("eval"))) return evaluation(undefined);
  return undefined;
}

function clientPath(
  upgrades: EditionUpgrades,
  from: string,
  to: string,
  variant: boolean,
): ConversionAnswer {
  const path = upgrades.upgrades.find((row) => row.from === from && row.to === to);
  const downgrade = upgrades.downgrades.find((row) => row.from === from)?.to.includes(to);
  if (path === undefined)
    return {
      summary: downgrade
        ? `${from} to ${to} is a downgrade Microsoft supports, for when a volume licence has expired, by the same methods as an upgrade.`
        : `Microsoft's table of Windows edition upgrades has no path from ${from} to ${to}.`,
      points: [],
      anchor: "windows-editions",
    };
  const methods = upgrades.methods.map(
    (method, i) => `${method}: ${SUPPORT_WORDS[path.methods[i] ?? "no"]}.`,
  );
  const commandLine = upgrades.methods.indexOf("Command-line tool");
  const byKey = commandLine !== -1 && path.methods[commandLine] !== "no";
  const noReboot = path.methods.every((support) => support !== "reboot");
  return {
    summary: `${from} to ${to}: an upgrade Microsoft supports${noReboot ? ", with no reboot" : ""}.`,
    points: [
      ...methods,
      ...(byKey
        ? [`From the command line: install the ${to} KMS client key with slmgr /ipk.`]
        : []),
      ...(variant ? [`An N or KN edition upgrades to the N or KN ${to} the same ways.`] : []),
    ],
    anchor: "windows-editions",
  };
}

function standardToDatacenter(server: ServerConversion): ConversionAnswer {
  return {
    summary:
      "Windows Server Standard converts to Datacenter at any time, with DISM and a retail product key.",
    points: [
      placeholderLine(
        server.commands.setEdition,
        { key: "product key" },
        { edition: "ServerDatacenter" },
      ),
    ],
    anchor: "standard-to-datacenter",
  };
}

function evaluation(name: string | undefined): ConversionAnswer {
  return {
    summary: `${name === undefined ? "A Windows Server evaluation" : `${name} is an evaluation: it`} converts to a retail edition with DISM and a retail product key, then to a KMS client with its edition's KMS client key.`,
    points: [
      "A Datacenter evaluation converts to retail Datacenter only.",
      "A domain controller can't be converted from evaluation to retail.",
    ],
    anchor: "evaluation",
  };
}

function dismName(server: ServerConversion, name: string): ConversionAnswer {
  if (isEvaluation(name)) return evaluation(name);
  const known = server.editionNames.find(({ dism }) => dism.toLowerCase() === name.toLowerCase());
  return {
    summary:
      known === undefined
        ? `${name} looks like an edition name as DISM prints it; Microsoft's conversion page does not name it.`
        : `${known.dism} is how DISM names ${known.edition}.`,
    points: [],
    anchor: /standard/i.test(name) ? "standard-to-datacenter" : "evaluation",
  };
}
