/**
 * The status reader's behaviour (StatusReader.astro): reads the paste with
 * src/lib/status/ and draws each reading from text only. Nothing pasted is parsed as HTML,
 * sent, stored or put in the URL; links carry only what the reading found (a row, an error
 * code, a KMS host the host reader accepted).
 */
import { errorPath } from "../lib/errors/activationErrors";
import { listWords } from "../lib/text/lists";
import {
  adviseReading,
  type Finding,
  type KnownCodes,
  type Link,
  type ProductAdvice,
  type ReadingAdvice,
} from "../lib/status/statusAdvice";
import { readStatus, type StatusKey } from "../lib/status/statusReading";
import { activationUrl, withBase } from "../site/url";
import { announce } from "./announce";

/** At most this many products are drawn; a longer paste says how many more it has. */
const MAX_DRAWN = 20;
/** Typing waits this long before the reading is redrawn; a paste is read at once. */
const TYPING_PAUSE_MS = 150;

export async function attachStatusReader(root: HTMLElement): Promise<void> {
  const input = root.querySelector("textarea");
  const out = root.querySelector<HTMLElement>("[data-reading]");
  const count = root.querySelector<HTMLElement>("[data-count]");
  const clear = root.querySelector<HTMLButtonElement>("[data-clear]");
  const commandTemplate = root.querySelector<HTMLTemplateElement>("template[data-command]");
  if (!input || !out || !count || !clear || !commandTemplate) return;
  const data = Promise.all([
    fetchJson<{ keys: StatusKey[] }>(root.dataset["keys"]).then((d) => d.keys),
    fetchJson<{ errors: { code: string; message: string; hostKeys: boolean }[] }>(
      root.dataset["errors"],
    ).then((d) => ({
      known: new Map(d.errors.map((error) => [error.code, error.message])) as KnownCodes,
      hostKeyCodes: new Set(d.errors.filter((error) => error.hostKeys).map((error) => error.code)),
    })),
  ]);

  let latest = 0;
  let timer: number | undefined;
  const render = async () => {
    const ticket = ++latest;
    const text = input.value;
    count.textContent =
      text === "" ? "" : `${text.length.toLocaleString("en")} characters, read in this browser`;
    if (text.trim() === "") return void out.replaceChildren();
    const [keys, { known, hostKeyCodes }] = await data;
    if (ticket !== latest) return;
    const advice = adviseReading(readStatus(text, keys), keys, known, hostKeyCodes);
    out.replaceChildren(...draw(advice, commandTemplate));
    announce(summary(advice));
  };
  input.addEventListener("input", (event) => {
    window.clearTimeout(timer);
    const pasted = (event as InputEvent).inputType === "insertFromPaste";
    if (pasted) void render();
    else timer = window.setTimeout(() => void render(), TYPING_PAUSE_MS);
  });
  clear.addEventListener("click", () => {
    input.value = "";
    input.focus();
    void render();
  });
  await render();
}

async function fetchJson<T>(url: string | undefined): Promise<T> {
  const response = await fetch(url ?? "");
  return (await response.json()) as T;
}

/** One sentence for screen readers: how many products, and the first title. */
function summary(advice: ReadingAdvice): string {
  const titles = advice.products.map((product) => product.title);
  if (titles.length === 0) return advice.notes.at(-1) ?? advice.findings[0]?.text ?? "";
  return `Read ${titles.length === 1 ? "one product" : `${titles.length} products`}: ${listWords(titles.slice(0, 3))}${titles.length > 3 ? " and more" : ""}.`;
}

function draw(advice: ReadingAdvice, commandTemplate: HTMLTemplateElement): Node[] {
  const nodes: Node[] = advice.notes.map((note) =>
    element("p", note, "rounded border-l-4 border-warn-line bg-warn-bg px-4 py-3"),
  );
  nodes.push(
    ...advice.products
      .slice(0, MAX_DRAWN)
      .map((product) => productSection(product, commandTemplate)),
  );
  const hidden = advice.products.length - MAX_DRAWN;
  if (hidden > 0)
    nodes.push(element("p", `${hidden.toLocaleString("en")} more products are not shown.`));
  if (advice.unused.length > 0) {
    const names = advice.unused.slice(0, 10).filter((name) => name !== "");
    nodes.push(
      element(
        "p",
        `${advice.unused.length} more ${advice.unused.length === 1 ? "licence" : "licences"} with no key installed and unlicensed${names.length > 0 ? `: ${names.join("; ")}${advice.unused.length > names.length ? "; …" : ""}` : ""}.`,
        "text-sm text-muted",
      ),
    );
  }
  if (advice.findings.length > 0) {
    const section = document.createElement("section");
    section.className = "rounded border border-line px-4 py-3";
    section.append(
      element(
        "h2",
        advice.products.length > 0 ? "Also in this paste" : "In this paste",
        "text-lg font-semibold",
      ),
      findingList(advice.findings),
    );
    nodes.push(section);
  }
  return nodes;
}

