/**
 * The troubleshooting commands the site hands out, each exactly as one of Microsoft's pages
 * documents it (tests/fixtures/ holds them), with one line, in the site's words, on what it
 * tells you. Pages and the activation helper take commands from here by name; a name that
 * is not here fails the build.
 */
import { SKMS_ARGUMENT } from "./methods";

export interface DocumentedCommand {
  /** The command line, as documented. */
  line: string;
  /** What running it tells you or does. */
  tells: string;
}

export const DOCUMENTED_COMMANDS = {
  dli: {
    line: "slmgr /dli",
    tells:
      "Shows the licence of the installed edition; on a KMS host, the current count of clients.",
  },
  dlv: {
    line: "slmgr /dlv",
    tells: "Shows detailed licence information for the installed edition.",
  },
  xpr: {
    line: "slmgr /xpr",
    tells:
      "Shows when the activation expires: useful on a KMS client, where it does not last for ever.",
  },
  ato: {
    line: "slmgr /ato",
    tells: "Tries to activate now.",
  },
  ckms: {
    line: "slmgr /ckms",
    tells: "Forgets a KMS host set by hand and goes back to finding one through DNS.",
  },
  dti: {
    line: "slmgr /dti",
    tells: "Shows the installation ID that phone activation asks for.",
  },
  srvLookup: {
    line: "nslookup -type=all _vlmcs._tcp>kms.txt",
    tells:
      "Looks up the _vlmcs._tcp SRV records that clients use to find a KMS host, and saves the answer to kms.txt.",
  },
  ipconfig: {
    line: "IPCONFIG /all",
    tells: "Shows the client's IP address, DNS servers, default gateway and DNS suffixes.",
  },
  osppDstatus: {
    line: "cscript ospp.vbs /dstatus",
    tells: "Shows the licence of each installed Office product key: its status and any error code.",
  },
  osppDstatusall: {
    line: "cscript ospp.vbs /dstatusall",
    tells: "Shows the licence information of every installed Office licence.",
  },
  osppDhistorykms: {
    line: "cscript ospp.vbs /dhistorykms",
    tells: "Shows Office's KMS activation history: whether the KMS host was reached.",
  },
  osppRemhst: {
    line: "cscript ospp.vbs /remhst",
    tells: "Removes a KMS host name set by hand and puts the port back to 1688.",
  },
  cscriptAto: {
    line: "cscript \\windows\\system32\\slmgr.vbs -ato",
    tells: "The same as slmgr /ato, in the form Microsoft's DNS guide writes it.",
  },
} as const satisfies Record<string, DocumentedCommand>;

export type CommandName = keyof typeof DOCUMENTED_COMMANDS;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(DOCUMENTED_COMMANDS, name);
}

/**
 * The `cscript … -skms host:port` form of Microsoft's DNS guide, for a host already read by
 * kmsHost.ts; the argument is checked once more against the characters hosts use.
 */
export function cscriptSetHost(skms: string): string {
  if (!SKMS_ARGUMENT.test(skms)) {
    throw new Error(`refusing to build the command for host ${JSON.stringify(skms)}`);
  }
  return `cscript \\windows\\system32\\slmgr.vbs -skms ${skms}`;
}
