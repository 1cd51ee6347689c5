/**
 * The helper's host half, loaded only once a host is given (typed, or in the link): the
 * host grammar and the cscript forms are most of the helper's code, and a row's
 * "Activation steps" link needs neither.
 */
import { cscriptSetHost, DOCUMENTED_COMMANDS } from "../lib/activation/documentedCommands";
import { hostProblem } from "../lib/activation/hostProblem";
import { readKmsHost } from "../lib/activation/kmsHost";

export { hostProblem, readKmsHost };

/** The host commands in the cscript form of Microsoft's DNS guide, for a valid host. */
export function cscriptLines(skms: string): string {
  return [cscriptSetHost(skms), DOCUMENTED_COMMANDS.cscriptAto.line].join("\n");
}
