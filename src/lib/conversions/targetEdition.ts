/**
 * The target edition the conversion form accepts, and why it refuses the rest, in words: an
 * edition name as DISM prints it, never an evaluation (the conversion goes to retail). The
 * key is checked by retailKey.ts, loaded once one is typed.
 */
import { visibleText } from "../text/invisible";
import { CONVERSION_SLOTS } from "./conversionCommands";
import { isEvaluation } from "./dismEdition";

export type Checked = { ok: true; value: string } | { ok: false; problem: string };

const EDITION = new RegExp(`^${CONVERSION_SLOTS.edition}$`);

/** A target edition name, trimmed, or why it can't be one. */
export function checkTargetEdition(input: string): Checked {
  const value = input.trim();
  if (value === "")
    return { ok: false, problem: "Type the edition name /Get-TargetEditions printed." };
  if (!EDITION.test(value))
    return {
      ok: false,
      problem: `“${visibleText(value.slice(0, 64))}” is not an edition name as DISM prints it: letters and digits only, such as ServerDatacenter.`,
    };
  if (isEvaluation(value))
    return {
      ok: false,
      problem: `${value} is an evaluation edition: /Set-Edition converts to a retail edition. Take the target's name from what /Get-TargetEditions printed.`,
    };
  return { ok: true, value };
}
