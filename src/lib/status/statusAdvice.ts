/**
 * What a read product means, in words and links, and the commands it supports: the status
 * page draws these (scripts/statusView.ts) as text. Every statement is one of Microsoft's
 * pages the site keeps (the KMS troubleshooting guide, the key page, the Office KMS host page,
 * the error codes); nothing is inferred beyond them. Commands come only from the key's method
 * (activation/methods.ts), and only for a key the site lists.
 */
import { listWords } from "../text/lists";
import { isEvaluation } from "../conversions/dismEdition";
import { hostProblem } from "../activation/hostProblem";
import { methodById } from "../activation/methodList";
import { fillLine, type ActivationMethod } from "../activation/methods";
import {
  MAX_STATUS_INPUT,
  type ProductReading,
  type StatusKey,
  type StatusReading,
} from "./statusReading";

export type Link =
  /** A key's row: its path below the site's base. */
  | { kind: "row"; path: string; text: string }
  /** An error code's page, or the list when Microsoft's list has no such code. */
  | { kind: "error"; code: string; listed: boolean }
  /** The search box, with an edition's words. */
  | { kind: "search"; words: string; text: string }
  /** The helper for a row, with a KMS host when one was read. */
  | { kind: "helper"; path: string; host?: string | undefined; text: string }
  /** A page of the site: its path below the site's base, built from checked parts only. */
  | { kind: "page"; path: string; text: string };

export interface Finding {
  /** What it is about: "Installed key", "Channel", "Licence status", … */
  topic: string;
  text: string;
  /** "ok": as it should be; "warn": what stops activation, or may; "info": neither. */
  tone: "ok" | "warn" | "info";
  link?: Link | undefined;
}

export interface ProductAdvice {
  title: string;
  findings: Finding[];
  /** Lines to run, from the key's method; empty when the reading supports none. */
  commands: string[];
  /** What the reader could not find for this product. */
  notRead: string[];
  /** The row of the installed key, whose helper gives every step (and the Office folder). */
  helperPath?: string | undefined;
}

/** Known error codes and Microsoft's message for each. */
export type KnownCodes = ReadonlyMap<string, string>;

/**
 * Each licensing application's KMS host thresholds, by its Application ID (printed by
 * `/dlv`): the KMS troubleshooting guide (Windows) and "Configure an Office KMS host".
 */
export const KMS_THRESHOLDS: Readonly<
  Record<string, { product: string; thresholds: { who: string; count: number }[]; max: string }>
> = {
  "55c92734-d682-4d71-983e-d6ec3f16059f": {
    product: "Windows",
    thresholds: [
      { who: "Windows Server", count: 5 },
      { who: "Windows client editions", count: 25 },
    ],
    max: "50 (10 where only Windows Server clients ask)",
  },
  "0ff1ce16-a989-479d-af46-f275c6370663": {
    product: "Office",
    thresholds: [{ who: "Office", count: 5 }],
    max: "10",
  },
};

const KMS_CLIENT = "VOLUME_KMSCLIENT";
/** `VOLUME_KMS` (and any `VOLUME_KMS_…` but the client's): a KMS host key. */
const KMS_HOST = /^VOLUME_KMS(?:_[A-Z0-9_]+)?$/;
/** An evaluation's channel (`TIMEBASED_EVAL`): Microsoft says an evaluation's name or output includes EVAL. */
const EVALUATION = /EVAL/;

/** Converting from a KMS host, MAK or retail to a KMS client takes the KMS client key (Microsoft's planning page). */
const TO_KMS_CLIENT =
  "To make it a KMS client, install its edition's KMS client key (GVLK) in place of this key, where Microsoft publishes one for the edition.";
const HOST_KEYS: Link = {
  kind: "page",
  path: "kms-hosts/",
  text: "Which clients each host key activates",
};
const CONVERT_EVALUATION: Link = {
  kind: "page",
  path: "convert/#evaluation",
  text: "Convert an evaluation to retail",
};

/**
 * Whether a product is Windows (the host keys' table is about Windows): by its Application ID
 * where printed, else not ospp.vbs's and not named Office.
 */
function isWindows(product: ProductReading): boolean {
  if (product.applicationId !== undefined)
    return KMS_THRESHOLDS[product.applicationId]?.product === "Windows";
  return !product.ospp && !/office/i.test(product.name ?? "");
}

