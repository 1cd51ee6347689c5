/**
 * The key checker page's behaviour (check.astro loads it on first use): the verdict of
 * src/lib/keyChecker.ts for what is typed, built with text nodes only.
 */
import { checkKey, type ListedKey, type Verdict } from "../lib/keyChecker";
import { activationUrl, withBase } from "../site/url";
import { fillCopyableKey } from "./fillCopyableKey";
import { trustedParams } from "./framing";
import { paragraph, unlistedVerdict } from "./keyVerdictView";

export function attachChecker(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>("#key-input");
  const out = root.querySelector<HTMLElement>("[data-verdict]");
  const template = root.querySelector<HTMLTemplateElement>("template[data-listed]");
  if (!input || !out || !template) return;

  // The listed keys, fetched once from keys.json.
  const listed = fetch(root.dataset["keys"] ?? "")
    .then((response) => response.json() as Promise<{ keys: ListedKey[] }>)
    .then((data) => data.keys);

  let latest = 0;
  const render = async () => {
    const ticket = ++latest;
    const value = input.value;
    if (value.trim() === "") return void out.replaceChildren();
    const verdict = checkKey(value, await listed);
    if (ticket === latest) out.replaceChildren(...describe(verdict, template));
  };

  input.addEventListener("input", () => void render());
  const fromUrl = trustedParams(root).get("key");
  if (fromUrl !== null && input.value === "") input.value = fromUrl;
  void render();
}

function describe(verdict: Verdict, template: HTMLTemplateElement): Node[] {
  return verdict.kind === "listed"
    ? [listedCard(verdict.listed, template)]
    : unlistedVerdict(verdict);
}

/** The card for a listed key: its editions, copy buttons and links, from the page's template. */
function listedCard(listed: ListedKey, template: HTMLTemplateElement): Node {
  const card = template.content.firstElementChild?.cloneNode(true);
  if (!(card instanceof HTMLElement))
    return paragraph(`A KMS client key for ${listed.names.join(" / ")}.`);
  const names = card.querySelector("[data-names]");
  for (const name of listed.names) {
    names?.append(Object.assign(document.createElement("li"), { textContent: name }));
  }
  const copy = card.querySelector<HTMLElement>("kms-key");
  if (copy) fillCopyableKey(copy, listed.key, listed.names[0] ?? listed.key);
  card.querySelector("[data-row]")?.setAttribute("href", withBase(listed.path));
  card
    .querySelector("[data-steps]")
    ?.setAttribute("href", activationUrl(listed.path.split("#")[1] ?? ""));
  return card;
}
