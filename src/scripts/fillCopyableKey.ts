import { installName, methodById } from "../lib/activation/methods";
import { labelCopyButtons } from "./copyLabels";

/**
 * Fills a <kms-key> cloned from a <template> (CopyableKey.astro rendered without a key)
 * with a key, its edition and its family's activation method: the code, the method its
 * command button uses, and each button's accessible name.
 */
export function fillCopyableKey(
  element: HTMLElement,
  key: string,
  edition: string,
  method: string,
): void {
  const code = element.querySelector("[data-key]");
  if (code) code.textContent = key;
  element.dataset["method"] = method;
  labelCopyButtons(element, edition, installName(methodById(method)));
}
