/** Field types every content schema shares (families and activation errors). */
import { z } from "astro/zod";
import { describeCharacter } from "../text/characters";
import { isInvisible, visibleText } from "../text/invisible";

/** Text that must say something once trimmed. */
export const nonEmpty = z.string().trim().min(1, "must not be empty");

/**
 * Why `text`, a name or heading taken from Microsoft's page, cannot be published as plain
 * text: markup (it would reach feeds and pages that render HTML) or a character that draws
 * nothing or reorders what follows. Undefined when it can.
 */
export function plainTextProblem(text: string): string | undefined {
  const markup = /[<>]/.exec(text)?.[0];
  if (markup !== undefined) return `"${visibleText(text)}" must be plain text, without “${markup}”`;
  const hidden = [...text].find((char) => isInvisible(char));
  if (hidden !== undefined) {
    return `"${visibleText(text)}" has ${describeCharacter(hidden)}: names and headings are plain text`;
  }
  return undefined;
}

/** A name or heading from the source: non-empty plain text (plainTextProblem). */
export const plainText = nonEmpty.superRefine((text, ctx) => {
  const problem = plainTextProblem(text);
  if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
});
