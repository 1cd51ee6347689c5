/**
 * The Microsoft Learn pages the site's keys are copied from, and the revisions of each that
 * content/ has been checked against (content/sources.json). A family file names its page;
 * its rows cite revisions of that page only. Kept in content/ because
 * `npm run source:diff -- --write` adds a revision there when it updates the keys.
 */
import sourcesFile from "../../../content/sources.json" with { type: "json" };
import { plainTextProblem } from "../keys/schemaFields";

const FILE = "content/sources.json";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HTTPS = /^https:\/\/[^\s"<>]+$/;
/** An id is what family files and records cite: lower-case words joined by hyphens. */
const SOURCE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Revision = string;

/** The layouts of Microsoft's key pages that src/lib/upstream/sourcePage.ts reads. */
export const SOURCE_READERS = ["sections", "headings", "sentences"] as const;
export type SourceReader = (typeof SOURCE_READERS)[number];

export interface SourcePageInfo {
  /** What family files cite, e.g. "office-gvlks". */
  id: string;
  /** The page's title, as Microsoft gives it. */
  title: string;
  /** The page on Microsoft Learn. */
  url: string;
  /** The page's Markdown source, which `source:diff` and the weekly watch read. */
  markdown: string;
  /** What the page lists, in the site's words. */
  lists: string;
  /** How its key tables are laid out (src/lib/upstream/sourcePage.ts reads each layout). */
  reader: SourceReader;
  /** Revisions (the page's `ms.date`) the site publishes, oldest first. */
  revisions: readonly Revision[];
  /**
   * When the weekly watch (`npm run source:watch`) last found the page unchanged since its
   * newest revision: written by that run, never by a build.
   */
  confirmed?: string | undefined;
}

/** `revisions` if they are ISO dates, oldest first, each once; else an error naming the page. */
export function checkRevisions(revisions: readonly string[], where = FILE): readonly string[] {
  revisions.forEach((revision, i) => {
    const previous = revisions[i - 1];
    if (!ISO_DATE.test(revision) || Number.isNaN(Date.parse(revision))) {
      throw new Error(`${where}: revision "${revision}" is not an ISO date`);
    }
    if (previous !== undefined && previous >= revision) {
      throw new Error(`${where}: revisions must be oldest first, each once`);
    }
  });
  if (revisions.length === 0) throw new Error(`${where}: no revisions`);
  return revisions;
}

/** The pages of a sources file, each checked; any problem names the file, the page and the field. */
export function readSources(data: unknown, file = FILE): SourcePageInfo[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error(`${file}: must be an object of pages by id`);
  }
  const pages = Object.entries(data as Record<string, unknown>).map(([id, raw]) => {
    const where = `${file}: ${id}`;
    if (!SOURCE_ID.test(id))
      throw new Error(`${where}: an id is lower-case words joined by hyphens`);
    const page = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
    const text = (field: string, pattern?: RegExp): string => {
      const value = page[field];
      if (typeof value !== "string" || value.trim() === "" || (pattern && !pattern.test(value))) {
        throw new Error(`${where}: "${field}" must be ${pattern ? "an https:// address" : "text"}`);
      }
      return value;
    };
    const revisions = page["revisions"];
    if (!Array.isArray(revisions) || revisions.some((r) => typeof r !== "string")) {
      throw new Error(`${where}: "revisions" must be a list of ISO dates`);
    }
    const reader = page["reader"];
    if (!SOURCE_READERS.includes(reader as SourceReader)) {
      throw new Error(`${where}: "reader" must be one of ${SOURCE_READERS.join(", ")}`);
    }
    const confirmed = page["confirmed"];
    if (
      confirmed !== undefined &&
      (typeof confirmed !== "string" ||
        !ISO_DATE.test(confirmed) ||
        Number.isNaN(Date.parse(confirmed)))
    ) {
      throw new Error(`${where}: "confirmed" must be an ISO date`);
    }
    // The title comes from Microsoft's page (source:diff writes it) and is shown on every page.
    const title = text("title");
    const problem = plainTextProblem(title);
    if (problem !== undefined) throw new Error(`${where}: "title" ${problem}`);
    return {
      id,
      confirmed,
      reader: reader as SourceReader,
      title,
      url: text("url", HTTPS),
      markdown: text("markdown", HTTPS),
      lists: text("lists"),
      revisions: checkRevisions(revisions as string[], where),
    };
  });
  if (pages.length === 0) throw new Error(`${file}: no pages`);
  return pages;
}

/** Every source page, in the file's order. */
export const SOURCES: readonly SourcePageInfo[] = readSources(sourcesFile);

/** The page with that id; the build fails on an id content/sources.json does not have. */
export function sourceById(
  id: string,
  sources: readonly SourcePageInfo[] = SOURCES,
): SourcePageInfo {
  const page = sources.find((source) => source.id === id);
  if (page === undefined) {
    throw new Error(
      `no source page "${id}" in ${FILE} (it has ${sources.map((s) => s.id).join(", ")})`,
    );
  }
  return page;
}

/** The newest revision of a page. */
export function latestRevision(page: SourcePageInfo): Revision {
  return page.revisions[page.revisions.length - 1] ?? "";
}
