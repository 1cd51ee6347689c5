import { installLabel } from "../lib/activation/installLine";
import { labelCopyButtons } from "./copyLabels";
// The element must be defined before a key drawn here can be clicked.
import "./copyableKey";

/**
 * Fills a <kms-key> cloned from a <template> (CopyableKey.astro rendered without a key)
 * with a key, its edition and its install line (the record's `command`): the code, the
 * install prefix its command button uses, and each button's accessible name.
 */
export function fillCopyableKey(
  element: HTMLElement,
  key: string,
  edition: string,
  command: string,
): void {
  const code = element.querySelector("[data-key]");
  if (code) code.textContent = key;
  // The line is the prefix and the key; CopyableKey checks both parts again on copy.
  const prefix = command.endsWith(key) ? command.slice(0, -key.length) : "";
  element.dataset["install"] = prefix;
  labelCopyButtons(element, edition, installLabel(prefix));
}
