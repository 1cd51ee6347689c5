import { labelCopyButtons } from "./copyLabels";

/**
 * Fills a <kms-key> cloned from a <template> (CopyableKey.astro rendered without a key)
 * with a key and its edition: the code, and each button's accessible name.
 */
export function fillCopyableKey(element: HTMLElement, key: string, edition: string): void {
  const code = element.querySelector("[data-key]");
  if (code) code.textContent = key;
  labelCopyButtons(element, edition);
}
