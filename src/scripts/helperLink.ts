/**
 * `/activate/?edition=…&host=…`, the helper's address before each family had its own page:
 * finds the edition's family in keys.json and opens its helper with the same edition and
 * host. An edition that is not a row of the site is said so, and nothing is opened.
 */
import type { KeyRecord } from "../lib/keys/keyRecords";
import { activationUrl, withBase } from "../site/url";
import { trustedParams } from "./framing";

export async function openLinkedEdition(root: HTMLElement): Promise<void> {
  const params = trustedParams(root);
  const edition = params.get("edition");
  if (!edition) return;
  const response = await fetch(withBase("keys.json"));
  const { keys } = (await response.json()) as { keys: KeyRecord[] };
  // Such links predate the Office and AVMA families, whose anchors may repeat a Windows one:
  // keys.json lists families in site order, Windows first, so the first match is the one meant.
  const record = keys.find((key) => key.anchor === edition);
  const message = root.querySelector<HTMLElement>("[data-message]");
  if (!record) {
    if (message) {
      message.textContent =
        "The edition in this link is not one of the site's: choose its family below.";
      message.hidden = false;
    }
    return;
  }
  window.location.replace(activationUrl(record.path, params.get("host")));
}
