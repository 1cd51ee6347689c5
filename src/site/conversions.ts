import { getCollection } from "astro:content";
import type { EditionUpgrades, ServerConversion } from "../lib/conversions/conversionSchema";
import { findRow, getFamilies, type FamilyEntry } from "./families";

/** The one file of a conversion collection; the build fails without it. */
function only<T>(entries: { data: T }[], dir: string): T {
  const [entry] = entries;
  if (entry === undefined || entries.length > 1)
    throw new Error(`content/${dir}/ must hold exactly one file (it has ${entries.length})`);
  return entry.data;
}

export async function getServerConversion(): Promise<ServerConversion> {
  return only(await getCollection("serverConversions"), "server-conversions");
}

/** The edition upgrades, each target with its family row; the build fails on a row no family has. */
export async function getEditionUpgrades(): Promise<{
  data: EditionUpgrades;
  targets: { edition: string; family: FamilyEntry; row: ReturnType<typeof findRow>["row"] }[];
}> {
  const data = only(await getCollection("editionUpgrades"), "edition-upgrades");
  const families = await getFamilies();
  const targets = data.targets.map(({ edition, row }) => {
    try {
      return { edition, ...findRow(families, row) };
    } catch {
      throw new Error(
        `content/edition-upgrades/: the target ${edition} names the row "${row}", which no family lists`,
      );
    }
  });
  return { data, targets };
}
