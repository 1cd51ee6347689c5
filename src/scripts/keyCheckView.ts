/**
 * The key checker page's behaviour (check.astro loads it on first use): the verdict of
 * src/lib/keyChecker.ts for what is typed, built with text nodes only.
 */
import { checkKey, type ListedKey, type Suspect, type Verdict } from "../lib/keyChecker";
import { activationUrl, withBase } from "../utils/url";
import { fillCopyableKey } from "./fillCopyableKey";

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
  const fromUrl = new URLSearchParams(window.location.search).get("key");
  if (fromUrl !== null && input.value === "") input.value = fromUrl;
  void render();
}

function paragraph(text: string, lead?: string): HTMLParagraphElement {
  const p = document.createElement("p");
  if (lead) p.append(Object.assign(document.createElement("strong"), { textContent: lead }), " ");
  p.append(text);
  return p;
}

function describe(verdict: Verdict, template: HTMLTemplateElement): Node[] {
  switch (verdict.kind) {
    case "listed":
      return [listedCard(verdict.listed, template)];
    case "unlisted":
      return [
        paragraph(
          "It is well-formed and its checksum is valid, but it is not a KMS client key listed here. It may be a MAK or a retail key; this site cannot tell more.",
          "Not a KMS client key we list.",
        ),
      ];
    case "unlisted-shape-only":
      return [
        paragraph(
          "Keys without an N (the Windows Vista, 7 and Server 2008 format) carry no checksum that can be checked offline, so only their shape can be. This one is well-formed, but it is not a KMS client key listed here.",
          "Well-formed, not a key we list.",
        ),
        ...suspects(verdict.suspects),
      ];
    case "checksum-fails":
      return [
        paragraph(
          "The key is well-formed, but its checksum does not match: most likely a character was mistyped.",
          "Checksum fails.",
        ),
        ...(verdict.suspects.length > 0
          ? suspects(verdict.suspects)
          : [paragraph("Re-check each group of five against where you copied it from.")]),
      ];
    case "malformed":
      return [paragraph(verdict.message, "Not a product key.")];
  }
}

/** "Closest KMS client key: … Re-check group 3." for each listed key the input is close to. */
function suspects(list: Suspect[]): Node[] {
  return list.map(({ listed, groups }) => {
    const where = groups.length === 1 ? `group ${groups[0]}` : `groups ${groups.join(" and ")}`;
    const key = Object.assign(document.createElement("code"), { textContent: listed.key });
    key.className = "whitespace-nowrap";
    const link = Object.assign(document.createElement("a"), { href: withBase(listed.path) });
    link.textContent = "Open its row";
    const p = document.createElement("p");
    p.append(
      "Closest KMS client key: ",
      key,
      ` (${listed.names.join(" / ")}). Re-check ${where}. `,
      link,
    );
    return p;
  });
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
