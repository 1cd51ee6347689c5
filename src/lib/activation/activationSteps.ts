/**
 * The activation helper's commands for one key: install it, point at the KMS host if the
 * method has one and a host is given, activate, show the status. The host comes only as
 * activation/kmsHost.ts parsed it; every line passes the method's whitelist.
 */
import type { KmsHost } from "./kmsHost";
import { checkedLine, installCommand, type ActivationMethod } from "./methods";

const HOST_KIND_WORDS: Record<KmsHost["kind"], string> = {
  name: "a host name",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
};

/** Why `host` goes into none of the method's lines, or undefined when it can. */
export function hostProblem(method: ActivationMethod, host: KmsHost): string | undefined {
  if (method.kmsHost === undefined)
    return `A ${method.keyKind} uses no KMS host, so no host goes into its commands.`;
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
  if (host !== undefined) {
    const problem = hostProblem(method, host);
    if (problem !== undefined) throw new Error(problem);
  }
  const hostLines = host !== undefined && method.kmsHost ? method.kmsHost.lines(host) : [];
  return [
    installCommand(method, key),
    ...[...hostLines, ...method.activate, ...method.status].map((line) =>
      checkedLine(method, line),
    ),
  ];
}
