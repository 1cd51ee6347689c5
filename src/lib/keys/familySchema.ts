/**
 * The schema of one OS-family file in `content/`. It lives here rather than in
 * `content.config.ts` so unit tests can parse entries without Astro's virtual modules.
 * Every message names the edition so that a failing build points at the row to fix.
 */
import { z } from "astro/zod";
import { KEY_PATTERN } from "./keyShape";
import { diagnoseKey } from "./productKey";
import { visibleText } from "../text/invisible";
import { nonEmpty, plainText, plainTextProblem } from "./schemaFields";
import { findReuses } from "./reuse";
import { SLUG_PATTERN, slugify } from "../text/slug";
import { METHOD_IDS } from "../activation/methodIds";
import { SOURCES, type SourcePageInfo } from "../upstream/sources";

const linkSchema = z.object({
  /** Link text. */
  label: nonEmpty,
  /** Absolute https URL; the source's relative links are resolved to learn.microsoft.com. */
  href: z.url({ protocol: /^https$/, error: "must be an absolute https:// URL" }),
});

const noteSchema = z.object({
  /** How the source flags the note. */
  kind: z.enum(["important", "note"]),
  /** Plain text in our own words, faithful to the source. */
  text: nonEmpty,
  /** Where to read more, shown after the text. */
  links: z.array(linkSchema).default([]),
});

/** The source pages a schema checks against: the site's own, or with a revision a tool is about to write. */
type Sources = readonly Pick<SourcePageInfo, "id" | "revisions">[];

/**
 * The schema of a family file whose rows cite revisions of the family's source page: the
 * site's own pages (below), or those a tool is about to write (a new revision of a page).
 */
