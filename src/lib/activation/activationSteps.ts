/**
 * The activation helper's commands for one key: install it, point at the KMS host if the
 * method has one and a host is given, activate, show the status. The host comes only as
 * activation/kmsHost.ts parsed it; every line is a method template, filled and checked.
 */
import type { KmsHost } from "./kmsHost";
import { fillLine, installCommand, type ActivationMethod } from "./methods";

const HOST_KIND_WORDS: Record<KmsHost["kind"], string> = {
  name: "a host name",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
};

/** Why `host` goes into none of the method's lines, or undefined when it can. */
export function hostProblem(method: ActivationMethod, host: KmsHost): string | undefined {
  if (method.kmsHost === undefined)
    return `${method.keyKind}s use no KMS host, so no host goes into their commands.`;
  if (!method.kmsHost.kinds.includes(host.kind))
    return `${method.tool} is documented with ${method.kmsHost.kinds.map((kind) => HOST_KIND_WORDS[kind]).join(" or ")}, not ${HOST_KIND_WORDS[host.kind]}: give the KMS host's name.`;
  return undefined;
}

/** The lines, in order; a host the method cannot take (see hostProblem) is an error. */
export function activationCommands(
  method: ActivationMethod,
  key: string,
  host?: KmsHost,
): string[] {
  const hostLines: string[] = [];
  if (host !== undefined) {
    const problem = hostProblem(method, host);
    if (problem !== undefined) throw new Error(problem);
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