/** Each channel in words, and what it means for the next step. */
const CHANNELS: readonly {
  channel: RegExp;
  text: string;
  tone: Finding["tone"];
  /** What comes next: search for its edition's key, convert it first, or the host keys' table. */
  next?: "search" | "convert" | "hosts";
}[] = [
  {
    channel: /^VOLUME_KMSCLIENT$/,
    text: "a KMS client key (GVLK) is installed, so the machine activates against a KMS host.",
    tone: "ok",
  },
  {
    channel: KMS_HOST,
    text: "a KMS host key (CSVLK) is installed: this machine is a KMS host, and activates KMS clients.",
    tone: "info",
    next: "hosts",
  },
  {
    channel: /^VOLUME_MAK$/,
    text: `a Multiple Activation Key (MAK), volume activation without a KMS host. ${TO_KMS_CLIENT}`,
    tone: "info",
    next: "search",
  },
  {
    channel: /^RETAIL$/,
    text: `a retail key, not a KMS client. ${TO_KMS_CLIENT}`,
    tone: "info",
    next: "search",
  },
  {
    channel: /^OEM_[A-Z0-9_]+$/,
    text: `an OEM key, not a KMS client. ${TO_KMS_CLIENT}`,
    tone: "info",
    next: "search",
  },
  {
    channel: EVALUATION,
    text: "an evaluation, which runs for a limited time. It becomes a KMS client in two steps: convert it to a retail edition with DISM, then install its edition's KMS client key.",
    tone: "warn",
    next: "convert",
  },
];

export function adviseProduct<T extends StatusKey>(
  product: ProductReading<T>,
  known: KnownCodes,
  hostKeyCodes: ReadonlySet<string> = new Set(),
): ProductAdvice {
  const { listed } = product;
  const method = listed ? methodById(listed.method) : undefined;
  const isHost = product.channel !== KMS_CLIENT && KMS_HOST.test(product.channel ?? "");
  const findings: Finding[] = [
    ...keyFindings(product),
    ...channelFindings(product),
    ...statusFindings(product, isHost),
    ...product.codes.flatMap((code) =>
      codeFindings(code, known, isWindows(product) ? hostKeyCodes : new Set()),
    ),
    ...product.messages.map((message): Finding => ({
      topic: "Error",
      text: `“${message}”`,
      tone: "warn",
    })),
    ...hostFindings(product, method),
    ...countFindings(product),
  ];
  if (product.activated)
    findings.push({ topic: "Activation", text: "Activated successfully.", tone: "ok" });
  if (product.expiry !== undefined)
    findings.push({ topic: "Activation expiry", text: product.expiry, tone: "info" });
  return {
    title: titleOf(product),
    findings,
    commands: method && !isHost ? commandsFor(product, method) : [],
    notRead: notRead(product),
    helperPath: listed?.path,
  };
}

function titleOf(product: ProductReading): string {
  if (product.listed) return `${product.listed.keyKind} of ${product.listed.names.join(" / ")}`;
  return product.name ?? (product.partialKey ? `Key ending in ${product.partialKey}` : "Product");
}

function keyFindings(product: ProductReading): Finding[] {
  const { partialKey, listed } = product;
  if (partialKey === undefined) return [];
  if (listed)
    return [
      {
        topic: "Installed key",
        text: `Ends in ${partialKey}: the ${listed.keyKind} of ${listed.names.join(" / ")}, as Microsoft lists it.`,
        tone: "ok",
        link: { kind: "row", path: listed.path, text: "Its row" },
      },
    ];
  return [
    {
      topic: "Installed key",
      text: `Ends in ${partialKey}, and no key on this site does: it is not one of the client keys Microsoft publishes${product.channel === KMS_CLIENT ? ", although the channel says a KMS client key is installed" : product.channel === undefined ? " (a MAK, retail or OEM key, for example)" : ""}.`,
      tone: "info",
    },
  ];
}

function channelFindings(product: ProductReading): Finding[] {
  const { channel } = product;
  const evaluationName = product.name !== undefined && isEvaluation(product.name);
  if (channel === undefined)
    return evaluationName
      ? [
          evaluationFinding(
            product,
            `${product.name ?? ""}: an evaluation (its name includes Eval).`,
          ),
        ]
      : [];
  const known = CHANNELS.find((entry) => entry.channel.test(channel));
  if (known === undefined)
    return [
      {
        topic: "Channel",
        text: `${channel}: a channel this reader has no Microsoft description of; nothing is concluded from it.`,
        tone: "info",
      },
      ...(evaluationName
        ? [
            evaluationFinding(
              product,
              `${product.name ?? ""}: an evaluation (its name includes Eval).`,
            ),
          ]
        : []),
    ];
  if (known.next === "convert")
    return [evaluationFinding(product, `${channel}: ${known.text}`, "Channel")];
  const words =
    known.next === "search" && product.name !== undefined ? editionWords(product.name) : "";
  const link: Link | undefined =
    known.next === "hosts"
      ? isWindows(product)
        ? HOST_KEYS
        : undefined
      : words === ""
        ? undefined
        : { kind: "search", words, text: `Search for “${words}”` };
  return [{ topic: "Channel", text: `${channel}: ${known.text}`, tone: known.tone, link }];
}

