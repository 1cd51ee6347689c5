/**
 * The Microsoft Learn page every key on this site is taken from, and the revisions of it that
 * content/ has been checked against. Kept in content/ because `npm run source:diff -- --write`
 * adds a revision there when it updates the keys.
 */
import sourcePage from "../../../content/source-page.json" with { type: "json" };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `revisions` if they are ISO dates, oldest first, each once; else an error naming the file. */
export function checkRevisions(revisions: readonly string[]): readonly string[] {
  revisions.forEach((revision, i) => {
    const previous = revisions[i - 1];
    if (!ISO_DATE.test(revision) || Number.isNaN(Date.parse(revision))) {
      throw new Error(`content/source-page.json: revision "${revision}" is not an ISO date`);
    }
    if (previous !== undefined && previous >= revision) {
      throw new Error(`content/source-page.json: revisions must be oldest first, each once`);
    }
  });
  if (revisions.length === 0) throw new Error("content/source-page.json: no revisions");
  return revisions;
}

/** The Microsoft Learn page every key on this site is taken from. */
export const SOURCE_PAGE = { title: sourcePage.title, url: sourcePage.url } as const;

/** Revisions of that page that the site publishes, oldest first (ISO dates of `ms.date`). */
export const REVISIONS: readonly string[] = checkRevisions(sourcePage.revisions);

export type Revision = string;

/** The revision content/ was last checked against. */
export const LATEST_REVISION = REVISIONS[REVISIONS.length - 1] as Revision;
