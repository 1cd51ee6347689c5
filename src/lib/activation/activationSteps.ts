/**
 * The activation helper's commands for one key: install it, point at the KMS host if the
 * method has one and a host is given, activate, show the status. The host comes only as
 * activation/kmsHost.ts parsed it; every line is a method template, filled and checked.
 */
import type { KmsHost } from "./kmsHost";
import { fillLine, installCommand, type ActivationMethod } from "./methods";

/** The lines, in order; a host the method cannot take (hostProblem.ts says why) is an error. */
export function activationCommands(
  method: ActivationMethod,
  key: string,
  host?: KmsHost,
): string[] {
  const hostLines: string[] = [];
  if (host !== undefined) {
    if (!method.kmsHost?.kinds.includes(host.kind))
      throw new Error(`${method.id} takes no ${host.kind} host`);
    const values = { host: host.host, skms: host.skms, port: host.port?.toString() };
    for (const template of method.kmsHost?.lines ?? []) {
      const line = fillLine(method, template, values);
      if (line !== undefined) hostLines.push(line);
    }
  }
  return [
    installCommand(method, key),
    ...hostLines,
    ...[...method.activate, ...method.status].map(
      (template) => fillLine(method, template, {}) ?? "",
    ),
  ];
}
