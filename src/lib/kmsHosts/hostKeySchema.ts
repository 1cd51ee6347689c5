/**
 * The schema of a file in `content/kms-hosts/`: which KMS host key (CSVLK) group activates
 * which versions of Windows, where each can be installed, the updates a host needs and the
 * rules a host counts by, as Microsoft's planning page gives them. Lives outside
 * `content.config.ts` so that unit tests parse files without Astro's virtual modules.
 */
import { z } from "astro/zod";
import { nonEmpty, plainText } from "../keys/schemaFields";
import { SLUG_PATTERN } from "../text/slug";
import { METHOD_IDS } from "../activation/methodIds";

const revision = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be the page's revision (an ISO date)"),
);
const https = z.url({ protocol: /^https$/, error: "must be an absolute https:// URL" });
const count = z.number().int().positive();

const activatesSchema = z
  .object({
    /** The line as Microsoft's table prints it. */
    text: plainText,
    /** Version groups of the family pages (their anchors) whose every edition the line covers. */
    keyGroups: z.array(z.string().regex(SLUG_PATTERN)).default([]),
    /** Row names of the family pages the line covers, exactly as the family files write them. */
    editions: z.array(plainText).default([]),
  })
  .refine(
    ({ keyGroups, editions }) => keyGroups.length > 0 !== editions.length > 0,
    "name what the line covers: keyGroups (every edition of a version group) or editions, not both",
  );

const updateSchema = z.object({
  /** The update's title as Microsoft links it. */
  title: plainText,
  url: https,
  /** What may stand in for it: Microsoft says "or later cumulative update" or "or later monthly rollup". */
  orLater: z.enum(["cumulative update", "monthly rollup"]).optional(),
});

export const hostKeysSchema = z
  .object({
    /** The page's heading. */
    title: nonEmpty,
    /** The activation method of the keys these hosts activate: their rows name their host keys. */
    method: z.enum(METHOD_IDS as [string, ...string[]], {
      error: `must be an activation method: ${METHOD_IDS.join(", ")}`,
    }),
    /** Microsoft's page the tables come from. */
    source: z.object({ title: plainText, url: https, revision }),
    /** The versions the tables name, newest first; every host, client and line starts with one. */
    versions: z.array(plainText).min(1),
    /** The numbers KMS counts and renews by, each in a sentence of the source (tests check them). */
    rules: z.object({
      clientThreshold: count,
      serverThreshold: count,
      countedDays: count,
      contactsKept: count,
      validityDays: count,
      renewalDays: count,
      port: count,
      hostsPerKey: count,
      reactivations: count,
      recommendTwoHostsAbove: count,
    }),
    hostKeys: z
      .array(
        z.object({
          /** The CSVLK group as Microsoft names it. */
          group: plainText,
          /** Where a key of the group can be installed. */
          hostedOn: z
            .array(
              z.object({
                version: plainText,
                /** Microsoft's footnote: Datacenter: Azure Edition is activated by Azure, so it can't be a KMS host. */
                notAzureEdition: z.boolean().default(false),
              }),
            )
            .min(1),
          /** What a host with the key activates, line by line. */
          activates: z.array(activatesSchema).min(1),
        }),
      )
      .min(1),
    updates: z.array(
      z.object({
        host: plainText,
        clients: z.array(plainText).min(1),
        updates: z.array(updateSchema).min(1),
      }),
    ),
  })
  .superRefine((data, ctx) => {
    const issue = (message: string, path: PropertyKey[]) =>
      ctx.addIssue({ code: "custom", message, path });
    const known = (text: string, path: PropertyKey[]) => {
      if (versionOf(text, data.versions) === undefined)
        issue(`"${text}" starts with none of the listed versions`, path);
    };
    if (new Set(data.versions).size !== data.versions.length)
      issue("a version is listed twice", ["versions"]);
    const groups = new Set<string>();
    data.hostKeys.forEach((hostKey, g) => {
      if (groups.has(hostKey.group)) issue(`${hostKey.group} is listed twice`, ["hostKeys", g]);
      groups.add(hostKey.group);
      hostKey.hostedOn.forEach(({ version }, h) => {
        if (!data.versions.includes(version))
          issue(`${hostKey.group}: host "${version}" is not a listed version`, [
            "hostKeys",
            g,
            "hostedOn",
            h,
          ]);
      });
      hostKey.activates.forEach(({ text }, a) => known(text, ["hostKeys", g, "activates", a]));
    });
    data.updates.forEach((row, u) => {
      for (const version of [row.host, ...row.clients]) {
        if (!data.versions.includes(version))
          issue(`update for ${row.host}: "${version}" is not a listed version`, ["updates", u]);
      }
      // Paired line by line, or one update for every client: anything else is ambiguous.
      if (row.updates.length !== 1 && row.updates.length !== row.clients.length)
        issue(
          `update for ${row.host}: ${row.updates.length} updates for ${row.clients.length} clients; give one, or one per client`,
          ["updates", u, "updates"],
        );
    });
  });

export type HostKeys = z.infer<typeof hostKeysSchema>;
export type HostKeyGroup = HostKeys["hostKeys"][number];
export type HostUpdateRow = HostKeys["updates"][number];
export type HostUpdate = HostUpdateRow["updates"][number];

/**
 * The listed version `text` names: the longest one it starts with, followed by its end, a
 * space or a bracket ("Windows Server 2012 R2 (all editions)" is 2012 R2, not 2012).
 */
export function versionOf(text: string, versions: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const version of versions) {
    if (!text.startsWith(version)) continue;
    const next = text.charAt(version.length);
    if (next !== "" && next !== " " && next !== "(") continue;
    if (found === undefined || version.length > found.length) found = version;
  }
  return found;
}
