/** Cuts each built page's Content-Security-Policy down to its own inline scripts and styles (src/lib/build/pagePolicy.ts). */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { ownHashesOnly } from "../lib/build/pagePolicy";

export function pagePolicy(): AstroIntegration {
  return {
    name: "kms-page-policy",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
        let saved = 0;
        for (const page of pages) {
          const path = join(out, page);
          const html = await readFile(path, "utf8");
          const own = ownHashesOnly(html, page);
          saved += html.length - own.length;
          if (own !== html) await writeFile(path, own);
        }
        logger.info(
          `each page's policy lists its own inline scripts and styles: ${saved} bytes fewer on ${pages.length} pages`,
        );
      },
    },
  };
}