export function makeFamilySchema(sources: Sources) {
  /** YAML reads an unquoted 2024-10-01 as a date; accept it as the revision it names. */
  const revision = z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: "must be a source revision (an ISO date)" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a source revision (an ISO date)"),
  );

  const earlierNamesSchema = z.object({
    /** The last revision that listed the key under these names. */
    until: revision,
    /** The names as that revision's edition cell gave them. */
    names: z.array(plainText).min(1, "must list at least one name"),
  });

  const rowFields = z
    .object({
      /** Edition names as the newest source revision lists them; rows that share a key list every edition. */
      names: z.array(z.string(), { error: "every row needs a names list" }),
      /** Earlier names of the same editions (from older revisions), kept findable. */
      aliases: z.array(plainText).default([]),
      /** The GVLK, written exactly as published: five groups of five, capitals, hyphens. */
      key: z.string({ error: "every row needs a key" }),
      /** The names older revisions gave the key, where they differ from the next revision's. */
      earlierNames: z.array(earlierNamesSchema).default([]),
      /** Anchor on the family page; defaults to the slug of the first name. */
      anchor: z.string().optional(),
      /** The source revisions whose tables list this key. */
      sources: z.array(revision).min(1, "every row needs at least one source revision"),
    })
    .superRefine((row, ctx) => {
      const problem = (message: string, path: PropertyKey[]) =>
        ctx.addIssue({ code: "custom", message, path });

      if (row.names.length === 0) problem("the row has no edition name", ["names"]);
      row.names.forEach((name, i) => {
        if (name.trim() === "") problem("an edition name is empty", ["names", i]);
        const plain = plainTextProblem(name.trim());
        if (plain !== undefined) problem(plain, ["names", i]);
      });
      // Compared as published: trimmed, so "Windows 10 Pro " is the name listed twice.
      if (new Set(row.names.map((name) => name.trim())).size !== row.names.length) {
        problem("a name is listed twice", ["names"]);
      }
      [...row.names, ...row.aliases].forEach((name) => {
        // keys.csv lists names in one field, separated by "; ".
        if (name.includes(";")) problem(`"${name}" must not contain ";"`, ["names"]);
      });

      const keyProblem = describeKeyProblem(row.key);
      if (keyProblem !== undefined) problem(keyProblem, ["key"]);

      if (row.anchor !== undefined && !SLUG_PATTERN.test(row.anchor)) {
        problem(`anchor "${row.anchor}" must be lower-case words joined by hyphens`, ["anchor"]);
      }
      if (new Set(row.sources).size !== row.sources.length) {
        problem("a source revision is listed twice", ["sources"]);
      }
      if (row.sources.some((source, i) => i > 0 && (row.sources[i - 1] ?? "") > source)) {
        problem("source revisions must be listed oldest first", ["sources"]);
      }
      const latestSource = row.sources.at(-1);
      row.earlierNames.forEach(({ until }, i) => {
        if (!row.sources.includes(until) || until === latestSource) {
          problem(`earlierNames until ${until} must be a listed revision before the newest one`, [
            "earlierNames",
            i,
          ]);
        }
        const previous = row.earlierNames[i - 1];
        if (previous !== undefined && previous.until >= until) {
          problem("earlierNames must be oldest first, one entry per revision", ["earlierNames", i]);
        }
      });
    })
    .transform(({ anchor, ...row }) => ({
      ...row,
      names: row.names.map((name) => name.trim()),
      anchor: anchor ?? slugify(row.names[0] ?? ""),
    }));

  /** A row whose every problem, from zod or from us, starts with the edition's name. */
  const rowSchema = z.unknown().transform((raw, ctx) => {
    const result = rowFields.safeParse(raw);
    if (result.success) return result.data;
    const edition = editionLabel(raw);
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: "custom", message: `${edition}: ${issue.message}`, path: issue.path });
    }
    return z.NEVER;
  });

  const groupSchema = z.object({
    /** The source's version heading (e.g. "Windows Server 2022"); omitted when the section has one table. */
    heading: plainText.optional(),
    /** Anchor of the group; defaults to the slug of its heading (or of its section's). */
    id: z.string().regex(SLUG_PATTERN, "must be lower-case words joined by hyphens").optional(),
    /** Shown above the table. */
    intro: noteSchema.optional(),
    /** Shown below the table, as the source does. */
    note: noteSchema.optional(),
    /** One row per key, in the source's order. */
    rows: z.array(rowSchema).min(1, "a version group needs at least one row"),
  });

  const sectionSchema = z
    .object({
      /** The source's channel heading (e.g. "Windows Server LTSC"). */
      heading: plainText,
      /** Version groups, in the source's order. */
      groups: z.array(groupSchema).min(1, "a section needs at least one version group"),
    })
    // Each group's label and anchor, derived once here: its own heading, else its section's.
    .transform((section) => ({
      ...section,
      groups: section.groups.map(({ id, ...group }) => {
        const label = group.heading ?? section.heading;
        return { ...group, label, anchor: id ?? slugify(label) };
      }),
    }));

  const familySchema = z
    .object({
      /** Page heading and title, e.g. "Windows Server". */
      title: nonEmpty,
      /** Short label for the navigation bar on narrow screens. */
      shortTitle: nonEmpty,
      /** Meta description and home-page blurb. */
      description: nonEmpty,
      /** Position in navigation and on the home page. */
      order: z.number().int(),
      /** The Microsoft page its keys are copied from: an id in content/sources.json. */
      source: z.string({ error: "must name its source page (an id in content/sources.json)" }),
      /** What must be true before its keys activate anything: shown on its page and its helper. */
      activationNote: noteSchema.optional(),
      /** How its keys are activated: an id of src/lib/activation/methods.ts. */
      method: z.enum(METHOD_IDS as [string, ...string[]], {
        error: `must be an activation method: ${METHOD_IDS.join(", ")}`,
      }),
      /** The source's sections, in its order. */
      sections: z.array(sectionSchema).min(1, "a family needs at least one section"),
    })
    .superRefine((family, ctx) => {
      const issue = (message: string, path: PropertyKey[]) =>
        ctx.addIssue({ code: "custom", message, path: ["sections", ...path] });
      const source = sources.find(({ id }) => id === family.source);
      if (source === undefined) {
        ctx.addIssue({
          code: "custom",
          message: `"${family.source}" is not a page in content/sources.json (${sources.map(({ id }) => id).join(", ")})`,
          path: ["source"],
        });
      }
      const groups = family.sections.flatMap((section, s) =>
        section.groups.map((group, g) => ({ group, path: [s, "groups", g], id: group.anchor })),
      );

      const groupIds = new Set<string>();
      for (const { id, path } of groups) {
        // A section that failed its own checks has no anchors to compare: its issues say why.
        if (typeof id !== "string") continue;
        if (groupIds.has(id))
          issue(`two version groups share the anchor "${id}"; give one an id`, [...path, "id"]);
        groupIds.add(id);
      }

      const rows = groups.flatMap(({ group, path }) =>
        group.rows.map((row, r) => ({
          ...row,
          label: editionLabel(row),
          path: [...path, "rows", r],
        })),
      );
      for (const row of rows) {
        const cited = [...row.sources, ...row.earlierNames.map(({ until }) => until)];
        for (const revision of new Set(cited)) {
          if (source !== undefined && !source.revisions.includes(revision))
            issue(
              `${row.label}: ${revision} is not a revision of ${source.id} in content/sources.json (${source.revisions.join(", ")})`,
              [...row.path, "sources"],
            );
        }
      }
      for (const { entry, field, first } of findReuses(rows)) {
        issue(`${entry.label}: ${field} "${entry[field]}" is already used by ${first.label}`, [
          ...entry.path,
          field,
        ]);
      }
      for (const { group, path } of groups) {
        group.rows.forEach((row, r) => {
          const edition = editionLabel(row);
          const rowPath = [...path, "rows", r];
          if (groupIds.has(row.anchor)) {
            issue(`${edition}: anchor "${row.anchor}" is also a version group's anchor`, [
              ...rowPath,
              "anchor",
            ]);
          }
        });
      }
    });
  return familySchema;
}

