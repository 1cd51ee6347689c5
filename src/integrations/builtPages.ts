/**
 * One pass over every built page, after Astro wrote it: its bundled scripts deferred until the
 * first paint (src/lib/build/deferredScripts.ts), then its Content-Security-Policy cut down to
 * its own inline scripts and styles, the loader just added among them (src/lib/build/pagePolicy.ts).
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { deferModuleScripts } from "../lib/build/deferredScripts";
import { ownHashesOnly } from "../lib/build/pagePolicy";

export function builtPages(): AstroIntegration {
  return {
    name: "kms-built-pages",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages = (await readdir(out, { recursive: true })).filter((f) => f.endsWith(".html"));
        let deferred = 0;
        let saved = 0;
        for (const page of pages) {
          const path = join(out, page);
          const html = await readFile(path, "utf8");
          const withLoader = deferModuleScripts(html);
          if (withLoader !== html) deferred += 1;
          const own = ownHashesOnly(withLoader, page);
          saved += withLoader.length - own.length;
          if (own !== html) await writeFile(path, own);
        }
        logger.info(`scripts start after the first paint on ${deferred} of ${pages.length} pages`);
        logger.info(
          `each page's policy lists its own inline scripts and styles: ${saved} bytes fewer`,
        );
      },
    },
  };
}
