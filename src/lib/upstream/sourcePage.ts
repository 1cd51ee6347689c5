/**
 * Reads one revision of Microsoft's key page (its Markdown source, as Microsoft Learn keeps
 * it on GitHub) into sections, version groups and rows. `npm run source:diff` compares this
 * with content/, and the tests compare content/ with the revisions kept in tests/fixtures/.
 */
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
  /** The key in the page's own `slmgr /ipk` example. */
  exampleKey: string;
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

/**
 * Parses the page. Throws, naming `file`, when the page lacks its date, its example or any
 * key table: a file that is not this page must never be read as "every key was removed".
 */
export function parseSourcePage(text: string, file: string): SourcePage {
  const date = /^ms\.date:\s*(\d\d)\/(\d\d)\/(\d{4})\s*$/m.exec(text);
  if (!date)
    throw new Error(`${file}: no "ms.date: MM/DD/YYYY" line; is this Microsoft's key page?`);
  const revision = `${date[3]}-${date[1]}-${date[2]}`;
  const example = new RegExp(`^slmgr /ipk (${KEY_CELL.source})\\s*$`, "m").exec(text);
  if (!example?.[1]) throw new Error(`${file}: no "slmgr /ipk" example`);

  const lines = text.split(/\r?\n/);
  // Before any pattern reads a line: every pattern below then reads at most MAX_LINE characters.
  const long = lines.findIndex((line) => line.length > MAX_LINE);
  if (long >= 0) {
    throw new Error(
      `${file}: line ${long + 1} is ${lines[long]?.length.toLocaleString("en")} characters long; no line of Microsoft's page is longer than ${MAX_LINE}`,
    );
  }
  const sections: SourceSection[] = [];
  let inKeys = false;
  let group: SourceGroup | undefined;
  for (const line of lines) {
    const heading = /^(#+)\s+(?:\[(.+)\]\(#tab\/[^)]*\)|(.+?))\s*$/.exec(line);
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
    const cells = /^\|(.+)\|\s*([^|]+?)\s*\|\s*$/.exec(line);
    const section = sections.at(-1);
    if (
      !inKeys ||
      !section ||
      !cells?.[1] ||
      !cells[2] ||
      !new RegExp(`^${KEY_CELL.source}$`).test(cells[2])
    )
      continue;
    if (!group) {
      group = { heading: undefined, rows: [] };
      section.groups.push(group);
    }
    const names = cells[1]
      .split(BREAK)
      .map((name) => name.trim())
      .filter((name) => name !== "");
    group.rows.push({ names, key: cells[2] });
  }

  const rows = sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
  if (rows.length === 0)
    throw new Error(`${file}: no key tables under "Generic Volume License Keys"`);
  return {
    revision,
    sections: sections.filter((s) => s.groups.length > 0),
    exampleKey: example[1],
  };
}

/** Every row of the page in order, with its section and version group. */
export function sourceRows(
  page: SourcePage,
): { section: SourceSection; group: SourceGroup; row: SourceRow }[] {
  return page.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.rows.map((row) => ({ section, group, row }))),
  );
}
