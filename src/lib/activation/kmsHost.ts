/**
 * The one reader of a KMS host as an administrator types it, for `slmgr /skms`. It parses
 * the grammar itself (no URL parser: its rewrites are what let `[@x&calc&x/]` through) and
 * accepts exactly
 *   - an RFC 1123 host name: dot-separated labels of letters, digits and hyphens, 1–63
 *     characters, not starting or ending with a hyphen, at most 253 in all, optional final dot;
 *   - a dotted-quad IPv4 address (no leading zeros: some programs read those as octal);
 *   - an RFC 4291 IPv6 address in any of its text forms (`::` once, an IPv4 tail), bare or in
 *     brackets;
 * each with an optional port 1–65535 (not after a bare IPv6 address, where it cannot be told
 * apart). Everything else is refused with the reason; nothing is stripped or replaced, except
 * plain spaces around the whole entry. A URL (`http://kms/`) is refused, not reduced: which
 * part was meant is the administrator's call. The `slmgr /skms` argument is rebuilt from the
 * parsed parts, never copied from the input.
 */
import { describeCharacter } from "../text/characters";

/** KMS's well-known TCP port: what slmgr uses when no port is given. */
export const DEFAULT_KMS_PORT = 1688;

export interface KmsHost {
  kind: "name" | "ipv4" | "ipv6";
  /** The name or address, rebuilt from its validated parts. */
  host: string;
  port: number | undefined;
  /** The argument for `slmgr /skms`: IPv6 in brackets, always with a port (slmgr needs one to tell them apart). */
  skms: string;
}

type HostReading = ({ ok: true } & KmsHost) | { ok: false; message: string };

/** The only characters any accepted form uses; the first other one is named in the answer. */
const HOST_CHARACTER = /[A-Za-z0-9.:[\]-]/;
const MAX_NAME = 253;
const MAX_LABEL = 63;
/** The longest entry read at all: a longest name with a port, or a bracketed IPv6 address with one. */
export const MAX_HOST_INPUT = 300;

