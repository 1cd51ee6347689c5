/**
 * The schema of one activation error in `content/errors/`: the code in the site's one
 * spelling, Microsoft's message and "Activation type" column as published, and the site's
 * own summary and causes. The resolution is the file's MDX body.
 */
import { z } from "astro/zod";
import { ERROR_CODE_PATTERN, SEEN_BY } from "./activationErrors";
import { nonEmpty } from "../keys/schemaFields";

export const errorSchema = z.object({
  /** `0x` and eight upper-case hex digits, e.g. 0xC004F074; the file is named after it. */
  code: z
    .string()
    .regex(
      ERROR_CODE_PATTERN,
      "must be written 0x and eight upper-case hex digits, e.g. 0xC004F074",
    ),
  /** The error message as Microsoft's table gives it. */
  message: nonEmpty,
  /** Who sees it: Microsoft's "Activation type" column. */
  seenBy: z
    .array(z.enum(SEEN_BY, { error: `must be one of: ${SEEN_BY.join(", ")}` }))
    .min(1, "say who sees the error"),
  /** One line, in the site's words. */
  summary: nonEmpty,
  /** Why it happens, in the site's words; at least one. */
  causes: z.array(nonEmpty).min(1, "give at least one cause"),
  /**
   * The KMS host the client reached can't activate it: the status reader then points at the
   * host keys' table (which host key activates which versions of Windows).
   */
  hostKeys: z.boolean().default(false),
});

export type ActivationError = z.infer<typeof errorSchema>;

/** Problems no single entry shows: a file not named after its code, a code listed twice, no resolution. */
export function findErrorProblems(
  entries: readonly { file: string; code: string; body: string }[],
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  // In file order, whatever order the loader read them in: the later file is the duplicate.
  const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file));
  for (const { file, code, body } of sorted) {
    const name = file.replace(/^.*\//, "").replace(/\.mdx$/, "");
    if (name !== code)
      problems.push(`${file}: the code is ${code}, so the file must be named ${code}.mdx`);
    const other = seen.get(code.toUpperCase());
    if (other !== undefined) problems.push(`${file}: ${code} is already listed in ${other}`);
    seen.set(code.toUpperCase(), file);
    if (body.trim() === "")
      problems.push(`${file}: ${code} has no resolution (the file's body is empty)`);
  }
  return problems;
}
