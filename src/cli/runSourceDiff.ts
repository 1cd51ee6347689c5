/**
 * `npm run source:diff -- <file> [--source <id>] [--write] [--content <dir>]`
 *
 * Reads a revision of one of Microsoft's key pages (its Markdown source) and prints how it
 * differs from the families of content/ copied from that page. The page is recognised by its
 * title (content/sources.json), or named with --source. Exits 0 when they agree, 1 when they
 * differ, 2 when it cannot tell. With --write it updates content/ to match (older names kept)
 * and records the revision in content/sources.json.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { format, resolveConfig } from "prettier";
import { applySourceDiff, type TextFile } from "../lib/upstream/contentUpdate";
import { visibleText } from "../lib/text/invisible";
import { parseSourcePage } from "../lib/upstream/sourcePage";
import { readSources } from "../lib/upstream/sources";
import { describe, pageTitle, readContent, whichSource } from "./sourceReading";
import { diffSource, hasDifferences, type ContentFile } from "../lib/upstream/sourceDiff";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      write: { type: "boolean" },
      content: { type: "string", default: "content" },
      source: { type: "string" },
    },
  });
  const [pageFile] = positionals;
  if (pageFile === undefined || positionals.length > 1) {
    console.error(
      "usage: npm run source:diff -- <Microsoft's page .md> [--source <id>] [--write] [--content <dir>]",
    );
    return 2;
  }
  const dir = resolve(values.content);
  const sourcesFile = join(dir, "sources.json");
  const sourcesJson = JSON.parse(readFileSync(sourcesFile, "utf8")) as Record<string, unknown>;
  const sources = readSources(sourcesJson, `${values.content}/sources.json`);
  const pageText = readFileSync(pageFile, "utf8");
  const source = whichSource(pageText, pageFile, sources, values.source);
  const page = parseSourcePage(pageText, pageFile, source.reader);
  const allTexts: TextFile[] = readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
  // Every file is read (a broken one fails here as in the build); only the page's families are compared.
  const all = readContent(allTexts, sources);
  const ofPage = (file: ContentFile) => file.family.source === source.id;
  const texts = allTexts.filter((_, i) => all[i]?.family.source === source.id);
  const files = all.filter(ofPage);
  const { revisions: known } = source;

  const diff = diffSource(files, page, known);
  const newest = known.at(-1) ?? "";
  console.log(
    `Microsoft's page, revision ${page.revision} (${pageFile}), against ${values.content}/ (checked against ${newest}):`,
  );
  // Names and headings come from a file anyone could hand over: shown with any control or
  // invisible character spelled out, so none can rewrite the terminal's lines.
  for (const line of describe(diff, files)) console.log(visibleText(line));
  // A new title is the page's (the site shows it as the source of its keys): it goes into
  // content/sources.json with the revision.
  const title = pageTitle(pageText) ?? source.title;
  const retitled = title !== source.title;
  if (retitled) {
    for (const line of ["", "Title changed:", `  was "${source.title}"`, `  now "${title}"`])
      console.log(visibleText(line));
  }
  const differs = hasDifferences(diff) || retitled;
  const newRevision = !known.includes(page.revision);

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
  const revisions = [...new Set([...known, page.revision])].sort();
  const updated = sources.map((s) => (s.id === source.id ? { ...s, title, revisions } : s));
  const reread = readContent(formatted, updated);
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
  if (newRevision || retitled) {
    const entry = sourcesJson[source.id] as Record<string, unknown>;
    const next = { ...sourcesJson, [source.id]: { ...entry, title, revisions } };
    // Checked as the build will, like the families: a title it refuses is not written.
    readSources(next, `${values.content}/sources.json`);
    const json = `${JSON.stringify(next, null, 2)}\n`;
    writeFileSync(sourcesFile, await format(json, { ...prettier, filepath: sourcesFile }));
    const what = [newRevision ? `revision ${page.revision}` : "", retitled ? "new title" : ""];
    console.log(
      `wrote ${values.content}/sources.json (${what.filter(Boolean).join(", ")} of ${source.id})`,
    );
  }
  console.log(
    "\nNow review the diff, write notes for any new group in your own words, and run npm test.",
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(visibleText(error instanceof Error ? error.message : String(error)));
    process.exitCode = 2;
  },
);
