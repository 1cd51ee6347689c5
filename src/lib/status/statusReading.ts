/**
 * Reading what `slmgr /dli`, `/dlv`, `/xpr`, `/ato` or `cscript ospp.vbs /dstatus(all)`
 * printed, pasted as text: one reading per product, with the installed key matched by its
 * last five characters against the site's keys. Plain TypeScript, no DOM: the status page
 * draws the result (scripts/statusView.ts) and the unit tests read Microsoft's samples.
 *
 * Labels are translated on a non-English Windows, but the partial key, the channel's name and
 * the `0x` codes are not: those are found without labels, and the English labels add what
 * they can (licence status, time left, the KMS host, a host's count). Line by line, each line
 * read at most once by patterns without nested repetition, so a long paste reads in linear time.
 */
import { readKmsHost, type KmsHost } from "../activation/kmsHost";
import { byLastGroup, keysIn } from "../keys/keyInput";
import { KEY_CHARACTER } from "../keys/keyShape";
import { DISM_EDITION_NAME } from "../conversions/dismEdition";

/** What the reader needs to know about a listed key. */
export interface StatusKey {
  key: string;
  names: string[];
  path: string;
  keyKind: string;
  method: string;
}

/** The most characters read; a longer paste is read up to here, and says so. */
export const MAX_STATUS_INPUT = 1_048_576;
/** A line longer than this is no line slmgr or ospp.vbs writes: only its codes are looked for. */
const MAX_LINE = 2_000;
/** At most this much of a value is kept to be shown (a name, a message). */
const MAX_VALUE = 200;

export type LicenceStatus =
  | "licensed"
  | "grace"
  | "notification"
  | "unlicensed"
  /** A value this reader does not know; shown as printed. */
  | "other";

export interface HostLine {
  /** Where the client got it: set with /skms (or ospp's registry value), or found in DNS. */
  from: "registered" | "dns";
  /** As printed (at most MAX_VALUE characters). */
  text: string;
  /** The host reader's verdict on it. */
  reading: ({ ok: true } & KmsHost) | { ok: false; message: string };
}

export interface ProductReading<T extends StatusKey = StatusKey> {
  /** The product's name as printed (`Windows(R), ServerDatacenter edition`). */
  name?: string;
  /** The channel, e.g. `VOLUME_KMSCLIENT`, `RETAIL`, `OEM_DM`. */
  channel?: string | undefined;
  /** Whether ospp.vbs printed it (its labels are in capitals). */
  ospp: boolean;
  /** The last five characters of the installed key. */
  partialKey?: string;
  /** The site's key that ends with them. */
  listed?: T | undefined;
  status?: { kind: LicenceStatus; text: string };
  /** Grace or activation time left as printed (`43200 minute(s) (30 day(s))`). */
  timeLeft?: string;
  /** What `slmgr /xpr` printed (`Volume activation will expire …`, `The machine is permanently activated.`). */
  expiry?: string;
  /** `slmgr /ato` or `ospp.vbs /act` said it activated. */
  activated: boolean;
  /** `0x` codes, each once, in order. */
  codes: string[];
  /** Errors printed without a code (`Error: Windows is running within the non-genuine …`). */
  messages: string[];
  hosts: HostLine[];
  /** `DNS auto-discovery: KMS name not available`. */
  noDnsHost: boolean;
  /** The part of /dlv a KMS host prints. */
  kmsHost?: { count?: number; port?: string };
  /** The Application ID (which product family's licensing this is). */
  applicationId?: string;
}

export interface StatusReading<T extends StatusKey = StatusKey> {
  products: ProductReading<T>[];
  /** Codes outside any product (an error dialog, `/ato` without its first line). */
  codes: string[];
  /** Code-less errors outside any product. */
  messages: string[];
  /** Whole product keys in the paste (`Installed product key … successfully.`), each once. */
  keys: string[];
  /** How many characters the paste has, and whether only the first MAX_STATUS_INPUT were read. */
  length: number;
  truncated: boolean;
  /** Invisible and direction characters were in the paste, and were ignored. */
  invisible: boolean;
  /** What `DISM /online /Get-CurrentEdition` and `/Get-TargetEditions` printed, in English. */
  dism?: { current?: string; targets: string[] } | undefined;
}