function productSection(product: ProductAdvice, commandTemplate: HTMLTemplateElement): Node {
  const section = document.createElement("section");
  section.className = "rounded border border-line px-4 py-3";
  section.append(element("h2", product.title, "text-lg font-semibold"));
  section.append(findingList(product.findings));
  if (product.commands.length > 0) {
    section.append(element("h3", "Next, in an elevated Command Prompt", "mt-3 font-semibold"));
    for (const line of product.commands) {
      const command = commandTemplate.content.firstElementChild?.cloneNode(true);
      if (!(command instanceof HTMLElement)) continue;
      const code = command.querySelector("[data-line]");
      if (code) code.textContent = line;
      const label = command.querySelector(".sr-only");
      if (label) label.textContent = ` the command ${line}`;
      command.classList.add("mt-1");
      section.append(command);
    }
    if (product.helperPath !== undefined) {
      const more = element("p", "", "mt-1 text-sm");
      more.append(
        anchor(activationUrl(product.helperPath), "Every step for this edition, in the helper"),
      );
      section.append(more);
    }
  }
  if (product.notRead.length > 0)
    section.append(
      element(
        "p",
        `Not read for this product: ${listWords(product.notRead)}. The installed key, the channel and 0x codes are read in any language; the other lines only as English slmgr and ospp.vbs write them.`,
        "mt-3 text-sm text-muted",
      ),
    );
  return section;
}

const TONE_CLASS: Record<Finding["tone"], string> = {
  ok: "border-ok",
  warn: "border-warn-line",
  info: "border-line",
};
/** Said in words too, not by the border's colour alone. */
const TONE_WORD: Record<Finding["tone"], string> = { ok: "", warn: "needs attention", info: "" };

function findingList(findings: readonly Finding[]): HTMLElement {
  const list = document.createElement("dl");
  list.className = "mt-2 space-y-2";
  for (const finding of findings) {
    const item = document.createElement("div");
    item.className = `border-l-4 pl-3 ${TONE_CLASS[finding.tone]}`;
    const term = element("dt", finding.topic, "font-semibold");
    const word = TONE_WORD[finding.tone];
    if (word !== "")
      term.append(" ", element("span", `· ${word}`, "text-sm font-medium text-warn-line"));
    const detail = element("dd", finding.text);
    if (finding.link) detail.append(" ", linkFor(finding.link));
    item.append(term, detail);
    list.append(item);
  }
  return list;
}

function linkFor(link: Link): HTMLElement {
  switch (link.kind) {
    case "row":
      return anchor(withBase(link.path), link.text);
    case "error":
      return link.listed
        ? anchor(withBase(errorPath(link.code)), `What ${link.code} means and how to fix it`)
        : anchor(withBase("errors/"), "The codes Microsoft lists");
    case "helper":
      return anchor(activationUrl(link.path, link.host), link.text);
    case "page":
      return anchor(withBase(link.path), link.text);
    case "search": {
      // The page's search box, filled in: the words go nowhere but that box.
      const button = element("button", link.text, "cursor-pointer text-accent underline");
      button.setAttribute("type", "button");
      button.addEventListener("click", () => searchFor(link.words));
      return button;
    }
  }
}

function searchFor(words: string): void {
  const search = document.querySelector("kms-search");
  const box = search?.querySelector("input");
  if (!box) return;
  box.value = words;
  box.focus();
  box.dispatchEvent(new Event("input", { bubbles: true }));
}

function anchor(href: string, text: string): HTMLAnchorElement {
  const a = element("a", text, "inline-block py-0.5");
  a.href = href;
  return a;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className = "",
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className !== "") node.className = className;
  return node;
}
