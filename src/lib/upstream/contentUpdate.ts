/**
 * Applies a SourceDiff to content/'s files: new names (the old ones kept in earlierNames and,
 * where they help a search, as aliases), the revision added to every row the page lists,
 * new rows and groups in the page's order, moved rows, renamed headings. Works on the YAML
 * document so that prose, comments and layout survive; `npm run source:diff` formats the result.
 */
import { isSeq, parseDocument, YAMLMap, YAMLSeq, type Document } from "yaml";
import {
  groupPlaces,
  newAnchor,
  placedRows,
  placeKey,
  targetKey,
  type ContentFile,
  type GroupTarget,
  type Place,
  type SourceDiff,
} from "./sourceDiff";
import { familyRows } from "../keys/familySchema";
import { looseName as loose } from "../keys/names";
import { slugify } from "../text/slug";
import { keepFoldedText } from "./foldedText";

export interface TextFile {
  file: string;
  text: string;
}

/** Splits a content file into its YAML front matter and the Markdown after it. */
function splitFrontmatter({ file, text }: TextFile): { yaml: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter between --- lines`);
  return { yaml: `${match[1] ?? ""}\n`, body: match[2] ?? "" };
}

export function applySourceDiff(
  texts: TextFile[],
  files: ContentFile[],
  diff: SourceDiff,
): TextFile[] {
  if (diff.newSections.length > 0) {
    throw new Error(
      `Microsoft's page has sections content/ does not: ${diff.newSections.map((h) => `"${h}"`).join(", ")}. ` +
        "Add each to the family file it belongs in (a heading and one group with one of its rows), then run again.",
    );
  }
  const docs = texts.map((text) => {
    const { yaml, body } = splitFrontmatter(text);
    return { body, doc: parseDocument(yaml) };
  });
  const docOf = (file: number): Document => {
    // Stryker disable next-line OptionalChaining: docs holds one entry per file
    const doc = docs[file]?.doc;
    // Stryker disable next-line all: a guard for the type checker; parsed content/ always has it
    if (!doc) throw new Error(`no content file #${file}`);
    return doc;
  };
  const seqAt = (doc: Document, path: (string | number)[]): YAMLSeq => {
    // Stryker disable next-line BooleanLiteral: keepScalar changes nothing for a list
    const node = doc.getIn(path, true);
    // Stryker disable next-line all: a guard for the type checker; parsed content/ always has it
    if (!isSeq(node)) throw new Error(`expected a list at ${path.join(".")}`);
    return node;
  };
  const groupPath = (p: Place) => ["sections", p.section, "groups", p.group];
  const flow = (doc: Document, values: string[]) => {
    const node = doc.createNode(values) as YAMLSeq;
    node.flow = true;
    return node;
  };
  // Every existing group's node, taken before anything is inserted or moved: places in the
  // diff are indexes into content/ as it was, which new groups would shift.
  const groupNodes = new Map(
    groupPlaces(files).map((place) => [
      placeKey(place),
      docOf(place.file).getIn(groupPath(place), true) as YAMLMap,
    ]),
  );
  const groupNode = (p: Place) => {
    const node = groupNodes.get(placeKey(p));
    // Stryker disable next-line all: a guard for the type checker; parsed content/ always has it
    if (!node) throw new Error(`no version group at ${placeKey(p)}`);
    return node;
  };
  const rowNode = (p: Place & { row: number }) => rowsOf(groupNode(p)).items[p.row] as YAMLMap;
  /**
   * Which key each name belongs to once the update is made (the new names of renamed rows,
   * the names of added ones), so an old name is never made the alias of a row when another
   * row is called that: two editions that swap names keep neither's as an alias.
   */
  const renamedTo = new Map(diff.renamed.map(({ key, to }) => [key, to]));
  const namesInUse = new Map([
    ...placedRows(files).flatMap(({ row }) =>
      (renamedTo.get(row.key) ?? row.names).map((name) => [loose(name), row.key] as const),
    ),
    ...diff.added.flatMap(({ key, names }) => names.map((name) => [loose(name), key] as const)),
  ]);

  const rowByKey = new Map(placedRows(files).map(({ row }) => [row.key, row]));

  // 1. Every row the page lists gains the revision; renamed rows keep their old names.
  for (const { row, place } of placedRows(files)) {
    const restored = diff.restored.some((x) => x.key === row.key);
    const removed = diff.removed.some((x) => x.key === row.key);
    if (removed || (!restored && !row.sources.includes(diff.against))) continue;
    if (row.sources.includes(diff.revision)) continue;
    rowNode(place).set("sources", flow(docOf(place.file), [...row.sources, diff.revision]));
  }
  for (const renamed of diff.renamed) {
    const doc = docOf(renamed.place.file);
    const node = rowNode(renamed.place);
    const row = rowByKey.get(renamed.key);
    // Stryker disable next-line all: a guard for the type checker; parsed content/ always has it
    if (!row) continue;
    // Stryker disable next-line all: a row has at least one source, and at most two today
    const until = row.sources.at(-1) ?? diff.against;
    node.set("names", flow(doc, renamed.to));
    // Links to the row keep working: its anchor stays what it was, written out when the new
    // first name would give another, left out when the new name gives it anyway.
    // Stryker disable next-line all: written or left to its default, the anchor is the same
    if (row.anchor === slugify(renamed.to[0] ?? "")) node.delete("anchor");
    else node.set("anchor", row.anchor);
    // Stryker disable next-line BooleanLiteral: keepScalar changes nothing for a list
    const history = node.get("earlierNames", true);
    const entry = doc.createNode({ until, names: renamed.names }) as YAMLMap;
    flowField(entry, "names");
    if (isSeq(history)) history.items.push(entry);
    else {
      const seq = new YAMLSeq();
      seq.items.push(entry);
      node.set("earlierNames", seq);
    }
    const usedElsewhere = (name: string) => (namesInUse.get(loose(name)) ?? row.key) !== row.key;
    const aliases = aliasesAfterRename(row.aliases, renamed.names, renamed.to, usedElsewhere);
    if (aliases.length > 0) node.set("aliases", flow(doc, aliases));
    else node.delete("aliases");
  }

  // 2. Headings.
  for (const change of diff.headings) {
    const doc = docOf(change.place.file);
    if (change.what === "section") {
      doc.setIn(["sections", change.place.section, "heading"], change.to);
      continue;
    }
    const node = groupNode(change.place);
    // Stryker disable next-line OptionalChaining: a place in the diff is a place in content/
    const group =
      files[change.place.file]?.family.sections[change.place.section]?.groups[change.place.group];
    // Links to the group keep working: its old anchor stays as its id.
    // Stryker disable next-line all: the anchor is the id when there is one, so setting it again writes the same
    if (group && !node.has("id")) node.set("id", group.anchor);
    if (change.to === undefined) node.delete("heading");
    else node.set("heading", change.to);
  }

  // 3. Structure: new groups, moved rows, new rows, each placed as the page orders them.
  const newGroups = new Map<string, YAMLMap>();
  const groupFor = (target: GroupTarget): { node: YAMLMap; file: number } => {
    if (target.kind === "existing")
      return { node: groupNode(target.place), file: target.place.file };
    const id = targetKey(target);
    let node = newGroups.get(id);
    if (!node) {
      const doc = docOf(target.file);
      node = doc.createNode(
        target.heading === undefined ? { rows: [] } : { heading: target.heading, rows: [] },
      ) as YAMLMap;
      const groups = seqAt(doc, ["sections", target.section, "groups"]);
      const before = target.before ? groupNode(target.before) : undefined;
      const at = before ? groups.items.indexOf(before) : -1;
      if (at >= 0) groups.items.splice(at, 0, node);
      else groups.items.push(node);
      newGroups.set(id, node);
    }
    return { node, file: target.file };
  };
  const keyNodes = new Map(placedRows(files).map(({ row, place }) => [row.key, rowNode(place)]));
  for (const moved of diff.moved) {
    const node = keyNodes.get(moved.key);
    // Stryker disable next-line all: a guard for the type checker; parsed content/ always has it
    if (!node) continue;
    rowsOf(groupNode(moved.place)).items.splice(
      rowsOf(groupNode(moved.place)).items.indexOf(node),
      1,
    );
    rowsOf(groupFor(moved.to).node).items.push(node);
  }
  const anchors = files.map(
    ({ family }) => new Set(familyRows(family).map(({ row }) => row.anchor)),
  );
  for (const added of diff.added) {
    const { node: group, file } = groupFor(added.target);
    const doc = docOf(file);
    const used = anchors[file] ?? new Set<string>();
    const anchor = newAnchor(added.names, String(group.get("heading") ?? ""), used);
    used.add(anchor);
    const fields: Record<string, unknown> = {
      names: added.names,
      key: added.key,
      sources: [diff.revision],
    };
    // Stryker disable next-line all: written or left to its default, the anchor is the same
    if (anchor !== slugify(added.names[0] ?? "")) fields["anchor"] = anchor;
    const row = doc.createNode(fields) as YAMLMap;
    for (const field of ["names", "sources"]) flowField(row, field);
    keyNodes.set(added.key, row);
    const rows = rowsOf(group).items;
    // Stryker disable next-line ConditionalExpression: no key is undefined
    const previous = added.after === undefined ? undefined : keyNodes.get(added.after);
    const at = previous ? rows.indexOf(previous) : -1;
    // Stryker disable next-line ConditionalExpression: a row the page lists before is always found
    rows.splice(at >= 0 ? at + 1 : added.after === undefined ? 0 : rows.length, 0, row);
  }

  // A blank line between version groups, as content/ is written. (Prettier, which formats
  // what source:diff writes, drops one before the first group: mutants that add it there, or
  // that pad flow lists, which Prettier also normalises, write the same file.)
  // Stryker disable all
  for (const { doc } of docs) {
    for (const section of seqAt(doc, ["sections"]).items) {
      const groups = (section as YAMLMap).get("groups", true);
      if (isSeq(groups))
        groups.items.forEach((group, i) => ((group as YAMLMap).spaceBefore = i > 0));
    }
  }

  // Stryker restore all
  return texts.map((text, i) => {
    const entry = docs[i];
    // Stryker disable next-line all: a guard for the type checker; parsed content/ always has it
    if (!entry) return text;
    return {
      file: text.file,
      // One line per value, nothing folded or re-wrapped here: the YAML library writes what
      // it parsed, and `npm run source:diff` formats the file with Prettier. Prose it would
      // write on one line keeps the lines it had (foldedText.ts).
      text: keepFoldedText(
        text.text,
        // Stryker disable next-line BooleanLiteral: Prettier pads flow lists its own way
        `---\n${entry.doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${entry.body}`,
      ),
    };
  });
}