/** An upper-case name of a channel: RETAIL, OEM_DM, VOLUME_KMSCLIENT, … */
const CHANNEL = /^(?:RETAIL|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/;
const LABELLED = /^([^:]{1,80}):\s*(.*)$/;
const PARTIAL_KEY_LABEL = /^(?:partial product key|last 5 characters of installed product key)$/i;
const PARTIAL_KEY_VALUE = new RegExp(`^${KEY_CHARACTER}{5}$`);
const CODE = /(?<![0-9a-z])0x([0-9a-f]{8})(?![0-9a-z])/gi;
/** Format characters (zero-width, direction marks): no slmgr line has them; a paste can. */
const INVISIBLE = /\p{Cf}/gu;
/** `slmgr /ato` and `ospp.vbs /act` on success. */
const ACTIVATED = /^(?:Product activated successfully\.?|<Product activation successful>)$/i;
/** What `slmgr /xpr` says of a product's activation. */
const EXPIRY = /will expire|permanently activated|grace period ends|notification mode/i;
const OSPP_STATUS = /^-{3}([A-Z_]+)-{3}$/;
/** DISM's `Current Edition : ServerDatacenterEval` and `Target Edition : ServerDatacenter`. */
const DISM_EDITION = new RegExp(`^(current|target) edition\\s*:\\s*(${DISM_EDITION_NAME})$`, "i");

/**
 * The channel a line names after its label, in any language: `…, VOLUME_KMSCLIENT channel`,
 * `…, RETAIL-kanaal`, `…, canal RETAIL`: one of the last two words, or the last one's part
 * before a hyphen. Word by word, so a long line costs no more than its length.
 */
function channelOf(line: string): string | undefined {
  const colon = line.indexOf(":");
  if (colon === -1) return undefined;
  const words = line
    .slice(colon + 1)
    .replace(/[\s.)]+$/, "")
    .split(/[\s,(]+/);
  const last = words.at(-1) ?? "";
  const candidates = [last.split("-")[0] ?? "", last, words.at(-2) ?? ""];
  return candidates.find((word) => CHANNEL.test(word));
}

/** ospp.vbs's `---STATUS---` and slmgr's English statuses, by kind. */
const STATUS_WORDS: readonly [RegExp, LicenceStatus][] = [
  [/^unlicensed$/i, "unlicensed"],
  [/^licensed$/i, "licensed"],
  [/grace/i, "grace"],
  [/^notifications?$/i, "notification"],
];

/** slmgr's and ospp.vbs's English labels, lower-cased, for what the reader reads beyond the key. */
const LABELS = new Map<string, keyof typeof READERS>(
  Object.entries({
    name: "name",
    "license name": "name",
    "license status": "status",
    "time remaining": "timeLeft",
    "remaining grace": "timeLeft",
    "volume activation expiration": "timeLeft",
    "timebased activation expiration": "timeLeft",
    "registered kms machine name": "registered",
    "kms machine registry override defined": "registered",
    "kms machine name from dns": "dns",
    "dns auto-discovery": "discovery",
    "current count": "count",
    "listening on port": "port",
    "application id": "applicationId",
  } as const),
);

type Reader = (product: ProductReading<StatusKey>, value: string) => void;

const READERS = {
  name: (product, value) => {
    product.name ??= value;
  },
  status: (product, value) => {
    product.status ??= { kind: licenceStatus(value), text: value };
  },
  timeLeft: (product, value) => {
    product.timeLeft ??= value;
  },
  registered: (product, value) => addHost(product, "registered", value),
  dns: (product, value) => addHost(product, "dns", value),
  discovery: (product, value) => {
    if (/not available/i.test(value)) product.noDnsHost = true;
  },
  count: (product, value) => {
    if (/^\d{1,9}$/.test(value)) (product.kmsHost ??= {}).count = Number(value);
  },
  port: (product, value) => {
    if (/^\d{1,5}$/.test(value)) (product.kmsHost ??= {}).port = value;
  },
  applicationId: (product, value) => {
    if (/^[0-9a-f-]{36}$/i.test(value)) product.applicationId = value.toLowerCase();
  },
} satisfies Record<string, Reader>;

export function readStatus<T extends StatusKey>(
  input: string,
  listed: readonly T[],
): StatusReading<T> {
  const truncated = input.length > MAX_STATUS_INPUT;
  const cut = truncated ? input.slice(0, MAX_STATUS_INPUT) : input;
  const text = cut.normalize("NFKC");
  const visible = text.replace(INVISIBLE, "");
  const endingIn = byLastGroup(listed);
  const lines = visible.split(/\r\n|\r|\n/).map((line) => line.trim());
  const reading: StatusReading<T> = {
    products: [],
    codes: [],
    messages: [],
    keys: keysIn(visible),
    length: input.length,
    truncated,
    invisible: visible.length !== text.length,
  };
  const starts = productStarts(lines);
  let product: ProductReading<T> | undefined;
  for (const [i, line] of lines.entries()) {
    if (starts.has(i)) product = startProduct(reading);
    const codes = [...line.matchAll(CODE)].map((match) => `0x${(match[1] ?? "").toUpperCase()}`);
    addUnique(product?.codes ?? reading.codes, codes);
    if (line.length > MAX_LINE) continue;
    const activating = /^Activating (.+?) \([0-9a-f-]{36}\)/i.exec(line);
    if (activating) {
      product = startProduct(reading);
      product.name = shown(activating[1] ?? "");
      continue;
    }
    if (product !== undefined && ACTIVATED.test(line)) {
      product.activated = true;
      continue;
    }
    // slmgr /xpr: the product's name and a colon, then what its activation is.
    const expiring = /^(.+ edition):$/i.exec(line);
    if (expiring) {
      product = startProduct(reading);
      product.name = shown(expiring[1] ?? "");
      continue;
    }
    if (product !== undefined && EXPIRY.test(line)) {
      product.expiry ??= shown(line);
      continue;
    }
    const dism = DISM_EDITION.exec(line);
    if (dism) {
      const found = (reading.dism ??= { targets: [] });
      const edition = dism[2] ?? "";
      if (/^current$/i.test(dism[1] ?? "")) found.current ??= edition;
      else addUnique(found.targets, [edition]);
      continue;
    }
    const labelled = LABELLED.exec(line);
    if (!labelled) continue;
    const label = (labelled[1] ?? "").trim();
    const value = shown(labelled[2] ?? "");
    const partial = partialKey(label, value, endingIn);
    if (partial !== undefined) {
      if (product === undefined || product.partialKey !== undefined)
        product = startProduct(reading);
      product.partialKey = partial;
      product.listed = endingIn.get(partial);
      continue;
    }
    if (/^error$/i.test(label) && codes.length === 0 && value !== "") {
      addUnique(product?.messages ?? reading.messages, [value]);
      continue;
    }
    if (product === undefined) continue;
    if (starts.get(i) === "name") {
      // The line before the channel names the product, in whatever language its label is.
      product.name = value;
      product.ospp = /^[A-Z ]+$/.test(label);
      continue;
    }
    const channel = channelOf(line);
    if (channel !== undefined) {
      product.channel = channel;
      continue;
    }
    const read = LABELS.get(label.toLowerCase());
    if (read !== undefined) (READERS[read] as Reader)(product, value);
  }
  return reading;
}

/**
 * Where each product begins: the line before a channel line (its Name, whatever the
 * label's language), or the channel line itself when nothing labelled precedes it.
 */
function productStarts(lines: readonly string[]): Map<number, "name" | "channel"> {
  const starts = new Map<number, "name" | "channel">();
  for (const [i, line] of lines.entries()) {
    if (line.length > MAX_LINE || channelOf(line) === undefined) continue;
    const before = lines[i - 1] ?? "";
    const named =
      before.length <= MAX_LINE &&
      LABELLED.test(before) &&
      channelOf(before) === undefined &&
      !starts.has(i - 1);
    if (named) starts.set(i - 1, "name");
    else starts.set(i, "channel");
  }
  return starts;
}

function startProduct<T extends StatusKey>(reading: StatusReading<T>): ProductReading<T> {
  const product: ProductReading<T> = {
    ospp: false,
    codes: [],
    messages: [],
    hosts: [],
    noDnsHost: false,
    activated: false,
  };
  reading.products.push(product);
  return product;
}

/**
 * The partial key on a line: under its English label, or under any label when the value is
 * five key characters with a letter among them (a translated label; a count or a port is
 * digits), or is the last group of a listed key.
 */
function partialKey(
  label: string,
  value: string,
  endingIn: ReadonlyMap<string, unknown>,
): string | undefined {
  if (PARTIAL_KEY_LABEL.test(label)) {
    const upper = value.toUpperCase();
    return PARTIAL_KEY_VALUE.test(upper) ? upper : undefined;
  }
  if (!PARTIAL_KEY_VALUE.test(value)) return undefined;
  if (LABELS.has(label.toLowerCase())) return undefined;
  return /\D/.test(value) || endingIn.has(value) ? value : undefined;
}

function licenceStatus(value: string): LicenceStatus {
  const ospp = OSPP_STATUS.exec(value);
  const word = (ospp?.[1] ?? value).replaceAll("_", " ").replace(/\.$/, "");
  for (const [pattern, kind] of STATUS_WORDS) if (pattern.test(word)) return kind;
  return "other";
}

function addHost(product: ProductReading<StatusKey>, from: HostLine["from"], value: string): void {
  if (value === "") return;
  product.hosts.push({ from, text: value, reading: readKmsHost(value) });
}

/** A value as it may be shown (lines are trimmed already): at most MAX_VALUE characters. */
function shown(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
}

/** At most this many codes or messages are kept per product (a hostile paste can hold thousands). */
const MAX_FOUND = 50;

function addUnique(into: string[], values: readonly string[]): void {
  for (const value of values)
    if (into.length < MAX_FOUND && !into.includes(value)) into.push(value);
}
