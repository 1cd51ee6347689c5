/**
 * The checker's full diagnosis (src/lib/keys/keyChecker.ts) for anything that is not a listed
 * key written exactly: loaded by keyCheckView.ts only when needed.
 */
import { checkKey, type ListedKey } from "../lib/keys/keyChecker";
import { unlistedVerdict } from "./keyVerdictView";

export function diagnosisNodes<T extends ListedKey>(
  value: string,
  keys: T[],
  card: (listed: T) => Node,
): Node[] {
  const verdict = checkKey(value, keys);
  return verdict.kind === "listed" ? [card(verdict.listed)] : unlistedVerdict(verdict);
}
