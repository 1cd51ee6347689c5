/** Reads content/ the way Astro's glob loader does, for tests that run without Astro. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFrontmatter } from "astro/markdown";
import { familySchema, type Family } from "../../src/lib/keys/familySchema";

export const CONTENT_DIR = fileURLToPath(new URL("../../content/", import.meta.url));

export interface ContentFile {
  file: string;
  text: string;
  frontmatter: Record<string, unknown>;
}

export function readContentFiles(dir = CONTENT_DIR): ContentFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), "utf8");
      return { file, text, frontmatter: parseFrontmatter(text).frontmatter };
    });
}

/** The families of `dir`; with `source`, only those copied from that page. */
export function readFamilies(
  dir = CONTENT_DIR,
  source?: string,
): { file: string; family: Family }[] {
  return readContentFiles(dir)
    .map(({ file, frontmatter }) => ({ file, family: familySchema.parse(frontmatter) }))
    .filter(({ family }) => source === undefined || family.source === source);
}
