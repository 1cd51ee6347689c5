/**
 * `npm run source:watch -- [--from <dir>] [--save <dir>] [--today <yyyy-mm-dd>] [--content <dir>]`
 *
 * The weekly watch of Microsoft's pages (.github/workflows/watch-sources.yml): reads each page
 * of content/sources.json from its Markdown source (or, with --from, `<dir>/<id>.md`, which is
 * how the tests run it without the internet), and compares it with content/. A page whose
 * revision and keys are what content/ holds is confirmed unchanged: its `confirmed` date in
 * content/sources.json becomes today, which the site shows. A page that changed is printed
 * with its differences (and saved with --save, as `<id>.<revision>.md`, ready for
 * `npm run source:diff -- <file> --write`), and its date is left alone.
 * Exits 0 when every page is unchanged, 1 when one changed, 2 when one could not be read.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { format, resolveConfig } from "prettier";
import { visibleText } from "../lib/text/invisible";
import { diffSource, hasDifferences } from "../lib/upstream/sourceDiff";
import { parseSourcePage } from "../lib/upstream/sourcePage";
import { latestRevision, readSources, type SourcePageInfo } from "../lib/upstream/sources";
import { describe, readContent } from "./sourceReading";

/** Microsoft's pages are a few hundred lines: anything far larger is not the page. */
const MAX_PAGE_BYTES = 2_000_000;

async function readPage(source: SourcePageInfo, from: string | undefined): Promise<string> {
  if (from !== undefined) return readFileSync(join(from, `${source.id}.md`), "utf8");
  const response = await fetch(source.markdown, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${source.markdown}: HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > MAX_PAGE_BYTES) throw new Error(`${source.markdown}: ${text.length} bytes`);
  return text;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: "string" },
      save: { type: "string" },
      today: { type: "string", default: new Date().toISOString().slice(0, 10) },
      content: { type: "string", default: "content" },
    },
  });
  const dir = resolve(values.content);
  const sourcesFile = join(dir, "sources.json");
  const sourcesJson = JSON.parse(readFileSync(sourcesFile, "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
  const sources = readSources(sourcesJson, `${values.content}/sources.json`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error("--today must be yyyy-mm-dd");
  const texts = readdirSync(dir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
  const content = readContent(texts, sources);

  let code = 0;
  const confirmed: string[] = [];
  for (const source of sources) {
    let text: string;
    try {
      text = await readPage(source, values.from);
      const page = parseSourcePage(text, `${source.id}.md`, source.reader);
      const files = content.filter(({ family }) => family.source === source.id);
      const diff = diffSource(files, page, source.revisions);
      const newest = latestRevision(source);
      if (page.revision === newest && !hasDifferences(diff)) {
        console.log(
          `${source.id}: unchanged since its ${newest} revision; confirmed ${values.today}.`,
        );
        confirmed.push(source.id);
        continue;
      }
      code = Math.max(code, 1);
      console.log(
        `${source.id}: CHANGED. Microsoft's page is now the ${page.revision} revision; content/ holds ${newest}.`,
      );
      for (const line of describe(diff, files)) console.log(visibleText(`  ${line}`));
      if (values.save !== undefined) {
        mkdirSync(values.save, { recursive: true });
        const saved = join(values.save, `${source.id}.${page.revision}.md`);
        writeFileSync(saved, text);
        console.log(`  saved as ${saved}: npm run source:diff -- ${saved} --write`);
      }
    } catch (error) {
      code = 2;
      const message = error instanceof Error ? error.message : String(error);
      console.error(visibleText(`${source.id}: could not be read: ${message}`));
    }
  }
  if (confirmed.length > 0) {
    const updated = Object.fromEntries(
      Object.entries(sourcesJson).map(([id, entry]) => [
        id,
        confirmed.includes(id) ? { ...entry, confirmed: values.today } : entry,
      ]),
    );
    const prettier = await resolveConfig(sourcesFile);
    writeFileSync(
      sourcesFile,
      await format(JSON.stringify(updated, null, 2), { ...prettier, filepath: sourcesFile }),
    );
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(visibleText(error instanceof Error ? error.message : String(error)));
    process.exitCode = 2;
  },
);
