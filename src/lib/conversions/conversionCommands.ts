/**
 * The conversion commands, filled from validated parts only: an edition name as DISM prints
 * it and a product key of the published shape. What the key slot refuses (a key the site
 * lists, which is a KMS client or AVMA key, where Microsoft asks for a retail key) is decided
 * in conversionKey.ts, before anything is filled.
 */
import { checkedLine, fillSlots } from "../activation/commandTemplates";
import { KEY_PATTERN } from "../keys/keyShape";
import { DISM_EDITION_NAME } from "./dismEdition";

/** What each slot of a conversion command may hold. */
export const CONVERSION_SLOTS = {
  /** DISM's edition names: ServerDatacenter, ServerStandardEval… letters and digits. */
  edition: DISM_EDITION_NAME,
  key: KEY_PATTERN.source.slice(1, -1),
} as const;

export type ConversionValues = { edition?: string | undefined; key?: string | undefined };

/** `template` filled and checked against `templates` (the file's commands); undefined when a slot has no value. */
export function conversionCommand(
  templates: readonly string[],
  template: string,
  values: ConversionValues,
): string | undefined {
  if (!templates.includes(template)) throw new Error(`not a conversion command: ${template}`);
  const line = fillSlots(template, values);
  return line === undefined ? undefined : checkedLine(templates, CONVERSION_SLOTS, line);
}

/**
 * A template as the page shows it before it is filled: the slots given a (checked) value
 * filled in, each other slot a <placeholder>. Shown as text, never copied: a command prompt
 * reads `<` as a redirection.
 */
export function placeholderLine(
  template: string,
  placeholders: Readonly<Record<string, string>>,
  values: ConversionValues = {},
): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const value = (values as Record<string, string | undefined>)[slot];
    const pattern = (CONVERSION_SLOTS as Record<string, string>)[slot];
    if (value === undefined) return `<${placeholders[slot] ?? slot}>`;
    if (pattern === undefined || !new RegExp(`^(?:${pattern})$`).test(value))
      throw new Error(`refusing {${slot}} = ${JSON.stringify(value)}`);
    return value;
  });
}
