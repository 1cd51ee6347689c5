/**
 * The accessible names of a <kms-key>'s two buttons. They are set here, not written into
 * every row: the buttons only work (and only show) once this script runs, and the edition
 * is already on the page in the row's header.
 */
export function labelCopyButtons(element: HTMLElement, edition: string, command: string): void {
  element.dataset["edition"] = edition;
  for (const button of element.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    // Each name starts with the button's visible words, as speech input users say them.
    const what = button.dataset["copy"] === "command" ? `Copy command (${command})` : "Copy key";
    button.setAttribute("aria-label", `${what} for ${edition}`);
  }
}

/** A key row's "Activation steps" link, named for its edition like the buttons beside it. */
export function labelStepsLink(element: HTMLElement, edition: string): void {
  const link = element.nextElementSibling;
  if (link instanceof HTMLAnchorElement)
    link.setAttribute("aria-label", `Activation steps for ${edition}`);
}

/** The edition a key row is for: the first name in its header. */
export function rowEdition(element: HTMLElement): string | undefined {
  return element.closest("tr")?.querySelector("th > a")?.textContent.trim() || undefined;
}
