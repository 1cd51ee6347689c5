import { announce } from "./announce";

/**
 * Copies `text`. When the Clipboard API is missing (plain-http intranet pages) or refused,
 * `fallback` shows the text and returns the element holding it, which is then selected so
 * that the user can copy it with the keyboard.
 */
async function copyOrSelect(text: string, fallback: () => Element): Promise<"copied" | "selected"> {
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
function copyShortcut(): string {
  return /Mac|iPhone|iPad/.test(navigator.userAgent) ? "⌘C" : "Ctrl+C";
}

/** How long a button says "Copied". */
const FEEDBACK_MS = 2000;

interface CopyFeedback {
  text: string;
  /** The button pressed; its `[data-label]` (else its text) reads "Copied" for a moment. */
  button: HTMLButtonElement;
  /** Where the "press Ctrl+C" advice appears when copying fails. */
  hint: HTMLElement;
  /** What is copied, for the advice: "Key", "Command", "Commands". */
  what: string;
  /** What the live region says on success, e.g. "Copied the key for Windows 10 Pro". */
  copied: string;
  /** After the advice is shown: the element holding the text, to be selected. */
  selectable: () => Element;
}

/** The one copy flow of the site: copy, or select with advice; either way seen and heard. */
export async function copyWithFeedback(o: CopyFeedback): Promise<void> {
  const advice = `${o.what} selected: press ${copyShortcut()} to copy ${o.what.endsWith("s") ? "them" : "it"}`;
  const outcome = await copyOrSelect(o.text, () => {
    o.hint.replaceChildren(advice);
    o.hint.hidden = false;
    return o.selectable();
  });
  if (outcome === "selected") return announce(advice);
  o.hint.hidden = true;
  showCopied(o.button);
  announce(o.copied);
}

/** Pending "back to Copy" timers, one per button: a second click restarts its own. */
const feedbackTimers = new WeakMap<HTMLButtonElement, number>();

function showCopied(button: HTMLButtonElement): void {
  resetCopied(button);
  const label = button.querySelector<HTMLElement>("[data-label]") ?? button;
  label.dataset["original"] = label.textContent;
  label.textContent = "Copied";
  button.dataset["state"] = "copied";
  feedbackTimers.set(
    button,
    window.setTimeout(() => resetCopied(button), FEEDBACK_MS),
  );
}

/**
 * The button as it was before "Copied": after the moment, or at once when what it copies
 * changes (the helper's commands), so "Copied" never stands under something not copied.
 */
export function resetCopied(button: HTMLButtonElement): void {
  window.clearTimeout(feedbackTimers.get(button));
  feedbackTimers.delete(button);
  const label = button.querySelector<HTMLElement>("[data-label]") ?? button;
  const original = label.dataset["original"];
  if (original !== undefined) label.textContent = original;
  delete label.dataset["original"];
  delete button.dataset["state"];
}
