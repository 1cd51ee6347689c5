/**
 * The key checker page's behaviour (KeyChecker.astro): a key typed exactly as listed gets
 * its card at once; anything else waits for the full diagnosis (scripts/keyDiagnosisView.ts,
 * loaded then), so that a link to a listed key loads no more than it shows.
 */
import type { ListedKey } from "../lib/keys/keyChecker";
import type { KeyRecord } from "../lib/keys/keyRecords";
import { exactListedKey, keyShard } from "../lib/keys/keyInput";
import { activationUrl, withBase } from "../site/url";
import { fillCopyableKey } from "./fillCopyableKey";
import { trustedParams } from "./framing";

/** A key as keys.json lists it, as far as the checker shows it. */
type CheckedKey = ListedKey & Pick<KeyRecord, "keyKind" | "command">;

export function attachChecker(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>("#key-input");
  const out = root.querySelector<HTMLElement>("[data-verdict]");
  const template = root.querySelector<HTMLTemplateElement>("template[data-listed]");
  if (!input || !out || !template) return;

  // A key written exactly is looked up in its shard (a few keys); anything else gets the full
  // diagnosis, which compares it with every key of keys.json. Each file is fetched once.
  const fetched = new Map<string, Promise<CheckedKey[]>>();
  const keysFrom = (url: string) => {
    const keys =
      fetched.get(url) ??
      fetch(url)
        .then((response) => (response.ok ? response.json() : { keys: [] }))
        .then((data: { keys: CheckedKey[] }) => data.keys);
    fetched.set(url, keys);
    return keys;
  };
  const listedKeys = () => keysFrom(root.dataset["keys"] ?? "");

  let latest = 0;
  const render = async () => {
    const ticket = ++latest;
    const value = input.value;
    if (value.trim() === "") return void out.replaceChildren();
    const shard = keyShard(value);
    const exact =
      shard === undefined
        ? undefined
        : exactListedKey(value, await keysFrom(`${root.dataset["shards"] ?? ""}${shard}.json`));
    const nodes = exact
      ? [listedCard(exact, template)]
      : await Promise.all([listedKeys(), import("./keyDiagnosisView")]).then(
          ([keys, { diagnosisNodes }]) =>
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
  if (copy) fillCopyableKey(copy, listed.key, listed.names[0] ?? listed.key, listed.command);
  card.querySelector("[data-row]")?.setAttribute("href", withBase(listed.path));
  card.querySelector("[data-steps]")?.setAttribute("href", activationUrl(listed.path));
  return card;
}