/** A version group's list of rows. */
function rowsOf(group: YAMLMap): YAMLSeq {
  // Stryker disable next-line BooleanLiteral: keepScalar changes nothing for a list
  const rows = group.get("rows", true);
  // Stryker disable next-line all: a guard for the type checker; parsed content/ always has it
  if (!isSeq(rows)) throw new Error("a group without rows");
  return rows;
}

/** Writes a list field on one line, as content/ does for names and sources. */
function flowField(map: YAMLMap, field: string): void {
  // Stryker disable next-line BooleanLiteral: keepScalar changes nothing for a list
  const node = map.get(field, true);
  // Stryker disable next-line ConditionalExpression: names and sources are always lists
  if (isSeq(node)) node.flow = true;
}

/**
 * The aliases after a rename: old names that a search could still be given, but never one
 * that is only the old cell broken over two lines, one still listed, or another row's name.
 */
export function aliasesAfterRename(
  aliases: string[],
  from: string[],
  to: string[],
  usedElsewhere: (name: string) => boolean,
): string[] {
  const now = new Set(to.map(loose));
  const candidates =
    loose(from.join(" ")) === loose(to.join(" ")) ? aliases : [...aliases, ...from];
  return candidates.filter(
    (name, i, all) =>
      !now.has(loose(name)) &&
      !usedElsewhere(name) &&
      all.findIndex((other) => loose(other) === loose(name)) === i,
  );
}
