/**
 * The schemas of the conversion files: `content/server-conversions/` (Windows Server's DISM
 * and slmgr commands as templates, and the edition names its page gives as DISM prints them)
 * and `content/edition-upgrades/` (Windows client's edition upgrade and downgrade tables).
 * Every command is a template of conversionCommands.ts's slots; nothing else is ever built.
 */
import { z } from "astro/zod";
import { nonEmpty, plainText } from "../keys/schemaFields";
import { templateSlots } from "../activation/commandTemplates";
import { CONVERSION_SLOTS } from "./conversionCommands";

const revision = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be the page's revision (an ISO date)"),
);
const sourceSchema = z.object({
  title: plainText,
  url: z.url({ protocol: /^https$/, error: "must be an absolute https:// URL" }),
  revision,
});

/** A command template: characters no command prompt reads specially, and known slots only. */
const template = z
  .string()
  .regex(
    /^[A-Za-z0-9 .:\\/{}-]+$/,
    "a command may hold letters, digits, spaces and . : \\ / - only, and {slots}",
  )
  .superRefine((text, ctx) => {
    for (const slot of templateSlots(text))
      if (!Object.hasOwn(CONVERSION_SLOTS, slot))
        ctx.addIssue({
          code: "custom",
          message: `{${slot}} is not a slot (${Object.keys(CONVERSION_SLOTS).join(", ")})`,
        });
  });

/** An edition name as DISM prints it, which the {edition} slot accepts. */
const dismName = z
  .string()
  .regex(
    new RegExp(`^${CONVERSION_SLOTS.edition}$`),
    "must be a DISM edition name (letters and digits)",
  );

export const serverConversionSchema = z.object({
  title: nonEmpty,
  source: sourceSchema,
  commands: z.object({
    currentEdition: template,
    targetEditions: template,
    getEula: template,
    setEdition: template,
    installKey: template,
    licenceStatus: template,
  }),
  editionNames: z.array(z.object({ dism: dismName, edition: plainText })).min(1),
});

const support = z.enum(["yes", "reboot", "no"], {
  error: "must be yes (no reboot), reboot (reboot required) or no",
});

export const editionUpgradesSchema = z
  .object({
    title: nonEmpty,
    source: sourceSchema,
    /** The table's method columns, in its order. */
    methods: z.array(plainText).min(1),
    /** The command-line method's lines, as the page gives them. */
    commands: z.array(template).min(1),
    /** For each edition an upgrade reaches: the family row whose KMS client key goes there. */
    targets: z.array(z.object({ edition: plainText, row: plainText })),
    upgrades: z.array(z.object({ from: plainText, to: plainText, methods: z.array(support) })),
    downgrades: z.array(z.object({ from: plainText, to: z.array(plainText).min(1) })),
  })
  .superRefine((data, ctx) => {
    const issue = (message: string, path: PropertyKey[]) =>
      ctx.addIssue({ code: "custom", message, path });
    const targets = new Set(data.targets.map(({ edition }) => edition));
    const seen = new Set<string>();
    data.upgrades.forEach(({ from, to, methods }, i) => {
      const path = `${from} > ${to}`;
      if (methods.length !== data.methods.length)
        issue(`${path}: ${methods.length} methods, the table has ${data.methods.length}`, [
          "upgrades",
          i,
          "methods",
        ]);
      if (seen.has(path)) issue(`${path} is listed twice`, ["upgrades", i]);
      seen.add(path);
      if (!targets.has(to)) issue(`${path}: ${to} has no row in targets`, ["upgrades", i, "to"]);
    });
  });

export type ServerConversion = z.infer<typeof serverConversionSchema>;
export type EditionUpgrades = z.infer<typeof editionUpgradesSchema>;
export type Support = z.infer<typeof support>;
