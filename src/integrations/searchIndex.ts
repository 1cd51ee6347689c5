/**
 * Builds the Pagefind index after Astro has written the site: one entry per key row and per
 * activation error, read from the built /keys.json and /errors.json so that search, pages and
 * downloads share one derivation.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";
import type { KeyRecord } from "../lib/keys/keyRecords";
import {
  errorSearchDocument,
  searchDocument,
  searchPlaces,
  searchTexts,
  type ErrorRecord,
} from "../lib/search/searchDocument";
import { searchVocabulary } from "../lib/search/searchQuery";
import { searchScopes } from "../lib/search/searchScopes";
import { SOURCES } from "../lib/upstream/sources";
import { formatRevision } from "../lib/text/dates";

const UNUSED_BUNDLE_FILES =
  /^(pagefind-(component-ui|modular-ui|ui|highlight|worker)\.(js|css)|wasm\.unknown\.pagefind)$/;

export function searchIndex(): AstroIntegration {
  return {
    name: "kms-search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { keys } = JSON.parse(await readFile(join(out, "keys.json"), "utf8")) as {
          keys: KeyRecord[];
        };
        const { errors: codes } = JSON.parse(await readFile(join(out, "errors.json"), "utf8")) as {
          errors: ErrorRecord[];
        };
        // A fragment file per row (Pagefind's default): a search fetches those of the rows it
        // ranks, so what the first search downloads does not grow with Microsoft's list.
        const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
        if (!index) throw new Error(`Pagefind: ${errors.join("; ")}`);
        const places = searchPlaces(keys);
        try {
          for (const [order, record] of keys.entries()) {
            // Base-less: Pagefind prefixes its baseUrl, which follows the deployed sub-path.
            const added = await index.addHTMLFile({
              url: `/${record.path}`,
              content: searchDocument(record, order, places),
            });
            if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
          }
          for (const [i, error] of codes.entries()) {
            const added = await index.addHTMLFile({
              url: `/${error.path}`,
              content: errorSearchDocument(error, keys.length + i),
            });
            if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
          }
          const bundle = join(out, "pagefind");
          const written = await index.writeFiles({ outputPath: bundle });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
          // The site has its own small search UI and searches on the main thread: drop
          // Pagefind's stock UIs, its worker and the language-less wasm so they are never deployed.
          for (const file of await readdir(bundle)) {
            if (UNUSED_BUNDLE_FILES.test(file)) await rm(join(bundle, file));
          }
          // The words a mistyped query word may be corrected to (src/lib/search/searchQuery.ts),
          // and what each kind of key covers (src/lib/search/searchScopes.ts).
          const words = searchVocabulary(searchTexts(keys, codes));
          const scopes = searchScopes(keys, SOURCES, formatRevision);
          await writeFile(
            join(out, "search-words.json"),
            JSON.stringify({ words, scopes, places }),
          );
          logger.info(
            `indexed ${keys.length} keys, ${codes.length} error codes, ${words.length} words`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
