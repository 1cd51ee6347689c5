import { keysDocument, type KeysDocument } from "../lib/keyDownloads";
import { keyRecords } from "../lib/keyRecords";
import { getFamilies } from "./families";
import { withBase } from "./url";

/** The published keys of this build, with absolute row URLs from SITE_URL and BASE_PATH. */
export async function getKeysDocument(site: URL | undefined): Promise<KeysDocument> {
  return keysDocument(
    keyRecords(await getFamilies()),
    (path) => new URL(withBase(path), site).href,
  );
}
