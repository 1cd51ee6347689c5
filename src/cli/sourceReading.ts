/**
 * What the source CLIs share (`source:diff`, `source:watch`): which of Microsoft's pages a
 * file is, content/ read as the build reads it, and the differences in words.
 */
import { parse } from "yaml";
import { makeFamilySchema } from "../lib/keys/familySchema";
import type { TextFile } from "../lib/upstream/contentUpdate";
import type { ContentFile, GroupTarget, Place, SourceDiff } from "../lib/upstream/sourceDiff";
import type { SourcePageInfo } from "../lib/upstream/sources";

/** The title a page's front matter gives, if any. */
export function pageTitle(text: string): string | undefined {
  return /^title:\s*"?(.+?)"?\s*$/m.exec(text)?.[1];
}

/**
 * The source page a file is a revision of: the one named with --source, else the one whose
 * title its front matter gives, else the one its file name names as the fixtures are named
 * (`<source id>.<yyyy-mm-dd>.md`): Microsoft retitles pages (the key page did in 2025). A
 * page that is none of them, or whose title and file name name two pages, is refused, never
 * guessed.
 */
export function whichSource(
  text: string,
  file: string,
  sources: readonly SourcePageInfo[],
  named: string | undefined,
): SourcePageInfo {
  const ids = sources.map((s) => s.id).join(", ");
  if (named !== undefined) {
    const found = sources.find((s) => s.id === named);
    if (!found) throw new Error(`--source ${named}: not a page of content/sources.json (${ids})`);
    return found;
  }
  const title = pageTitle(text);
  const byTitle = sources.find((s) => s.title === title);
  const byName = sources.find((s) =>
    new RegExp(`(?:^|[\\\\/])${s.id}\\.\\d{4}-\\d{2}-\\d{2}\\.md$`).test(file),
  );
  if (byTitle && byName && byTitle !== byName)
    throw new Error(
      `${file}: its title is that of ${byTitle.id} but its file name is that of ${byName.id}; name the page with --source`,
    );
  const found = byTitle ?? byName;
  if (!found)
    throw new Error(
      `${file}: its title ${JSON.stringify(title ?? "(none)")} is none of content/sources.json's pages, nor is its file name <source id>.<yyyy-mm-dd>.md; name the page with --source (${ids})`,
    );
  return found;
}

/** Content files parsed as the build parses them; the first problem, visibly, names its file. */
export function readContent(texts: TextFile[], sources: readonly SourcePageInfo[]): ContentFile[] {
  const schema = makeFamilySchema(sources);
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
export function describe(diff: SourceDiff, files: ContentFile[]): string[] {
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
