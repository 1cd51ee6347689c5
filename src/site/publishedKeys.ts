import { keysDocument, type KeysDocument } from "../lib/keys/keyDownloads";
import { keyRecords } from "../lib/keys/keyRecords";
import { getFamilies } from "./families";
import { publicUrl } from "./url";

/**
 * The published keys of this build. Row URLs are absolute when SITE_URL is set, and
 * root-relative (`/windows-server/#…`) when it is not: never a development origin.
 */
export async function getKeysDocument(site: URL | undefined): Promise<KeysDocument> {
  return keysDocument(keyRecords(await getFamilies()), (path) => publicUrl(path, site));
}