/** An evaluation: what it is, its time left, and the way to retail. */
function evaluationFinding(product: ProductReading, text: string, topic = "Evaluation"): Finding {
  // The licence status says the time left where there is one.
  const left =
    product.timeLeft === undefined || product.status !== undefined
      ? ""
      : ` Time left: ${product.timeLeft}.`;
  return { topic, text: `${text}${left}`, tone: "warn", link: CONVERT_EVALUATION };
}

function statusFindings(product: ProductReading, isHost: boolean): Finding[] {
  const { status } = product;
  if (status === undefined) return [];
  const left = product.timeLeft === undefined ? "" : ` Time left: ${product.timeLeft}.`;
  const finding = (text: string, tone: Finding["tone"]): Finding[] => [
    { topic: "Licence status", text: `${status.text}: ${text}${left}`, tone },
  ];
  if (status.kind === "licensed") return finding("activated.", "ok");
  if (isHost)
    return finding(
      "not activated. On a KMS host, any value other than Licensed means the host should be reactivated.",
      "warn",
    );
  const client = product.channel === KMS_CLIENT;
  switch (status.kind) {
    case "grace":
      return finding(
        client
          ? "not activated yet. A KMS client stuck in a grace period while the KMS host works is kept from reaching the host: a firewall or a network outage, for example."
          : "not activated yet.",
        "warn",
      );
    case "notification":
      return finding(
        "not activated, and the grace period has ended (the Notifications state).",
        "warn",
      );
    case "unlicensed":
      return finding("not activated.", "warn");
    default:
      return finding("a status this reader does not know.", "info");
  }
}

/** A code's finding; for a code that means the host reached can't activate the client, the host keys' table too. */
function codeFindings(
  code: string,
  known: KnownCodes,
  hostKeyCodes: ReadonlySet<string>,
): Finding[] {
  const finding = codeFinding(code, known);
  if (!hostKeyCodes.has(code)) return [finding];
  return [
    finding,
    {
      topic: "KMS host",
      text: `${code}: the KMS host this client reached can't activate it. Which host key (CSVLK) activates which versions of Windows, and where each can be installed, is in Microsoft's table.`,
      tone: "warn",
      link: HOST_KEYS,
    },
  ];
}

function codeFinding(code: string, known: KnownCodes): Finding {
  const message = known.get(code);
  return message === undefined
    ? {
        topic: "Error code",
        text: `${code}: not on Microsoft's list of activation error codes.`,
        tone: "warn",
        link: { kind: "error", code, listed: false },
      }
    : {
        topic: "Error code",
        text: `${code}: ${message}`,
        tone: "warn",
        link: { kind: "error", code, listed: true },
      };
}

const HOST_SOURCE = {
  registered: "Set on this machine",
  dns: "Found in DNS",
} as const;

function hostFindings(product: ProductReading, method: ActivationMethod | undefined): Finding[] {
  const findings: Finding[] = product.hosts.map(({ from, text, reading }) => {
    if (!reading.ok)
      return {
        topic: "KMS host",
        text: `${HOST_SOURCE[from]}: “${text}”, which is not a host this site puts in a command. ${reading.message}`,
        tone: "warn",
      };
    const problem = method ? hostProblem(method, reading) : undefined;
    const helper =
      product.listed && method?.kmsHost && problem === undefined
        ? {
            kind: "helper" as const,
            path: product.listed.path,
            host: reading.skms,
            text: "Commands for this edition and host",
          }
        : undefined;
    return {
      topic: "KMS host",
      text: `${HOST_SOURCE[from]}: ${reading.skms}.${problem === undefined ? "" : ` ${problem}`}`,
      tone: "info",
      link: helper,
    };
  });
  if (product.noDnsHost) {
    const none = product.hosts.length === 0;
    findings.push({
      topic: "KMS host",
      text: `DNS auto-discovery found no KMS host (no _vlmcs._tcp record).${none ? " No host is set on the machine either: publish the KMS host in DNS, or set it on this client." : ""}`,
      tone: none ? "warn" : "info",
      link:
        none && product.listed && method?.kmsHost
          ? { kind: "helper", path: product.listed.path, text: "Set a KMS host for this edition" }
          : undefined,
    });
  }
  return findings;
}

