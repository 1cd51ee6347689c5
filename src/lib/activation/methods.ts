/**
 * How a family's keys are put to work: one definition per activation method, as data. A
 * family file names its method (`method:` in content/); what the site says or builds about a
 * key, its kind, the tool, the copy button's words, every command line, comes from here.
 *
 * Every line is a template with slots: {key} a product key of the published shape, {host} a
 * host name or IPv4 address, {skms} slmgr's host[:port] argument, {port} a port (a line with
 * {port} is left out when no port is given). A method's templates are also its whitelist:
 * a line is built only by filling them with values the slots' patterns accept, and checked
 * against them again. Lines that are fixed text with characters a command prompt reads (the
 * Office16 folder: spaces, `%`, parentheses) are a separate, literal kind (METHOD_GUIDES),
 * compared whole, never built. The methods themselves are in methodList.ts: the helper page
 * carries its own method, so its script loads these functions without the list.
 */
import { KEY_PATTERN } from "../keys/keyShape";
import { installLabel, installLine } from "./installLine";
import { checkedLine as checkedTemplateLine, fillSlots } from "./commandTemplates";
import type { KmsHost } from "./kmsHost";

/** What an `/skms` argument may hold: the characters of names, addresses and ports, nothing a shell reads. */
export const SKMS_ARGUMENT = /^[A-Za-z0-9.:[\]-]{1,300}$/;

/** What each slot may be filled with. */
const SLOTS = {
  key: KEY_PATTERN.source.slice(1, -1),
  host: "[A-Za-z0-9.-]{1,253}",
  skms: SKMS_ARGUMENT.source.slice(1, -1),
  port: "[0-9]{1,5}",
};
type Slot = keyof typeof SLOTS;
/** The values a line is filled with; a slot without one leaves its line out. */
export type SlotValues = { [slot in Slot]?: string | undefined };

export interface ActivationMethod {
  id: string;
  /** What its keys are called: "KMS client key", "AVMA key". */
  keyKind: string;
  /** The tool that installs the key, as its lines start. */
  tool: string;
  /** The line that installs a key. */
  install: string;
  /** The host kinds the tool documents and the lines that point a client at one; none when no KMS host applies. */
  kmsHost?: {
    kinds: readonly KmsHost["kind"][];
    lines: readonly string[];
    /** Whether Microsoft's DNS guide also gives the host line in its `cscript … slmgr.vbs` form. */
    dnsGuideForm: boolean;
  };
  /** Lines that activate now, after the key (and host). */
  activate: readonly string[];
  /** Lines that show the licence status. */
  status: readonly string[];
}

/** Every template of the method: its whitelist. */
function templates(method: ActivationMethod): string[] {
  return [method.install, ...(method.kmsHost?.lines ?? []), ...method.activate, ...method.status];
}

/** A line the method may produce, or an error: a line outside its templates is a bug, never something to copy. */
export function checkedLine(method: ActivationMethod, line: string): string {
  return checkedTemplateLine(templates(method), SLOTS, line);
}

/** The template filled, and checked; undefined when a slot it needs has no value. */
export function fillLine(
  method: ActivationMethod,
  template: string,
  values: SlotValues,
): string | undefined {
  const line = fillSlots(template, values);
  return line === undefined ? undefined : checkedLine(method, line);
}

/** The install line before its key ("slmgr /ipk "): what pages carry for their copy buttons. */
export function installPrefix(method: ActivationMethod): string {
  return method.install.replace(/\{key\}$/, "");
}

/** The install line's command without its key, as people name it: "slmgr /ipk", "cscript ospp.vbs /inpkey". */
export function installName(method: ActivationMethod): string {
  return installLabel(installPrefix(method));
}

/**
 * The line that installs `key` with the method's tool: what a row's command button copies,
 * built as the button builds it (installLine) and checked against the method's templates.
 */
export function installCommand(method: ActivationMethod, key: string): string {
  return checkedLine(method, installLine(installPrefix(method), key));
}
