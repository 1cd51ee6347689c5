import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import type { Loader } from "astro/loaders";
import { errorSchema, findErrorProblems, type ActivationError } from "./lib/errors/errorSchema";
import { familySchema, type Family } from "./lib/keys/familySchema";
import { findKeysListedTwice } from "./lib/keys/siteChecks";
import { hostKeysSchema } from "./lib/kmsHosts/hostKeySchema";
import { editionUpgradesSchema, serverConversionSchema } from "./lib/conversions/conversionSchema";

/**
 * The glob loader validates each file against the schema; this wrapper then checks
 * what no single file can: that a key is listed only once across the whole site.
 */
function withSiteWideChecks(loader: Loader): Loader {
  return {
    name: "kms-families",
    async load(context) {
      await loader.load(context);
      const files = [...context.store.values()].map((entry) => ({
        file: entry.filePath ?? entry.id,
        family: entry.data as Family,
      }));
      const problems = findKeysListedTwice(files);
      if (problems.length > 0) {
        throw new Error(`A key or anchor is listed more than once:\n  ${problems.join("\n  ")}`);
      }
    },
  };
}

const families = defineCollection({
  loader: withSiteWideChecks(glob({ pattern: "*.md", base: "./content" })),
  schema: familySchema,
});

/** Activation error codes: the schema checks each file; this, what spans files and the MDX body. */
function withErrorChecks(loader: Loader): Loader {
  return {
    name: "kms-errors",
    async load(context) {
      await loader.load(context);
      const problems = findErrorProblems(
        [...context.store.values()].map((entry) => ({
          file: entry.filePath ?? entry.id,
          code: (entry.data as ActivationError).code,
          body: entry.body ?? "",
        })),
      );
      if (problems.length > 0) {
        throw new Error(`Activation error content:\n  ${problems.join("\n  ")}`);
      }
    },
  };
}

const errors = defineCollection({
  loader: withErrorChecks(glob({ pattern: "*.mdx", base: "./content/errors" })),
  schema: errorSchema,
});

/** Which KMS host key activates what (src/site/kmsHosts.ts checks it against the families). */
const kmsHosts = defineCollection({
  loader: glob({ pattern: "*.md", base: "./content/kms-hosts" }),
  schema: hostKeysSchema,
});

/** Edition conversions: Windows Server's commands, Windows client's upgrade table (src/site/conversions.ts). */
const serverConversions = defineCollection({
  loader: glob({ pattern: "*.md", base: "./content/server-conversions" }),
  schema: serverConversionSchema,
});
const editionUpgrades = defineCollection({
  loader: glob({ pattern: "*.md", base: "./content/edition-upgrades" }),
  schema: editionUpgradesSchema,
});

export const collections = { families, errors, kmsHosts, serverConversions, editionUpgrades };
