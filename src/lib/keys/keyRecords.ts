/**
 * One flat record per key, derived from the family files: what search indexes and what
 * /keys.json publishes. Plain data, so every consumer sees the same names, URL and key.
 */
import { methodById } from "../activation/methodList";
import { installCommand } from "../activation/methods";
import { familyRows, type Family } from "./familySchema";
import type { Revision } from "../upstream/sources";

export interface KeyRecord {
  /** The GVLK, as published. */
  key: string;
  /** Edition names, newest revision first; several when editions share the key. */
  names: string[];
  /** Earlier names of the same editions. */
  aliases: string[];
  /** The family page: its id (URL slug) and title. */
  familyId: string;
  familyTitle: string;
  /** The source's channel heading, e.g. "Windows Server LTSC". */
  section: string;
  /** The version group heading, e.g. "Windows Server 2022" (the section's when it has one table). */
  group: string;
  /** Anchor of the row on its family page. */
  anchor: string;
  /** Anchor of the version group on its family page. */
  groupAnchor: string;
  /** Path of the row below the site's base: `windows-server/#windows-server-2022-datacenter`. */
  path: string;
  /** How the key is activated: an id of activation/methods.ts ("windows-kms", "office-kms", "avma"). */
  method: string;
  /** What the key is: "KMS client key", "AVMA key". */
  keyKind: string;
  /** The line that installs it with its own tool: `slmgr /ipk KEY`, `cscript ospp.vbs /inpkey:KEY`. */
  command: string;
  /** The Microsoft page the key is copied from: an id of content/sources.json. */
  source: string;
  /** Revisions of that page whose tables list the key. */
  sources: Revision[];
}

interface FamilyData {
  id: string;
  data: Family;
}

/** Records in page order: families as given, then sections, groups and rows as in the file. */
export function keyRecords(families: readonly FamilyData[]): KeyRecord[] {
  return families.flatMap(({ id, data }) =>
    familyRows(data).map(({ section, group, row }) => ({
      key: row.key,
      names: row.names,
      aliases: row.aliases,
      familyId: id,
      familyTitle: data.title,
      section: section.heading,
      group: group.label,
      anchor: row.anchor,
      groupAnchor: group.anchor,
      path: `${id}/#${row.anchor}`,
      method: data.method,
      keyKind: methodById(data.method).keyKind,
      command: installCommand(methodById(data.method), row.key),
      source: data.source,
      sources: row.sources,
    })),
  );
}