function countFindings(product: ProductReading): Finding[] {
  const host = product.kmsHost;
  if (host === undefined) return [];
  const findings: Finding[] = [];
  if (host.count !== undefined) {
    const rules = KMS_THRESHOLDS[product.applicationId ?? ""];
    const all = rules ? [rules] : Object.values(KMS_THRESHOLDS);
    const lowest = Math.min(...all.flatMap((rule) => rule.thresholds.map((t) => t.count)));
    const highest = Math.max(...all.flatMap((rule) => rule.thresholds.map((t) => t.count)));
    const thresholds = all
      .map(
        (rule) =>
          `${rule.product} KMS clients activate at a count of ${listWords(rule.thresholds.map((t) => `${t.count} or more for ${t.who}`))}, and the count goes no higher than ${rule.max}`,
      )
      .join(". ");
    const zero =
      host.count === 0
        ? " A count of 0: the service was activated recently, or no valid client has asked."
        : "";
    const one =
      host.count === 1
        ? " If it stays at 1 although there are enough clients, they share a Client Machine ID (CMID): their image was not generalized with sysprep."
        : "";
    findings.push({
      topic: "KMS host count",
      text: `Current count ${host.count}. ${thresholds}.${zero}${one}`,
      tone: host.count < lowest ? "warn" : host.count < highest ? "info" : "ok",
    });
  }
  if (host.port !== undefined)
    findings.push({
      topic: "KMS host port",
      text: `Listening on TCP port ${host.port}${host.port === "1688" ? " (the default)" : ""}: it must be open between the KMS clients and this host.`,
      tone: "info",
    });
  return findings;
}

/** Activate and show the status, for a key the site lists whose status is not Licensed. */
function commandsFor(product: ProductReading, method: ActivationMethod): string[] {
  if (product.status?.kind === "licensed" && product.codes.length === 0) return [];
  return [...method.activate, ...method.status].flatMap(
    (template) => fillLine(method, template, {}) ?? [],
  );
}

function notRead(product: ProductReading): string[] {
  const missing: string[] = [];
  if (product.partialKey === undefined) missing.push("the installed key");
  if (product.channel === undefined) missing.push("the channel");
  if (product.status === undefined) missing.push("the licence status");
  return missing;
}

/**
 * The words of a product's `Name:` line a search can use: `Windows(R), ServerDatacenter
 * edition` → "Windows Server Datacenter", `Office 16, Office19ProPlus2019VL_MAK_AE edition` →
 * "Office Pro Plus 2019". The name gives no version for most Windows editions: the search
 * then lists every version, which is the honest answer.
 */
export function editionWords(name: string): string {
  const clean = name
    .replace(/\((?:R|TM)\)/gi, "")
    .replace(/\s+edition\s*$/i, "")
    .trim();
  const comma = clean.indexOf(",");
  const left = comma === -1 ? "" : clean.slice(0, comma);
  const sku = (comma === -1 ? clean : clean.slice(comma + 1)).split("_")[0]?.replace(/VL$/, "");
  const skuWords = splitWords(sku ?? "");
  const leftWords = splitWords(left);
  // "Office 16, Office19ProPlus…": the part before the comma is the platform, named again after it.
  const words =
    leftWords[0]?.toLowerCase() === skuWords[0]?.toLowerCase()
      ? skuWords
      : [...leftWords, ...skuWords];
  const seen = new Set<string>();
  return words
    .filter((word, i) => {
      const lower = word.toLowerCase();
      if (seen.has(lower)) return false;
      seen.add(lower);
      // "19" in "Office19ProPlus2019": the end of a year named too.
      return !(
        /^\d+$/.test(word) &&
        words.some((other, j) => j !== i && other.length > word.length && other.endsWith(word))
      );
    })
    .join(" ");
}

/**
 * Words of a name split at case and digit changes ("ServerDatacenter", "ProPlus2021"); a single
 * letter ("EnterpriseS", "EnterpriseN") is left out: the search then lists that edition's
 * variants too, rather than answer "no key" for a letter the names do not use.
 */
function splitWords(text: string): string[] {
  return text
    .split(/[\s,]+|(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Za-z])/)
    .filter((word) => /^[\p{L}\p{N}]+(?:\.\p{N}+)?$/u.test(word) && !/^\p{L}$/u.test(word));
}

