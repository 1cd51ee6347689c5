/**
 * Fills a <kms-key> cloned from a <template> (CopyableKey.astro rendered with empty values)
 * with a key and its edition: the code, and the end of each button's accessible name.
 */
export function fillCopyableKey(element: HTMLElement, key: string, edition: string): void {
  element.dataset["edition"] = edition;
  const code = element.querySelector("[data-key]");
  if (code) code.textContent = key;
  for (const label of element.querySelectorAll("button .sr-only")) {
    label.textContent = `${label.textContent.replace(/\s*for\s*$/, "")} for ${edition}`;
  }
}
