/** Defers every built page's bundled scripts until after its first paint (src/lib/build/deferredScripts.ts). */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { deferModuleScripts } from "../lib/build/deferredScripts";

export function deferScripts(): AstroIntegration {
  return {
    name: "kms-defer-scripts",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
        let changed = 0;
        for (const page of pages) {
          const path = join(out, page);
          const html = await readFile(path, "utf8");
          const deferred = deferModuleScripts(html);
          if (deferred !== html) {
            await writeFile(path, deferred);
            changed += 1;
          }
        }
        logger.info(`scripts start after the first paint on ${changed} of ${pages.length} pages`);
      },
    },
  };
}
