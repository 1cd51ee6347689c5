/**
 * The activation helper's behaviour (each family's helper, src/pages/activate/[family].astro, loads it): commands from the chosen
 * edition and host, the state in the URL (shareable, bookmarkable), nothing stored or sent.
 */
import { activationCommands } from "../lib/activation/activationSteps";
import type { ActivationMethod } from "../lib/activation/methods";
import { copyWithFeedback, resetCopied } from "./clipboard";
import { trustedParams } from "./framing";

export function attachHelper(root: HTMLElement): void {
  const edition = root.querySelector<HTMLSelectElement>("#edition");
  const host = root.querySelector<HTMLInputElement>("#host");
  const commands = root.querySelector<HTMLElement>("[data-commands]");
  const note = root.querySelector<HTMLElement>("[data-commands-note]");
  const error = root.querySelector<HTMLElement>("[data-host-error]");
  const origin = root.querySelector<HTMLElement>("[data-host-origin]");
  const copy = root.querySelector<HTMLButtonElement>("[data-copy-commands]");
  const hint = root.querySelector<HTMLElement>("[data-copy-hint]");
  const cscriptBlock = root.querySelector<HTMLElement>("[data-cscript-block]");
  const cscript = root.querySelector<HTMLElement>("[data-cscript]");
  if (!edition || !host || !commands || !note || !error || !copy || !hint) return;
  // The family's method, as the page carries it (built from methodList.ts): its lines, and
  // whether a KMS host applies at all.
  const method = JSON.parse(root.dataset["method"] ?? "null") as ActivationMethod | null;
  if (method === null) return;

  // What the URL brings, unless the user has already changed the form.
  const params = trustedParams(root);
  if (edition.value === "") edition.value = params.get("edition") ?? "";
  if (edition.selectedIndex === -1) edition.value = "";
  // A text field drops line breaks, so "kms%0Acalc" would show as "kmscalc": until the
  // field is edited, judge the host the link holds, not the field's cleaned-up copy.
  let linked: string | null = null;
  // A method without a KMS host (AVMA) takes none, whatever the link says.
  if (host.value === "" && method.kmsHost) {
    linked = params.get("host");
    host.value = linked ?? "";
  }
  const typed = () => linked ?? host.value;
  // Until an edition is chosen, the page's own placeholder commands and note stay as they are.
  const placeholder = { commands: commands.textContent, note: [...note.childNodes] };
  let hostCode: typeof import("./activationHost") | undefined;
  let hostLoading: Promise<void> | undefined;

  const box = commands.closest("pre") ?? commands;
  const update = () => {
    // Whatever changed, the button no longer says "Copied" about what it showed before.
    resetCopied(copy);
    hint.hidden = true;
    box.hidden = false;
    const option = edition.selectedOptions[0];
    const key = option?.dataset["key"];
    // A closed <select> cuts a long name on a phone: the note below names the edition whole.
    const name = option?.textContent.trim() ?? "";
    const value = typed();
    if (value.trim() !== "" && !hostCode) {
      // Nothing is judged, and no command shown, until the host reader has arrived.
      hostLoading ??= import("./activationHost").then((code) => {
        hostCode = code;
        update();
      });
      copy.disabled = true;
      commands.textContent = "";
      note.textContent = "Reading the host…";
      return;
    }
    const read = value.trim() === "" || !hostCode ? undefined : hostCode.readKmsHost(value);
    // A host the reader accepts but this method's tool does not document is refused too.
    const refusal = read?.ok && hostCode ? hostCode.hostProblem(method, read) : undefined;
    const reading = refusal === undefined ? read : { ok: false as const, message: refusal };
    // A link is how a stranger would hand over a KMS host of theirs: say where it came from
    // until the visitor edits it.
    if (origin) origin.hidden = linked === null || linked.trim() === "";
    error.textContent = reading && !reading.ok ? reading.message : "";
    host.setAttribute("aria-invalid", String(reading !== undefined && !reading.ok));
    // The host commands in the cscript form of Microsoft's DNS guide, for a valid host only.
    if (cscriptBlock && cscript) {
      cscriptBlock.hidden = !reading?.ok || !method.kmsHost?.dnsGuideForm;
      cscript.textContent = reading?.ok && hostCode ? hostCode.cscriptLines(reading.skms) : "";
    }

    const url = new URL(window.location.href);
    url.search = "";
    if (edition.value) url.searchParams.set("edition", edition.value);
    if (value.trim()) url.searchParams.set("host", value.trim());
    history.replaceState(null, "", url);

    // A bad host never produces a command: the block waits for a valid one.
    const ready = key !== undefined && (reading === undefined || reading.ok);
    copy.disabled = !ready;
    if (!ready) {
      if (key === undefined) {
        commands.textContent = placeholder.commands;
        note.replaceChildren(...placeholder.note);
      } else {
        // No empty box either: the commands come back once the host is fixed.
        commands.textContent = "";
        box.hidden = true;
        note.textContent = "Fix the host above to see the commands.";
      }
      return;
    }
    commands.textContent = activationCommands(method, key, reading?.ok ? reading : undefined).join(
      "\n",
    );
    note.textContent = !method.kmsHost
      ? `Installs the ${method.keyKind} of ${name} and shows the licence status; the virtual machine activates against its Hyper-V host by itself.`
      : reading?.ok
        ? `Installs the ${method.keyKind} of ${name}, points ${method.tool} at ${reading.skms}, activates and shows the result.`
        : `Installs the ${method.keyKind} of ${name}, activates against the KMS host found through DNS, and shows the result.`;
  };

  edition.addEventListener("change", update);
  host.addEventListener("input", () => {
    linked = null;
    update();
  });
  copy.addEventListener("click", () => void copyCommands());

  async function copyCommands(): Promise<void> {
    if (!copy || !hint || !commands) return;
    await copyWithFeedback({
      text: commands.textContent,
      button: copy,
      hint,
      what: "Commands",
      copied: "Copied the commands",
      selectable: () => commands,
    });
  }

  update();
}
