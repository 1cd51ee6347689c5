/**
 * The activation methods, as data (methods.ts says what each field means and builds lines
 * from them). A family file names its method by id (`method:` in content/).
 */
import type { ActivationMethod } from "./methods";

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
