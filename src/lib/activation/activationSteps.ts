/**
 * The activation helper's commands: install the key, point at the host if given, activate,
 * verify. The host comes only as src/lib/activation/kmsHost.ts parsed it; every line passes slmgrLine.
 */
import type { KmsHost } from "./kmsHost";
import { installCommand, slmgrLine } from "./slmgr";

export function activationCommands(key: string, host?: KmsHost): string[] {
  return [
    installCommand(key),
    ...(host ? [slmgrLine(`slmgr /skms ${host.skms}`)] : []),
    slmgrLine("slmgr /ato"),
    slmgrLine("slmgr /dlv"),
  ];
}
