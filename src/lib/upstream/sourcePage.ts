/**
 * Reads one revision of one of Microsoft's key pages (its Markdown source, as Microsoft Learn
 * keeps it on GitHub) into sections, version groups and rows. `npm run source:diff` compares
 * this with content/, and the tests compare content/ with the revisions in tests/fixtures/.
 * Each page lays its tables out its own way; content/sources.json names the reader:
 * - "sections": the Windows page: tables under "## Generic Volume License Keys", `###`
 *   sections, `####` or tab-titled version groups, several names in a cell split at `<br>`;
 * - "headings": the Office page: each "## GVLKs for <release>" is a section of one table;
 * - "sentences": the AVMA page: under "## AVMA keys", each table follows "The following AVMA
 *   keys can be used for <version>:", and its cells give the edition alone ("Datacenter"),
 *   so a row's name is the version and the edition ("Windows Server 2022 Datacenter").
 */
import type { SourceReader } from "./sources";

export interface SourceRow {
  /** The names in the edition cell, split at `<br>`. */
  names: string[];
  key: string;
}

export interface SourceGroup {
  /** The version heading (`####` or a tab title); undefined when the table sits right under its section. */
  heading: string | undefined;
  rows: SourceRow[];
}

export interface SourceSection {
  /** The `###` heading, e.g. "Windows Server LTSC". */
  heading: string;
  groups: SourceGroup[];
}

export interface SourcePage {
  /** The page's `ms.date`, as an ISO date. */
  revision: string;
  sections: SourceSection[];
  /** The key in the page's own `slmgr /ipk` example (the Windows page has one). */
  exampleKey?: string;
}

/** The longest line read; Microsoft's longest is a paragraph of prose, well under this. */
export const MAX_LINE = 2000;

/** Wider than a valid key on purpose: a misprinted key is read, then refused by the schema. */
const KEY_CELL = /[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}/;
const BREAK = /\s*<br\s*\/?>\s*/gi;

/** A heading as a reader sees it: a tab title's line break becomes a comma. */
function headingText(raw: string): string {
  return raw.replace(BREAK, ", ").trim();
}

/** The page's `ms.date` as an ISO date, or an error naming the file. */
function readRevision(text: string, file: string): string {
  const date = /^ms\.date:\s*(\d\d)\/(\d\d)\/(\d{4})\s*$/m.exec(text);
  if (!date)
    throw new Error(
      `${file}: no "ms.date: MM/DD/YYYY" line; is this one of Microsoft's key pages?`,
    );
  return `${date[3]}-${date[1]}-${date[2]}`;
}

/** The page's lines; refused before any pattern reads one that is longer than MAX_LINE. */
function readLines(text: string, file: string): string[] {
  const lines = text.split(/\r?\n/);
  const long = lines.findIndex((line) => line.length > MAX_LINE);
  if (long >= 0) {
    throw new Error(
      `${file}: line ${long + 1} is ${lines[long]?.length.toLocaleString("en")} characters long; no line of Microsoft's pages is longer than ${MAX_LINE}`,
    );
  }
  return lines;
}

/** A table row whose last cell is a key (a trailing `<br/>` aside): its first cell, and the key. */
function keyCells(line: string): { cell: string; key: string } | undefined {
  const cells = /^\|(.+)\|([^|]+)\|\s*$/.exec(line);
  const [key, ...more] = cellParts(cells?.[2] ?? "");
  if (!cells?.[1] || key === undefined || more.length > 0) return undefined;
  return new RegExp(`^${KEY_CELL.source}$`).test(key) ? { cell: cells[1], key } : undefined;
}

