/**
 * `npm run source:diff -- <file> [--write] [--content <dir>]`
 *
 * Reads a revision of Microsoft's key page (its Markdown source) and prints how it differs
 * from content/. Exits 0 when they agree, 1 when they differ, 2 when it cannot tell.
 * With --write it updates content/ to match (older names kept) and records the revision.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { format, resolveConfig } from "prettier";
import { parse } from "yaml";
import { applySourceDiff, type TextFile } from "../lib/upstream/contentUpdate";
import { visibleText } from "../lib/text/characters";
import { makeFamilySchema } from "../lib/keys/familySchema";
import { parseSourcePage } from "../lib/upstream/sourcePage";
import {
  diffSource,
  hasDifferences,
  type ContentFile,
  type GroupTarget,
  type Place,
  type SourceDiff,
} from "../lib/upstream/sourceDiff";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { write: { type: "boolean" }, content: { type: "string", default: "content" } },
  });
  const [pageFile] = positionals;
  if (pageFile === undefined || positionals.length > 1) {
    console.error(
      "usage: npm run source:diff -- <Microsoft's page .md> [--write] [--content <dir>]",
    );
    return 2;
  }
  const dir = resolve(values.content);
  const page = parseSourcePage(readFileSync(pageFile, "utf8"), pageFile);
  const sourcePageFile = join(dir, "source-page.json");
  const sourcePage = JSON.parse(readFileSync(sourcePageFile, "utf8")) as { revisions: string[] };
  const texts: TextFile[] = readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
  const files = readContent(texts, sourcePage.revisions);

  const diff = diffSource(files, page, sourcePage.revisions);
  const newest = sourcePage.revisions.at(-1) ?? "";
  console.log(
    `Microsoft's page, revision ${page.revision} (${pageFile}), against ${values.content}/ (checked against ${newest}):`,
  );
  // Names and headings come from a file anyone could hand over: shown with any control or
  // invisible character spelled out, so none can rewrite the terminal's lines.
  for (const line of describe(diff, files)) console.log(visibleText(line));
  const differs = hasDifferences(diff);
  const newRevision = !sourcePage.revisions.includes(page.revision);

  if (!values.write) {
    if (differs) console.log("\nRun again with --write to update content/ to match.");
    return differs ? 1 : 0;
  }
  if (page.revision < newest) {
    console.error(
      `\nNot written: ${page.revision} is older than ${newest}, the revision content/ was checked against.`,
    );
    return 2;
  }
  if (!differs && !newRevision) return 0;
  const written = applySourceDiff(texts, files, diff);
  // content/'s Prettier settings, wherever the files being written are.
  const prettier = await resolveConfig(resolve("content", "x.md"));
  const formatted = await Promise.all(
    written.map(async ({ file, text }) => ({
      file,
      text: await format(text, { ...prettier, filepath: join(dir, file) }),
    })),
  );
  // Read back as the build will before anything is written: what fails here is not written,
  // and what is written must leave no difference from the page.
  const revisions = [...new Set([...sourcePage.revisions, page.revision])].sort();
  const reread = readContent(formatted, revisions);
  const left = diffSource(reread, page, revisions);
  if (hasDifferences(left)) {
    throw new Error(
      `the update would leave differences with the page: ${describe(left, reread).join(" ")}`,
    );
  }
  for (const { file, text } of formatted) {
    if (text !== texts.find((t) => t.file === file)?.text) {
      writeFileSync(join(dir, file), text);
      console.log(`wrote ${values.content}/${file}`);
    }
  }
  if (newRevision) {
    const json = `${JSON.stringify({ ...sourcePage, revisions }, null, 2)}\n`;
    writeFileSync(sourcePageFile, await format(json, { ...prettier, filepath: sourcePageFile }));
    console.log(`wrote ${values.content}/source-page.json (revision ${page.revision} added)`);
  }
  console.log(
    "\nNow review the diff, write notes for any new group in your own words, and run npm test.",
  );
  return 0;
}

/** Content files parsed as the build parses them; the first problem, visibly, names its file. */
function readContent(texts: TextFile[], revisions: readonly string[]): ContentFile[] {
  const schema = makeFamilySchema(revisions);
  return texts.map(({ file, text }) => {
    const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
    const result = schema.safeParse(parse(yaml));
    if (!result.success) {
      const [issue] = result.error.issues;
      throw new Error(`${file}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
    }
    return { file, family: result.data };
  });
}

/** The differences as lines a person reads, each naming the key and where it is. */
function describe(diff: SourceDiff, files: ContentFile[]): string[] {
  const groupName = (p: Place) => {
    const file = files[p.file];
    const section = file?.family.sections[p.section];
    const group = section?.groups[p.group];
    return `${file?.file ?? "?"}: ${section?.heading ?? "?"} › ${group?.label ?? "?"}`;
  };
  const targetName = (t: GroupTarget) =>
    t.kind === "existing"
      ? groupName(t.place)
      : `${files[t.file]?.file ?? "?"}: ${files[t.file]?.family.sections[t.section]?.heading ?? "?"} › ${t.heading ?? "(no heading)"} (new group)`;
  const names = (list: string[]) => list.map((n) => `"${n}"`).join(" / ");
  const block = (title: string, lines: string[]) =>
    lines.length === 0 ? [] : ["", `${title} (${lines.length}):`, ...lines.map((l) => `  ${l}`)];
  const lines = [
    ...block(
      "Keys added",
      diff.added.map((a) => `+ ${a.key} ${names(a.names)} in ${targetName(a.target)}`),
    ),
    ...block(
      "Keys removed (kept in content/, marked with the revisions that list them)",
      diff.removed.map((r) => `- ${r.key} ${names(r.names)} in ${groupName(r.place)}`),
    ),
    ...block(
      "Keys restored",
      diff.restored.map((r) => `+ ${r.key} ${names(r.names)} in ${groupName(r.place)}`),
    ),
    ...block(
      "Editions renamed",
      diff.renamed.map((r) => `~ ${r.key} ${names(r.names)} → ${names(r.to)}`),
    ),
    ...block(
      "Keys moved",
      diff.moved.map(
        (m) => `> ${m.key} ${names(m.names)} from ${groupName(m.place)} to ${targetName(m.to)}`,
      ),
    ),
    ...block(
      "Headings renamed",
      diff.headings.map(
        (h) =>
          `${h.what} in ${files[h.place.file]?.file ?? "?"}: ${h.from === undefined ? "(none)" : `"${h.from}"`} → ${h.to === undefined ? "(none)" : `"${h.to}"`}`,
      ),
    ),
    ...block(
      "Sections content/ does not have (add each to a family file by hand)",
      diff.newSections.map((h) => `? "${h}"`),
    ),
  ];
  return lines.length === 0 ? ["", "No differences: content/ matches this revision."] : lines;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(visibleText(error instanceof Error ? error.message : String(error)));
    process.exitCode = 2;
  },
);