/** A family file of content/, citing revisions of its page in content/sources.json. */
export const familySchema = makeFamilySchema(SOURCES);

export type Family = z.infer<typeof familySchema>;
type KeySection = Family["sections"][number];
export type KeyGroup = KeySection["groups"][number];
export type KeyRow = KeyGroup["rows"][number];
export type Note = NonNullable<KeyGroup["note"]>;

/** Every row of a family in page order, with the section and version group it sits in. */
export function familyRows(
  family: Family,
): { section: KeySection; group: KeyGroup; row: KeyRow }[] {
  return family.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.rows.map((row) => ({ section, group, row }))),
  );
}

/** How messages name a row, however broken: its first name, else its key. */
function editionLabel(row: unknown): string {
  const { names, key } = (typeof row === "object" && row !== null ? row : {}) as Record<
    string,
    unknown
  >;
  const name = Array.isArray(names)
    ? names.find((n): n is string => typeof n === "string" && n.trim() !== "")
    : undefined;
  // Shown as it would print: a control character in a name must not rewrite the terminal.
  if (name !== undefined) return `"${visibleText(name.trim())}"`;
  return typeof key === "string" ? `the row with key "${key}"` : "a row without names or key";
}

/** Why `key` cannot be published as written, or undefined when it can. */
function describeKeyProblem(key: string): string | undefined {
  const diagnosis = diagnoseKey(key);
  switch (diagnosis.status) {
    case "malformed":
      return `key "${key}" is not a product key: ${diagnosis.message}`;
    case "checksum-fails":
      return `key "${key}" fails the product-key checksum, so a character is probably mistyped; compare it with the source`;
    case "valid":
      return KEY_PATTERN.test(key)
        ? undefined
        : `key "${key}" must be written exactly as published: ${diagnosis.key}`;
  }
}
