/**
 * The key checker page's behaviour (KeyChecker.astro): a key typed exactly as listed gets
 * its card at once; anything else waits for the full diagnosis (scripts/keyDiagnosisView.ts,
 * loaded then), so that a link to a listed key loads no more than it shows.
 */
import type { ListedKey } from "../lib/keys/keyChecker";
import type { KeyRecord } from "../lib/keys/keyRecords";
import { exactListedKey } from "../lib/keys/keyInput";
import { activationUrl, withBase } from "../site/url";
import { fillCopyableKey } from "./fillCopyableKey";
import { trustedParams } from "./framing";

/** A key as keys.json lists it, as far as the checker shows it. */
type CheckedKey = ListedKey & Pick<KeyRecord, "keyKind" | "method">;

export function attachChecker(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>("#key-input");
  const out = root.querySelector<HTMLElement>("[data-verdict]");
  const template = root.querySelector<HTMLTemplateElement>("template[data-listed]");
  if (!input || !out || !template) return;

  // The listed keys, fetched once from keys.json, when there is first something to check.
  let listed: Promise<CheckedKey[]> | undefined;
  const listedKeys = () =>
    (listed ??= fetch(root.dataset["keys"] ?? "")
      .then((response) => response.json() as Promise<{ keys: CheckedKey[] }>)
      .then((data) => data.keys));

  let latest = 0;
  const render = async () => {
    const ticket = ++latest;
    const value = input.value;
    if (value.trim() === "") return void out.replaceChildren();
    const keys = await listedKeys();
    const exact = exactListedKey(value, keys);
    const nodes = exact
      ? [listedCard(exact, template)]
      : await import("./keyDiagnosisView").then(({ diagnosisNodes }) =>
          diagnosisNodes(value, keys, (found) => listedCard(found, template)),
        );
    if (ticket === latest) out.replaceChildren(...nodes);
  };

  input.addEventListener("input", () => void render());
  const fromUrl = trustedParams(root).get("key");
  if (fromUrl !== null && input.value === "") input.value = fromUrl;
  void render();
}

/** The card for a listed key: its editions, copy buttons and links, from the page's template. */
function listedCard(listed: CheckedKey, template: HTMLTemplateElement): Node {
  const card = template.content.firstElementChild?.cloneNode(true);
  if (!(card instanceof HTMLElement)) {
    return Object.assign(document.createElement("p"), {
      textContent: `The ${listed.keyKind} for ${listed.names.join(" / ")}.`,
    });
  }
  const kind = card.querySelector("[data-kind]");
  if (kind) kind.textContent = `The ${listed.keyKind} for:`;
  const names = card.querySelector("[data-names]");
  for (const name of listed.names) {
    names?.append(Object.assign(document.createElement("li"), { textContent: name }));
  }
  const copy = card.querySelector<HTMLElement>("kms-key");
  if (copy) fillCopyableKey(copy, listed.key, listed.names[0] ?? listed.key, listed.method);
  card.querySelector("[data-row]")?.setAttribute("href", withBase(listed.path));
  card.querySelector("[data-steps]")?.setAttribute("href", activationUrl(listed.path));
  return card;
}
