/**
 * Prose as a person wrapped it survives `source:diff --write` (src/lib/upstream/foldedText.ts):
 * the YAML library writes each folded block on one line.
 */
import { describe, expect, it } from "vitest";
import { keepFoldedText } from "../../src/lib/upstream/foldedText";

const lines = (...parts: string[]) => parts.join("\n");

describe("keepFoldedText", () => {
  const original = lines(
    "groups:",
    "  - heading: A",
    "    note:",
    "      text: >-",
    "        The first note, wrapped",
    "        over three lines by",
    "        a person.",
    "",
    "  - heading: B",
    "    note:",
    "      text: >-",
    "        Second note.",
    "",
    "        Its second paragraph,",
    "        wrapped.",
    "    after: x",
  );
  const written = lines(
    "groups:",
    "  - heading: A",
    "    note:",
    "      text: >-",
    "        The first note, wrapped over three lines by a person.",
    "",
    "  - heading: B",
    "    note:",
    "      text: >-",
    "        Second note.",
    "",
    "        Its second paragraph, wrapped.",
    "    after: x",
  );

  it("puts every unchanged block back as it was wrapped, blank lines around it kept", () => {
    expect(keepFoldedText(original, written)).toBe(original);
  });

  it("leaves a block whose words changed as written", () => {
    const changed = written.replace("by a person.", "by someone.");
    expect(keepFoldedText(original, changed)).toBe(
      original.replace(
        "        The first note, wrapped\n        over three lines by\n        a person.",
        "        The first note, wrapped over three lines by someone.",
      ),
    );
  });

  it("tells paragraphs apart: the same words in one paragraph are other text", () => {
    const joined = written.replace("Second note.\n\n        Its", "Second note. Its");
    expect(keepFoldedText(original, joined)).toContain(
      "        Second note. Its second paragraph, wrapped.",
    );
  });

  it("matches a block by its key line too, indentation included", () => {
    const elsewhere = written.replace(
      "      text: >-\n        The first",
      "      body: >-\n        The first",
    );
    expect(keepFoldedText(original, elsewhere)).toContain(
      "      body: >-\n        The first note, wrapped over three lines by a person.\n",
    );
    const deeper = written.replace(
      "      text: >-\n        The first",
      "       text: >-\n        The first",
    );
    expect(keepFoldedText(original, deeper)).toContain(
      "       text: >-\n        The first note, wrapped over three lines by a person.\n",
    );
  });

  it("reads `>`, `>+` and a list item's folded value, and ends a block at a line no deeper than its key", () => {
    const before = lines("- text: >", "    a", "    b", "- more: >+", "    c", "    d", "x: 1");
    const after = lines("- text: >", "    a b", "- more: >+", "    c d", "x: 1");
    expect(keepFoldedText(before, after)).toBe(before);
  });

  it("leaves text without folded blocks, and a header with nothing under it, as written", () => {
    expect(keepFoldedText("a: 1\nb: [x, y]\n", "a: 2\nb: [x, y]\n")).toBe("a: 2\nb: [x, y]\n");
    expect(keepFoldedText("t: >-\nu: 1", "t: >-\nu: 2")).toBe("t: >-\nu: 2");
  });
});
