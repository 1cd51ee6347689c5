/**
 * Keeps the prose of content/ as a person wrapped it when `source:diff --write` rewrites a
 * file. The YAML library writes a folded block (`text: >-`) as one long line, so a note that
 * no revision touched came back reflowed in every file the tool wrote. Each folded block of
 * the written file whose words are those of the same key's block in the original is put back
 * as it was written there.
 */

interface FoldedBlock {
  /** Index of the `key: >-` line, and one past the block's last line. */
  start: number;
  end: number;
  /** The header line and the block's words (paragraphs kept), which identify it. */
  identity: string;
}

const HEADER = /^( *)(?:- )?[\w-]+: >[-+]?$/;

/** The folded blocks of a YAML text's lines. */
function foldedBlocks(lines: readonly string[]): FoldedBlock[] {
  const blocks: FoldedBlock[] = [];
  lines.forEach((header, start) => {
    const indent = HEADER.exec(header)?.[1];
    if (indent === undefined) return;
    let end = start + 1;
    let last = start;
    // The block runs while lines are blank or indented deeper than its key; blank lines after
    // its last text belong to what follows.
    for (; end < lines.length; end++) {
      const line = lines[end] ?? "";
      if (line.trim() === "") continue;
      if (line.length - line.trimStart().length <= indent.length) break;
      last = end;
    }
    const text = lines.slice(start + 1, last + 1).map((line) => line.trim());
    const paragraphs = text.join("\n").split(/\n{2,}/);
    const words = paragraphs.map((paragraph) => paragraph.split(/\s+/).join(" "));
    blocks.push({ start, end: last + 1, identity: [header, ...words].join("\n") });
  });
  return blocks;
}

/** `written` with each folded block whose words `original` has under the same key as `original` wraps them. */
export function keepFoldedText(original: string, written: string): string {
  const before = original.split("\n");
  const wrapped = new Map(
    foldedBlocks(before).map((block) => [block.identity, before.slice(block.start, block.end)]),
  );
  const lines = written.split("\n");
  // From the last block up, so that each splice leaves the earlier blocks' lines in place.
  for (const block of foldedBlocks(lines).reverse()) {
    const kept = wrapped.get(block.identity);
    if (kept !== undefined) lines.splice(block.start, block.end - block.start, ...kept);
  }
  return lines.join("\n");
}