export function readKmsHost(input: string): HostReading {
  const text = trimSpaces(input);
  if (text === "") return refuse("Enter the KMS host's name or address.");
  // First, before any pattern: every later step then reads at most this much.
  if (text.length > MAX_HOST_INPUT) {
    return refuse(
      `This is ${text.length.toLocaleString("en")} characters long; a host name or address, with its port, has at most ${MAX_HOST_INPUT}.`,
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return refuse(
      "Enter the host alone, without a scheme such as “http://” or a path: slmgr takes a name or address, not a URL.",
    );
  }
  for (const char of text) {
    if (!HOST_CHARACTER.test(char)) return refuse(badCharacter(char));
  }

  if (text.startsWith("[")) {
    const bracketed = /^\[([^[\]]*)\](?::(.*))?$/.exec(text);
    if (!bracketed) return refuse("Write an IPv6 address as [address] or [address]:port.");
    const address = bracketed[1] ?? "";
    if (!address.includes(":")) return refuse("Only an IPv6 address goes in brackets.");
    return withPort(ipv6(address), bracketed[2]);
  }
  if (/[[\]]/.test(text)) return refuse("Write an IPv6 address as [address] or [address]:port.");
  const colons = text.split(":").length - 1;
  if (colons > 1) return withPort(ipv6(text), undefined);
  const [host = "", port] = text.split(":");
  return withPort(/^\d[\d.]*$/.test(host) ? ipv4(host) : hostName(host), port);
}

/** `text` without the plain spaces around it, in one pass (a regex for the end is quadratic on long runs). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === " ") start += 1;
  while (end > start && text[end - 1] === " ") end -= 1;
  return text.slice(start, end);
}

/**
 * Part of the input, quoted for an answer: by now it holds only the characters hosts use,
 * and a long paste is cut so the answer stays readable.
 */
function quote(text: string, max = 60): string {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

function refuse(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function badCharacter(char: string): string {
  const what = describeCharacter(char);
  if (/\s/.test(char))
    return `A host name or address has no spaces or line breaks; this has ${what}.`;
  if (char === "%")
    return "This has “%”: IPv6 zone IDs (fe80::1%12) are not supported, and a command prompt reads % as a variable.";
  if (char === "/" || char === "@")
    return `This has ${what}: enter the host alone, not a URL or a user name.`;
  return `This has ${what}; a host name or address uses only letters, digits, hyphens and dots (colons and brackets for IPv6 and the port).`;
}

type Parsed = { ok: true; kind: KmsHost["kind"]; host: string } | { ok: false; message: string };

function withPort(parsed: Parsed, portText: string | undefined): HostReading {
  if (!parsed.ok) return parsed;
  const port = readPort(portText);
  if (typeof port === "string") return refuse(port);
  const skms =
    parsed.kind === "ipv6"
      ? `[${parsed.host}]:${port ?? DEFAULT_KMS_PORT}`
      : port === undefined
        ? parsed.host
        : `${parsed.host}:${port}`;
  return { ok: true, kind: parsed.kind, host: parsed.host, port, skms };
}

/** A port from 1 to 65535 written plainly, nothing when absent, or the reason it cannot be one. */
function readPort(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  if (text === "") return "Add the port after the colon, or remove the colon.";
  if (!/^\d{1,5}$/.test(text))
    return `The port must be a number from 1 to 65535, not ${quote(text)}.`;
  if (/^0\d/.test(text)) return "Write the port without leading zeros.";
  const port = Number(text);
  return port >= 1 && port <= 65535
    ? port
    : `The port must be a number from 1 to 65535, not ${text}.`;
}

/** Four numbers 0–255 in plain decimal; null when `text` is not one. */
function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

/** 0.0.0.0 or ::, in any spelling: an address that names no machine, so no KMS host either. */
function unspecified(text: string): Parsed {
  return refuse(
    `${quote(text)} is the unspecified address, which names no machine: enter the KMS host's own name or address.`,
  );
}

function ipv4(text: string): Parsed {
  const octets = parseIpv4(text);
  if (octets?.every((octet) => octet === 0)) return unspecified(text);
  if (octets) return { ok: true, kind: "ipv4", host: octets.join(".") };
  if (text.split(".").some((part) => /^0\d/.test(part)))
    return refuse(
      `${quote(text)} is not an IPv4 address as slmgr should get it: write each number without leading zeros.`,
    );
  return refuse(
    `${quote(text)} is not an IPv4 address: four numbers from 0 to 255, separated by dots.`,
  );
}

/**
 * RFC 4291, section 2.2: eight groups of 1–4 hex digits; `::` once stands for one or more
 * groups of zeros; the last 32 bits may be written as an IPv4 address.
 * Returns the address rebuilt from its groups, or null.
 */
export function parseIpv6(text: string): string | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const compressed = halves.length === 2;
  const pieces = halves.map((half) => (half === "" ? [] : half.split(":")));
  const all = pieces.flat();
  let groups = 0;
  for (const [i, piece] of all.entries()) {
    if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) groups += 1;
    else if (i === all.length - 1 && parseIpv4(piece)) groups += 2;
    else return null;
  }
  if (compressed ? groups > 7 : groups !== 8) return null;
  // An IPv4 tail must end the address: "1.2.3.4::" puts it before the zeros.
  if (compressed && (pieces[1] ?? []).length === 0 && all.at(-1)?.includes(".")) return null;
  return pieces.map((half) => half.join(":")).join("::");
}

function ipv6(text: string): Parsed {
  const host = parseIpv6(text);
  // Only zeros, colons and the dots of a zero IPv4 tail: ::, 0:0:0:0:0:0:0:0, ::0.0.0.0.
  if (host !== null && /^[0:.]*$/.test(host)) return unspecified(text);
  return host
    ? { ok: true, kind: "ipv6", host }
    : refuse(
        `${quote(text)} is not an IPv6 address: up to eight groups of one to four hex digits separated by colons, with “::” at most once for a run of zero groups.`,
      );
}

function hostName(text: string): Parsed {
  const name = text.endsWith(".") ? text.slice(0, -1) : text;
  const trailingDot = name !== text ? "." : "";
  if (name === "") return refuse("Enter the KMS host's name or address.");
  if (name.length > MAX_NAME)
    return refuse(`A host name has at most ${MAX_NAME} characters; this one has ${name.length}.`);
  const labels = name.split(".");
  for (const label of labels) {
    if (label === "")
      return refuse("A host name cannot start with a dot or have two dots in a row.");
    if (label.length > MAX_LABEL)
      return refuse(
        `Each dot-separated part of a host name has at most ${MAX_LABEL} characters; ${quote(label, 20)} has ${label.length}.`,
      );
    if (label.startsWith("-") || label.endsWith("-"))
      return refuse(`A part of a host name cannot start or end with a hyphen: ${quote(label)}.`);
  }
  if (/^\d+$/.test(labels.at(-1) ?? ""))
    return refuse(
      `${quote(text)} is neither a host name (its last part is a number) nor an IPv4 address.`,
    );
  return { ok: true, kind: "name", host: labels.join(".") + trailingDot };
}
