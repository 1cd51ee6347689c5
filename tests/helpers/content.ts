/** Reads content/ the way Astro's glob loader does, for tests that run without Astro. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseFrontmatter } from "astro/markdown";
import { familySchema, type Family } from "../../src/lib/familySchema";

export const CONTENT_DIR = fileURLToPath(new URL("../../content/", import.meta.url));

export interface ContentFile {
  file: string;
  text: string;
  frontmatter: Record<string, unknown>;
}

export function readContentFiles(): ContentFile[] {
  return readdirSync(CONTENT_DIR)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      const text = readFileSync(CONTENT_DIR + file, "utf8");
      return { file, text, frontmatter: parseFrontmatter(text).frontmatter };
    });
}

export function readFamilies(): { file: string; family: Family }[] {
  return readContentFiles().map(({ file, frontmatter }) => ({
    file,
    family: familySchema.parse(frontmatter),
  }));
}
