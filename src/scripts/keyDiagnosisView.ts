/**
 * The checker's full diagnosis (src/lib/keys/keyChecker.ts) for anything that is not a listed
 * key written exactly: loaded by keyCheckView.ts only when needed. Several keys pasted at once,
 * or the five characters slmgr prints as the partial product key, get one answer each.
 */
import { checkKey, type ListedKey } from "../lib/keys/keyChecker";
import { keyGroupsIn, keysIn } from "../lib/keys/keyInput";
import { looksLikeKey } from "../lib/keys/keyAttempt";
import { noKeyEndsIn, pastedKeys, pastedSummary } from "../lib/search/pastedKeys";
import { unlistedVerdict } from "./keyVerdictView";

export function diagnosisNodes<T extends ListedKey>(
  value: string,
  keys: T[],
  card: (listed: T) => Node,
): Node[] {
  const found = pastedKeys(value, keys);
  if (found) {
    return [
      note(pastedSummary(found)),
      ...found.listed.map(card),
      ...found.unlisted.flatMap((key) => [note(`${key}:`), ...diagnosisNodes(key, keys, card)]),
    ];
  }
  const groups = keyGroupsIn(value);
  if (groups.length > 0 && keysIn(value).length === 0 && !looksLikeKey(value))
    // Five characters that end no key: what they would mean as a partial product key.
    return [note(noKeyEndsIn(groups))];
  const verdict = checkKey(value, keys);
  return verdict.kind === "listed" ? [card(verdict.listed)] : unlistedVerdict(verdict);
}

function note(text: string): HTMLElement {
  return Object.assign(document.createElement("p"), {
    textContent: text,
    className: "font-semibold",
  });
}
