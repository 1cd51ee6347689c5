/**
 * How a family's keys are put to work: one definition per activation method, as data. A
 * family file names its method (`method:` in content/); what the site says or builds about a
 * key, its kind, the tool, the copy button's words, every command line, comes from here.
 *
 * Every line is a template with slots: {key} a product key of the published shape, {host} a
 * host name or IPv4 address, {skms} slmgr's host[:port] argument, {port} a port (a line with
 * {port} is left out when no port is given). A method's templates are also its whitelist:
 * a line is built only by filling them with values the slots' patterns accept, and checked
 * against them again. Lines that are fixed text with characters a command prompt reads (the
 * Office16 folder: spaces, `%`, parentheses) are a separate, literal kind (METHOD_GUIDES),
 * compared whole, never built. Kept small: the copy buttons load it.
 */
import { KEY_PATTERN } from "../keys/keyShape";
import { installLabel, installLine } from "./installLine";
import type { KmsHost } from "./kmsHost";

/** What an `/skms` argument may hold: the characters of names, addresses and ports, nothing a shell reads. */
export const SKMS_ARGUMENT = /^[A-Za-z0-9.:[\]-]{1,300}$/;

/** What each slot may be filled with. */
const SLOTS = {
  key: KEY_PATTERN.source.slice(1, -1),
  host: "[A-Za-z0-9.-]{1,253}",
  skms: SKMS_ARGUMENT.source.slice(1, -1),
  port: "[0-9]{1,5}",
};
type Slot = keyof typeof SLOTS;
/** The values a line is filled with; a slot without one leaves its line out. */
export type SlotValues = { [slot in Slot]?: string | undefined };

export interface ActivationMethod {
  id: string;
  /** What its keys are called: "KMS client key", "AVMA key". */
  keyKind: string;
  /** The tool that installs the key, as its lines start. */
  tool: string;
  /** The line that installs a key. */
  install: string;
  /** The host kinds the tool documents and the lines that point a client at one; none when no KMS host applies. */
  kmsHost?: {
    kinds: readonly KmsHost["kind"][];
    lines: readonly string[];
    /** Whether Microsoft's DNS guide also gives the host line in its `cscript … slmgr.vbs` form. */
    dnsGuideForm: boolean;
  };
  /** Lines that activate now, after the key (and host). */
  activate: readonly string[];
  /** Lines that show the licence status. */
  status: readonly string[];
}

/** The methods, in methodIds.ts's order (a unit test holds them to it). */
export const METHOD_LIST: readonly ActivationMethod[] = [
  {
    id: "windows-kms",
    keyKind: "KMS client key",
    tool: "slmgr",
    install: "slmgr /ipk {key}",
    kmsHost: {
      kinds: ["name", "ipv4", "ipv6"],
      lines: ["slmgr /skms {skms}"],
      dnsGuideForm: true,
    },
    activate: ["slmgr /ato"],
    status: ["slmgr /dlv"],
  },
  {
    id: "office-kms",
    keyKind: "KMS client key",
    tool: "cscript ospp.vbs",
    install: "cscript ospp.vbs /inpkey:{key}",
    // ospp.vbs documents /sethst for a host name and /setprt for the port (default 1688).
    kmsHost: {
      kinds: ["name", "ipv4"],
      lines: ["cscript ospp.vbs /sethst:{host}", "cscript ospp.vbs /setprt:{port}"],
      dnsGuideForm: false,
    },
    activate: ["cscript ospp.vbs /act"],
    status: ["cscript ospp.vbs /dstatus"],
  },
  {
    id: "avma",
    keyKind: "AVMA key",
    tool: "slmgr",
    install: "slmgr /ipk {key}",
    // No KMS host and no activation command: the virtual machine activates against its
    // Hyper-V host by itself.
    activate: [],
    status: ["slmgr /dlv"],
  },
];

/** The method with that id; an id no method has is a content error, never a guess. */
export function methodById(id: string): ActivationMethod {
  const method = METHOD_LIST.find((m) => m.id === id);
  if (method === undefined)
    throw new Error(`no activation method "${id}" (${METHOD_LIST.map((m) => m.id).join(", ")})`);
  return method;
}

const SLOT = /\{(\w+)\}/g;

/** Every template of the method: its whitelist. */
function templates(method: ActivationMethod): string[] {
  return [method.install, ...(method.kmsHost?.lines ?? []), ...method.activate, ...method.status];
}

/** A template as a pattern: its text literal, each slot what SLOTS allows. */
function templatePattern(template: string): RegExp {
  const parts = template.split(SLOT).map((part, i) =>
    // split() with a capture group: odd parts are slot names.
    i % 2 === 1 ? `(?:${SLOTS[part as Slot]})` : part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"),
  );
  return new RegExp(`^${parts.join("")}$`);
}

/** A line the method may produce, or an error: a line outside its templates is a bug, never something to copy. */
export function checkedLine(method: ActivationMethod, line: string): string {
  if (!templates(method).some((template) => templatePattern(template).test(line)))
    throw new Error(`refusing to build the command ${JSON.stringify(line)}`);
  return line;
}

/** The template filled, and checked; undefined when a slot it needs has no value. */
export function fillLine(
  method: ActivationMethod,
  template: string,
  values: SlotValues,
): string | undefined {
  let missing = false;
  const line = template.replace(SLOT, (_, slot: Slot) => {
    const value = values[slot];
    if (value === undefined) missing = true;
    return value ?? "";
  });
  return missing ? undefined : checkedLine(method, line);
}

/** The install line before its key ("slmgr /ipk "): what pages carry for their copy buttons. */
export function installPrefix(method: ActivationMethod): string {
  return method.install.replace(/\{key\}$/, "");
}

/** The install line's command without its key, as people name it: "slmgr /ipk", "cscript ospp.vbs /inpkey". */
export function installName(method: ActivationMethod): string {
  return installLabel(installPrefix(method));
}

/**
 * The line that installs `key` with the method's tool: what a row's command button copies,
 * built as the button builds it (installLine) and checked against the method's templates.
 */
export function installCommand(method: ActivationMethod, key: string): string {
  return checkedLine(method, installLine(installPrefix(method), key));
}