export interface ReadingAdvice {
  /** Products with an installed key, a channel or a status, each read. */
  products: ProductAdvice[];
  /** Products that are only names (`/dlv all` lists every licence, installed or not). */
  unused: string[];
  /** What was found outside any product: codes, errors, whole keys. */
  findings: Finding[];
  /** Said once, above the readings: what was cut, ignored or not found. */
  notes: string[];
}

/**
 * What `DISM /online /Get-CurrentEdition` and `/Get-TargetEditions` said, and the way on: an
 * evaluation (its name includes Eval) converts to one of the retail editions DISM lists; a
 * listed edition opens the conversion form with it filled in. Names are DISM_EDITION_NAME's.
 */
function dismFindings(dism: StatusReading["dism"]): Finding[] {
  if (dism === undefined) return [];
  const { current, targets } = dism;
  const evaluation = current !== undefined && isEvaluation(current);
  const findings: Finding[] = [];
  if (current !== undefined)
    findings.push(
      evaluation
        ? {
            topic: "Edition (DISM)",
            text: `${current}: an evaluation (its name includes Eval). It converts to one of the retail editions DISM /online /Get-TargetEditions lists; an edition it does not list takes a fresh install.`,
            tone: "warn",
            link: CONVERT_EVALUATION,
          }
        : { topic: "Edition (DISM)", text: `${current}: the current edition.`, tone: "info" },
    );
  const section = current === undefined || evaluation ? "evaluation" : "standard-to-datacenter";
  for (const target of targets.filter((name) => !isEvaluation(name)))
    findings.push({
      topic: "Can become (DISM)",
      text: `${target}: with a retail product key, DISM /online /Set-Edition:${target} converts to it.`,
      tone: "info",
      link: {
        kind: "page",
        path: `convert/?target=${encodeURIComponent(target)}#${section}`,
        text: `The commands for ${target}`,
      },
    });
  if (evaluation && targets.length === 0)
    findings.push({
      topic: "Can become (DISM)",
      text: "Not in this paste: run DISM /online /Get-TargetEditions to see which retail editions it can become.",
      tone: "info",
    });
  return findings;
}

/** The answer for a paste with nothing this reader knows. */
export const NOTHING_READ =
  "Nothing here is what slmgr or ospp.vbs prints: no partial product key, no channel such as VOLUME_KMSCLIENT or RETAIL, no 0x error code and no product key was found. Paste the whole output of slmgr /dlv, slmgr /dli, slmgr /xpr, slmgr /ato or cscript ospp.vbs /dstatus, or an error message with its code.";

export function adviseReading<T extends StatusKey>(
  reading: StatusReading<T>,
  listed: readonly T[],
  known: KnownCodes,
  hostKeyCodes: ReadonlySet<string> = new Set(),
): ReadingAdvice {
  // A licence with no key, no error and Unlicensed is one `/dlv all` lists but nobody uses.
  const isUnused = (product: ProductReading<T>) =>
    product.partialKey === undefined &&
    product.status?.kind === "unlicensed" &&
    product.codes.length === 0 &&
    product.messages.length === 0;
  const read = reading.products.filter((product) => !isUnused(product));
  const unused = reading.products.filter(isUnused).map((product) => product.name ?? "");
  const byKey = new Map(listed.map((entry) => [entry.key, entry]));
  const findings: Finding[] = [
    ...reading.keys.map((key): Finding => {
      const entry = byKey.get(key);
      return entry
        ? {
            topic: "Product key",
            text: `${key}: the ${entry.keyKind} of ${entry.names.join(" / ")}.`,
            tone: "ok",
            link: { kind: "row", path: entry.path, text: "Its row" },
          }
        : {
            topic: "Product key",
            text: `${key}: not one of the keys on this site.`,
            tone: "info",
          };
    }),
    ...reading.codes.flatMap((code) => codeFindings(code, known, hostKeyCodes)),
    ...reading.messages.map((message): Finding => ({
      topic: "Error",
      text: `“${message}”`,
      tone: "warn",
    })),
    ...dismFindings(reading.dism),
  ];
  const notes: string[] = [];
  if (reading.truncated)
    notes.push(
      `This paste has ${reading.length.toLocaleString("en")} characters: the first ${MAX_STATUS_INPUT.toLocaleString("en")} were read.`,
    );
  if (reading.invisible)
    notes.push("Invisible or direction-changing characters in the paste were ignored.");
  if (read.length === 0 && unused.length === 0 && findings.length === 0) notes.push(NOTHING_READ);
  return {
    products: read.map((product) => adviseProduct(product, known, hostKeyCodes)),
    unused,
    findings,
    notes,
  };
}
