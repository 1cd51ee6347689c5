/**
 * Command lines built from templates, never from text: a template is fixed text with slots
 * (`{key}`, `{edition}`), each slot a pattern its value must match whole, and the templates of
 * a tool are also its whitelist: a line is handed out only if it matches one of them. Shared
 * by the activation methods (methods.ts) and the edition conversions (conversions/).
 */

/** Each slot's pattern (a regex source, without anchors). */
export type SlotPatterns = Readonly<Record<string, string>>;

const SLOT = /\{(\w+)\}/g;

/** The slots a template uses, in order. */
export function templateSlots(template: string): string[] {
  return [...template.matchAll(SLOT)].map((match) => match[1] ?? "");
}

/** A template as a pattern: its text literal, each slot what `slots` allows. */
export function templatePattern(template: string, slots: SlotPatterns): RegExp {
  // split() with a capture group: odd parts are slot names; a slot `slots` lacks matches nothing.
  const parts = template
    .split(SLOT)
    .map((part, i) =>
      i % 2 ? `(?:${slots[part] ?? "(?!)"})` : part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"),
    );
  return new RegExp(`^${parts.join("")}$`);
}

/** `line` if one of `templates` allows it, or an error: a line outside them is a bug, never something to copy. */
export function checkedLine(
  templates: readonly string[],
  slots: SlotPatterns,
  line: string,
): string {
  if (!templates.some((template) => templatePattern(template, slots).test(line)))
    throw new Error(`refusing to build the command ${JSON.stringify(line)}`);
  return line;
}

/** The template filled with `values`, before any check; undefined when a slot it needs has no value. */
export function fillSlots(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
): string | undefined {
  let missing = false;
  const line = template.replace(SLOT, (_, slot: string) => {
    // Slot names come from the templates, never from what was typed.
    const value = values[slot];
    if (value === undefined) missing = true;
    return value ?? "";
  });
  return missing ? undefined : line;
}