/** A cell's parts, split at `<br>`, trimmed, empty ones dropped. */
function cellParts(cell: string): string[] {
  return cell
    .split(BREAK)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

const HEADING = /^(#+)\s+(?:\[(.+)\]\(#tab\/[^)]*\)|(.+?))\s*$/;

/**
 * Parses the page with the reader its layout needs. Throws, naming `file`, when the page lacks
 * its date, (for the Windows page) its example, or any key table: a file that is not the page
 * must never be read as "every key was removed".
 */
export function parseSourcePage(
  text: string,
  file: string,
  reader: SourceReader = "sections",
): SourcePage {
  const revision = readRevision(text, file);
  const lines = readLines(text, file);
  const sections = READERS[reader](lines);
  const rows = sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
  if (rows.length === 0) throw new Error(`${file}: no key tables where the ${reader} reader looks`);
  const page: SourcePage = { revision, sections: sections.filter((s) => s.groups.length > 0) };
  if (reader === "sections") {
    // Only the Windows page has one; its absence means the file is something else.
    const example = new RegExp(`^slmgr /ipk (${KEY_CELL.source})\\s*$`, "m").exec(text);
    if (!example?.[1]) throw new Error(`${file}: no "slmgr /ipk" example`);
    page.exampleKey = example[1];
  }
  return page;
}

const READERS: Record<SourceReader, (lines: string[]) => SourceSection[]> = {
  /** The Windows page. */
  sections(lines) {
    const sections: SourceSection[] = [];
    let inKeys = false;
    let group: SourceGroup | undefined;
    for (const line of lines) {
      const heading = HEADING.exec(line);
      if (heading) {
        const level = heading[1]?.length ?? 0;
        const isTab = heading[2] !== undefined;
        const title = headingText(heading[2] ?? heading[3] ?? "");
        // The tables live under "## Generic Volume License Keys"; tab titles are "# [..](#tab/..)".
        if (level === 2 && !isTab) {
          inKeys = /generic volume license keys/i.test(title);
          group = undefined;
        } else if (inKeys && level === 3 && !isTab) {
          sections.push({ heading: title, groups: [] });
          group = undefined;
        } else if (inKeys && (isTab || level >= 4)) {
          group = { heading: title, rows: [] };
          sections.at(-1)?.groups.push(group);
        }
        continue;
      }
      const cells = keyCells(line);
      const section = sections.at(-1);
      if (!inKeys || !section || !cells) continue;
      if (!group) {
        group = { heading: undefined, rows: [] };
        section.groups.push(group);
      }
      group.rows.push({ names: cellParts(cells.cell), key: cells.key });
    }
    return sections;
  },

  /** The Office page: "## GVLKs for Office LTSC 2024" and its table. */
  headings(lines) {
    const sections: SourceSection[] = [];
    let group: SourceGroup | undefined;
    for (const line of lines) {
      const heading = HEADING.exec(line);
      if (heading) {
        const release =
          heading[1] === "##" ? /^GVLKs for (.+)$/i.exec(headingText(heading[3] ?? "")) : null;
        group = release?.[1] ? { heading: undefined, rows: [] } : undefined;
        if (release?.[1] && group) sections.push({ heading: release[1], groups: [group] });
        continue;
      }
      const cells = keyCells(line);
      if (group && cells) group.rows.push({ names: cellParts(cells.cell), key: cells.key });
    }
    return sections;
  },

  /** The AVMA page: "The following AVMA keys can be used for Windows Server 2022:" and its table. */
  sentences(lines) {
    const sections: SourceSection[] = [];
    let group: SourceGroup | undefined;
    for (const line of lines) {
      const heading = HEADING.exec(line);
      if (heading) {
        // Every `##` heading starts a section; only "AVMA keys" gets groups.
        if (heading[1] === "##")
          sections.push({ heading: headingText(heading[3] ?? ""), groups: [] });
        group = undefined;
        continue;
      }
      const intro = /^The following AVMA keys can be used for (.+?):\s*$/i.exec(line);
      const section = sections.at(-1);
      if (intro?.[1] && section && /^AVMA keys$/i.test(section.heading)) {
        group = { heading: intro[1], rows: [] };
        section.groups.push(group);
        continue;
      }
      const cells = keyCells(line);
      // One edition per cell; a break inside it ("Datacenter<br/>Azure Edition") is read as
      // the Windows page writes that edition: "Datacenter: Azure Edition".
      if (group?.heading && cells)
        group.rows.push({
          names: [`${group.heading} ${cellParts(cells.cell).join(": ")}`],
          key: cells.key,
        });
    }
    return sections;
  },
};

/** Every row of the page in order, with its section and version group. */
export function sourceRows(
  page: SourcePage,
): { section: SourceSection; group: SourceGroup; row: SourceRow }[] {
  return page.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.rows.map((row) => ({ section, group, row }))),
  );
}
