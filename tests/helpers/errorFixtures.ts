/**
 * Microsoft's activation error page and its two companion guides, as kept in tests/fixtures/:
 * the summary table's rows, and every command line the three pages document.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseFrontmatter } from "astro/markdown";
import { errorSchema, type ActivationError } from "../../src/lib/errors/errorSchema";

const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
const ERRORS_DIR = fileURLToPath(new URL("../../content/errors/", import.meta.url));

export interface SourceError {
  /** As the table spells it (0x8007007b is lower case there). */
  code: string;
  message: string;
  seenBy: string[];
}

const read = (file: string) => readFileSync(FIXTURES + file, "utf8");

/** The rows of "Summary of error codes". */
export function readSourceErrors(): SourceError[] {
  const text = read("activation-error-codes.2023-08-24.md");
  return [...text.matchAll(/^\|\[(0x[0-9A-Fa-f]{8})\]\([^)]*\) \|(.*?)\|(.*?)\|\s*$/gm)].map(
    ([, code = "", message = "", seenBy = ""]) => ({
      code,
      message: message.replace(/\s+/g, " ").trim(),
      seenBy: seenBy
        .split("<br />")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    }),
  );
}

/** Every line of every code block of the three pages, trimmed. */
export function documentedCommandLines(): Set<string> {
  const lines = new Set<string>();
  for (const file of readdirSync(FIXTURES).filter((f) =>
    /^(activation-|common-|office-volume-).*\.md$/.test(f),
  )) {
    for (const [, block = ""] of read(file).matchAll(/```(?:cmd|console)?[ \t]*\n([\s\S]*?)```/g)) {
      for (const line of block.split("\n")) if (line.trim() !== "") lines.add(line.trim());
    }
    // Inline commands too (`slmgr /dti`).
    for (const [, inline = ""] of read(file).matchAll(/`([^`\n]+)`/g)) lines.add(inline.trim());
  }
  return lines;
}

/** The site's error files, parsed by the schema. */
export function readErrorContent(): { file: string; data: ActivationError; body: string }[] {
  return readdirSync(ERRORS_DIR)
    .filter((file) => file.endsWith(".mdx"))
    .sort()
    .map((file) => {
      const { frontmatter, content } = parseFrontmatter(readFileSync(ERRORS_DIR + file, "utf8"));
      return { file, data: errorSchema.parse(frontmatter), body: content };
    });
}

/** The options of the slmgr.vbs page's tables: "/dli", "/ckms", … */
export function slmgrOptions(): Set<string> {
  const text = read("activation-slmgr-vbs-options.2025-07-07.md");
  return new Set(
    [...text.matchAll(/^\|\s*\\?(\/[a-z-]+)/gm)].map(([, option = ""]) => option.toLowerCase()),
  );
}

/** The options of the ospp.vbs table that take no value: "/act", "/dstatus", … */
export function osppOptions(): Set<string> {
  const text = read("office-volume-activation-tools.2024-09-18.md");
  return new Set([...text.matchAll(/^\|\s*(\/[a-z]+)\s*\|/gm)].map(([, option = ""]) => option));
}

/**
 * Whether Microsoft documents `line`: it is written so on one of the pages, or it is slmgr
 * (the options page's syntax: `slmgr.vbs [<Options>]`) or `cscript ospp.vbs` (its general
 * syntax: `cscript ospp.vbs [Option:Value]`) with one option of its tables.
 */
export function isDocumented(line: string): boolean {
  if (documentedCommandLines().has(line)) return true;
  const option = /^slmgr(?:\.vbs)? (\/[a-z-]+)$/i.exec(line)?.[1];
  if (option !== undefined) return slmgrOptions().has(option.toLowerCase());
  const ospp = /^cscript ospp\.vbs (\/[a-z]+)$/.exec(line)?.[1];
  return ospp !== undefined && osppOptions().has(ospp);
}
