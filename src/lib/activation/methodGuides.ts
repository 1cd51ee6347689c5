/**
 * What the pages say around each activation method's lines (src/lib/activation/methods.ts):
 * where to run them, the folder to change to first, the troubleshooting commands. Build-time
 * only, apart from the method data that the copy buttons load.
 */
import type { CommandName } from "./documentedCommands";
import { METHOD_IDS } from "./methodIds";

export interface FixedLine {
  /** When to run it, e.g. "64-bit Office, or 32-bit Office on 32-bit Windows". */
  when: string;
  line: string;
}

export interface MethodGuide {
  /** Where the lines run. */
  prompt: string;
  /** Alternative folders to change to first (literal lines, one applies), or none. */
  folders: readonly FixedLine[];
  /** How the host lines read before a host is given. */
  hostPlaceholder: readonly string[];
  /** Documented commands that show what the machine has now. */
  troubleshoot: readonly CommandName[];
}

export const METHOD_GUIDES: Readonly<Record<string, MethodGuide>> = {
  "windows-kms": {
    prompt: "an elevated command prompt",
    folders: [],
    hostPlaceholder: ["slmgr /skms <host>[:<port>]"],
    troubleshoot: ["dli", "dlv", "xpr", "ckms", "srvLookup"],
  },
  "office-kms": {
    prompt: "an elevated command prompt, in the Office16 folder",
    // Microsoft: ospp.vbs is in Program Files\Microsoft Office\Office16; for 32-bit Office
    // on 64-bit Windows, in Program Files (x86)\Microsoft Office\Office16.
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
    hostPlaceholder: ["cscript ospp.vbs /sethst:<host>", "cscript ospp.vbs /setprt:<port>"],
    troubleshoot: ["osppDstatus", "osppDhistorykms", "osppRemhst", "srvLookup"],
  },
  avma: {
    prompt: "PowerShell or an elevated command prompt, in the virtual machine",
    folders: [],
    hostPlaceholder: [],
    troubleshoot: ["dli", "dlv", "xpr"],
  },
};

/** The guide of a method; every method has one (tests/unit/methods.test.ts). */
export function methodGuide(id: string): MethodGuide {
  // Own properties only: "constructor" is no method, whatever objects inherit.
  const guide = Object.hasOwn(METHOD_GUIDES, id) ? METHOD_GUIDES[id] : undefined;
  if (guide === undefined || !METHOD_IDS.includes(id))
    throw new Error(`no guide for the activation method "${id}"`);
  return guide;
}

/** A fixed line of the method's guide, compared whole: never built, never from input. */
export function fixedLine(id: string, line: string): string {
  if (!methodGuide(id).folders.some((folder) => folder.line === line))
    throw new Error(`not a fixed line of ${id}: ${JSON.stringify(line)}`);
  return line;
}
