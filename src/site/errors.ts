import { getCollection, type CollectionEntry } from "astro:content";
import { errorPath, ERRORS_SOURCE } from "../lib/errors/activationErrors";
import { publicUrl } from "./url";

export type ErrorEntry = CollectionEntry<"errors">;

/** Every activation error, in code order (Microsoft's table order). */
export async function getErrors(): Promise<ErrorEntry[]> {
  const errors = await getCollection("errors");
  return errors.sort((a, b) => a.data.code.localeCompare(b.data.code));
}

/** What /errors.json publishes: one record per code (fields in docs/content.md). */
export async function getErrorsDocument(site: URL | undefined) {
  return {
    source: ERRORS_SOURCE,
    errors: (await getErrors()).map(({ data }) => ({
      code: data.code,
      message: data.message,
      seenBy: data.seenBy,
      summary: data.summary,
      causes: data.causes,
      hostKeys: data.hostKeys,
      path: errorPath(data.code),
      url: publicUrl(errorPath(data.code), site),
    })),
  };
}
