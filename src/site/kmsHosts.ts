import { getCollection, type CollectionEntry } from "astro:content";
import { familyRows } from "../lib/keys/familySchema";
import { coverageProblems, type RowPlace } from "../lib/kmsHosts/hostAnswers";
import type { HostKeys } from "../lib/kmsHosts/hostKeySchema";
import { getFamilies, type FamilyEntry } from "./families";

export type HostKeysEntry = CollectionEntry<"kmsHosts">;

/** Every row of the families as the host-key tables see it: its names and version group. */
function rowPlaces(families: readonly FamilyEntry[]): RowPlace[] {
  return families.flatMap((family) =>
    familyRows(family.data).map(({ group, row }) => ({
      names: row.names,
      groupAnchor: group.anchor,
    })),
  );
}

/**
 * The host-key files, each checked against the families: the build fails on a line that
 * covers a version group or an edition no family page has, naming the file and the line.
 */
export async function getHostKeys(): Promise<HostKeysEntry[]> {
  const [entries, families] = await Promise.all([getCollection("kmsHosts"), getFamilies()]);
  const places = rowPlaces(families);
  const problems = entries.flatMap((entry) =>
    coverageProblems(entry.data, entry.filePath ?? entry.id, places),
  );
  if (problems.length > 0) throw new Error(`KMS host keys:\n  ${problems.join("\n  ")}`);
  return entries;
}

/** The host-key tables for the keys of an activation method, if the site has them. */
export async function hostKeysForMethod(method: string): Promise<HostKeys | undefined> {
  return (await getHostKeys()).find((entry) => entry.data.method === method)?.data;
}
