/**
 * The <kms-key> element (CopyableKey.astro): a key with its copy buttons. Its own module, so
 * that what draws keys at run time (search results, the checker's card: fillCopyableKey.ts)
 * imports it too: a key drawn before the rows' script had run would have had buttons that
 * did nothing when clicked.
 */
import { installLabel, installLine } from "../lib/activation/installLine";
import { copyWithFeedback } from "./clipboard";
import { labelCopyButtons, labelStepsLink, rowEdition } from "./copyLabels";

/**
 * Copies the key, or its family's install line with it: the install prefix the table (or,
 * for a search result, the element) carries, `slmgr /ipk ` or `cscript ospp.vbs /inpkey:`,
 * made at build time by the family's method, and checked again here. Says so.
 */
class CopyableKey extends HTMLElement {
  connectedCallback(): void {
    const edition = rowEdition(this);
    if (edition !== undefined) {
      labelCopyButtons(this, edition, installLabel(this.#prefix()));
      labelStepsLink(this, edition);
    }
    for (const button of this.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
      button.addEventListener("click", () => void this.#copy(button));
    }
  }

  /** Without an install prefix there is no command: installLine refuses "", never guesses a tool. */
  #prefix(): string {
    return this.closest<HTMLElement>("[data-install]")?.dataset["install"] ?? "";
  }

  async #copy(button: HTMLButtonElement): Promise<void> {
    const code = this.querySelector<HTMLElement>("[data-key]");
    const hint = this.querySelector<HTMLElement>("[data-hint]");
    if (!code || !hint) return;
    const key = code.textContent.trim();
    const edition = this.dataset["edition"] ?? "this edition";
    const command = button.dataset["copy"] === "command";
    const text = command ? installLine(this.#prefix(), key) : key;
    await copyWithFeedback({
      text,
      button,
      hint,
      what: command ? "Command" : "Key",
      copied: `Copied the ${command ? "command" : "key"} for ${edition}`,
      selectable: () => {
        if (!command) return code;
        // The command is not on the page: show it in the hint, where it can be selected.
        const shown = Object.assign(document.createElement("code"), { textContent: text });
        hint.append(": ", shown);
        return shown;
      },
    });
  }
}

// Defined once, by whichever importer runs first: the rows' script, or a script that draws keys.
if (customElements.get("kms-key") === undefined) customElements.define("kms-key", CopyableKey);
