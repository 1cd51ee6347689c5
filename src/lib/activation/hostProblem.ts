/**
 * Why a host the reader accepted goes into none of a method's lines, in words: loaded with the
 * host reader (scripts/activationHost.ts), once a host is given.
 */
import type { KmsHost } from "./kmsHost";
import type { ActivationMethod } from "./methods";

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
