/**
 * The conversion form on /convert/ (<kms-conversion>): a target edition and a retail key in,
 * the /GetEula and /Set-Edition lines out, each filled from checked parts only and copyable.
 * A typed key brings the key checker and keys.json, to refuse the site's own keys (not retail keys).
 */
import { conversionCommand } from "../lib/conversions/conversionCommands";
import { checkTargetEdition } from "../lib/conversions/targetEdition";
import type { Checked } from "../lib/conversions/targetEdition";
import type { KnownKey } from "../lib/conversions/retailKey";
import { trustedParams } from "./framing";

/** Said when keys.json can't be had: a key is never taken unchecked against the site's own. */
const UNCHECKED: Checked = {
  ok: false,
  problem: "This site's keys could not be loaded to check the key against them: try again.",
};

export function attachConversion(root: HTMLElement): void {
  const edition = root.querySelector<HTMLInputElement>("#target-edition");
  const key = root.querySelector<HTMLInputElement>("#retail-key");
  const result = root.querySelector<HTMLElement>("[data-result]");
  const template = root.querySelector<HTMLTemplateElement>("template[data-command]");
  if (!edition || !key || !result || !template) return;
  const { getEula = "", setEdition = "" } = JSON.parse(root.dataset["templates"] ?? "{}") as Record<
    string,
    string
  >;
  const templates = [getEula, setEdition];
  let checkKey: Promise<(input: string) => Checked> | undefined;
  let latest = 0;

  const problem = (text: string) =>
    Object.assign(document.createElement("p"), {
      className: "text-sm font-medium text-warn-line",
      textContent: text,
    });
  const command = (line: string) => {
    const element = template.content.firstElementChild?.cloneNode(true) as HTMLElement;
    const code = element.querySelector("[data-line]");
    if (code) code.textContent = line;
    const label = element.querySelector(".sr-only");
    if (label) label.textContent = ` the command ${line}`;
    return element;
  };

  const update = async () => {
    const ticket = ++latest;
    if (edition.value.trim() === "" && key.value.trim() === "")
      return void result.replaceChildren();
    const target = checkTargetEdition(edition.value);
    const typed = key.value.trim() !== "";
    checkKey ??= typed
      ? Promise.all([
          import("../lib/conversions/retailKey"),
          fetch(root.dataset["keys"] ?? "").then((response) => {
            if (!response.ok) throw new Error(`keys.json: ${response.status}`);
            return response.json() as Promise<{ keys: KnownKey[] }>;
          }),
        ]).then(
          ([{ checkRetailKey }, { keys }]) =>
            (input: string) =>
              checkRetailKey(input, keys),
        )
      : undefined;
    let retail: Checked = { ok: false, problem: "" };
    try {
      if (checkKey) retail = (await checkKey)(key.value);
    } catch {
      checkKey = undefined; // the next keystroke tries again
      retail = UNCHECKED;
    }
    if (ticket !== latest) return;
    const nodes: Node[] = [];
    if (!target.ok) nodes.push(problem(target.problem));
    if (!retail.ok && typed) nodes.push(problem(retail.problem));
    if (target.ok) {
      const values = { edition: target.value, key: retail.ok ? retail.value : undefined };
      for (const line of templates.map((t) => conversionCommand(templates, t, values)))
        if (line !== undefined) nodes.push(command(line));
    }
    result.replaceChildren(...nodes);
  };
  edition.addEventListener("input", () => void update());
  key.addEventListener("input", () => void update());
  // A link from the status reader names the target (checked like anything typed); the key, never.
  const linked = trustedParams(root).get("target");
  if (linked !== null && edition.value === "") edition.value = linked.slice(0, 200);
  void update(); // what the link brings, or was typed before this module arrived
}
