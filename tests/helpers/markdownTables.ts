/** The tables of Microsoft's Markdown pages (tests/fixtures/), read as the tests compare them. */

/** The first table at or after `marker`: its header cells and its body rows' cells, trimmed. */
export function markdownTable(
  page: string,
  marker: string,
): { header: string[]; rows: string[][] } {
  const start = page.indexOf(marker);
  if (start === -1) throw new Error(`no "${marker}" in the page`);
  const lines = page.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const cells = (line: string) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
  const table: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith("|")) break;
    table.push(cells(line));
  }
  const [header = [], , ...rows] = table;
  return { header, rows };
}
