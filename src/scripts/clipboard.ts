/**
 * Copies `text`. When the Clipboard API is missing (plain-http intranet pages) or refused,
 * `fallback` shows the text and returns the element holding it, which is then selected so
 * that the user can copy it with the keyboard.
 */
export async function copyOrSelect(
  text: string,
  fallback: () => Element,
): Promise<"copied" | "selected"> {
  try {
    // Missing API and refused permission end the same way: in the catch.
    await navigator.clipboard.writeText(text);
    return "copied";
  } catch {
    const range = document.createRange();
    range.selectNodeContents(fallback());
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return "selected";
  }
}

/** The copy shortcut to suggest on this platform. */
export function copyShortcut(): string {
  return /Mac|iPhone|iPad/.test(navigator.userAgent) ? "⌘C" : "Ctrl+C";
}
