/**
 * How a family's keys are put to work: one definition per activation method. A family file
 * names its method (`method:` in content/); everything the site says or builds about a key,
 * its kind, the tool, the copy button's words, every command line, comes from here.
 * Kept apart (with keys/keyShape.ts and the host type only) so the copy buttons load just this.
 *
 * Every line a method builds passes its whitelist: a fixed option with an argument of a strict
 * shape (a key of the published shape, a host of the characters activation/kmsHost.ts accepts).
 * Lines that are fixed text with characters a command prompt reads (the Office16 folder:
 * spaces, `%`, parentheses) are a separate, literal kind, compared whole, never built.
 */
import { KEY_PATTERN } from "../keys/keyShape";
import type { KmsHost } from "./kmsHost";

/** What a host argument may hold: the characters of names, addresses and ports, nothing a shell reads. */
export const SKMS_ARGUMENT = /^[A-Za-z0-9.:[\]-]{1,300}$/;

const KEY = KEY_PATTERN.source.slice(1, -1);
const HOST = SKMS_ARGUMENT.source.slice(1, -1);

export interface FixedLine {
  /** When to run it, e.g. "64-bit Office, or 32-bit Office on 32-bit Windows". */
  when: string;
  line: string;
}

export interface ActivationMethod {
  id: string;
  /** What its keys are called: "KMS client key", "AVMA key". */
  keyKind: string;
  /** The tool that installs the key, as its lines start. */
  tool: string;
  /** Where the lines run. */
  prompt: string;
  /** Alternative folders to change to first (literal lines, one applies), or none. */
  folders: readonly FixedLine[];
  /** The line that installs a key. */
  install: (key: string) => string;
  /**
   * The host kinds the tool documents, the lines that point a client at one, and how those
   * lines read before a host is given; none when no KMS host applies.
   */
  kmsHost?: {
    kinds: readonly KmsHost["kind"][];
    lines: (host: KmsHost) => string[];
    placeholder: readonly string[];
    /** Whether Microsoft's DNS guide also gives the host line in its `cscript … slmgr.vbs` form. */
    dnsGuideForm: boolean;
  };
  /** Lines that activate now, after the key (and host). */
  activate: readonly string[];
  /** Lines that show the licence status. */
  status: readonly string[];
  /** Documented commands (activation/documentedCommands.ts) that show what the machine has now. */
  troubleshoot: readonly string[];
  /** Every built line must match this. */
  whitelist: RegExp;
}

const slmgrWhitelist = new RegExp(`^slmgr /(?:ipk ${KEY}|skms ${HOST}|ato|dlv)$`);

const METHOD_LIST: readonly ActivationMethod[] = [
  {
    id: "windows-kms",
    keyKind: "KMS client key",
    tool: "slmgr",
    prompt: "an elevated command prompt",
    folders: [],
    install: (key) => `slmgr /ipk ${key}`,
    kmsHost: {
      kinds: ["name", "ipv4", "ipv6"],
      lines: (host) => [`slmgr /skms ${host.skms}`],
      placeholder: ["slmgr /skms <host>[:<port>]"],
      dnsGuideForm: true,
    },
    activate: ["slmgr /ato"],
    status: ["slmgr /dlv"],
    troubleshoot: ["dli", "dlv", "xpr", "ckms", "srvLookup"],
    whitelist: slmgrWhitelist,
  },
  {
    id: "office-kms",
    keyKind: "KMS client key",
    tool: "cscript ospp.vbs",
    prompt: "an elevated command prompt, in the Office16 folder",
    // Microsoft: ospp.vbs is in Program Files\Microsoft Office\Office16; for 32-bit Office on
    // 64-bit Windows, in Program Files (x86)\Microsoft Office\Office16.
    folders: [
      {
        when: "64-bit Office, or 32-bit Office on 32-bit Windows",
        line: String.raw`cd /d "%ProgramFiles%\Microsoft Office\Office16"`,
      },
      {
        when: "32-bit Office on 64-bit Windows",
        line: String.raw`cd /d "%ProgramFiles(x86)%\Microsoft Office\Office16"`,
      },
    ],
    install: (key) => `cscript ospp.vbs /inpkey:${key}`,
    // ospp.vbs documents /sethst for a host name and /setprt for the port (default 1688).
    kmsHost: {
      kinds: ["name", "ipv4"],
      lines: (host) => [
        `cscript ospp.vbs /sethst:${host.host}`,
        ...(host.port === undefined ? [] : [`cscript ospp.vbs /setprt:${host.port}`]),
      ],
      placeholder: ["cscript ospp.vbs /sethst:<host>", "cscript ospp.vbs /setprt:<port>"],
      dnsGuideForm: false,
    },
    activate: ["cscript ospp.vbs /act"],
    status: ["cscript ospp.vbs /dstatus"],
    troubleshoot: ["osppDstatus", "osppDhistorykms", "osppRemhst", "srvLookup"],
    whitelist: new RegExp(
      `^cscript ospp\\.vbs /(?:inpkey:${KEY}|sethst:[A-Za-z0-9.-]{1,253}|setprt:[0-9]{1,5}|act|dstatus)$`,
    ),
  },
  {
    id: "avma",
    keyKind: "AVMA key",
    tool: "slmgr",
    prompt: "PowerShell or an elevated command prompt, in the virtual machine",
    folders: [],
    install: (key) => `slmgr /ipk ${key}`,
    // No KMS host: the virtual machine activates against its Hyper-V host by itself.
    activate: [],
    status: ["slmgr /dlv"],
    troubleshoot: ["dli", "dlv", "xpr"],
    whitelist: slmgrWhitelist,
  },
];

export const METHOD_IDS: readonly string[] = METHOD_LIST.map((method) => method.id);

/** The method with that id; an id no method has is a content error, never a guess. */
export function methodById(id: string): ActivationMethod {
  const method = METHOD_LIST.find((m) => m.id === id);
  if (method === undefined)
    throw new Error(`no activation method "${id}" (${METHOD_IDS.join(", ")})`);
  return method;
}

/** A line the method may produce, or an error: a line outside its whitelist is a bug, never something to copy. */
export function checkedLine(method: ActivationMethod, line: string): string {
  const fixed = method.folders.some((folder) => folder.line === line);
  if (!fixed && !method.whitelist.test(line))
    throw new Error(`refusing to build the command ${JSON.stringify(line)}`);
  return line;
}

/** The install line's command without its key, as people name it: "slmgr /ipk", "cscript ospp.vbs /inpkey". */
export function installName(method: ActivationMethod): string {
  return method.install("").replace(/[\s:]+$/, "");
}

/** The line that installs `key` with the method's tool: what a row's command button copies. */
export function installCommand(method: ActivationMethod, key: string): string {
  if (!KEY_PATTERN.test(key)) throw new Error(`not a product key: ${JSON.stringify(key)}`);
  return checkedLine(method, method.install(key));
}
