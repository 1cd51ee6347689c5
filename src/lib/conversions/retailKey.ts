/**
 * The product key the conversion form accepts for /Set-Edition, and why it refuses the rest:
 * a well-formed key that is not one the site lists. The site's keys are KMS client and AVMA
 * keys; Microsoft asks for a retail key there. Loaded once a key is typed (it brings the checker).
 */
import { checkKey, type ListedKey } from "../keys/keyChecker";
import type { Checked } from "./targetEdition";

/** A listed key with what the site calls it ("KMS client key", "AVMA key"). */
export type KnownKey = ListedKey & { keyKind: string };

/** A retail product key for /Set-Edition, in the published shape, or why this one can't be. */
export function checkRetailKey(input: string, listed: readonly KnownKey[]): Checked {
  if (input.trim() === "") return { ok: false, problem: "Type the retail product key." };
  const verdict = checkKey(input, listed);
  switch (verdict.kind) {
    case "malformed":
      return { ok: false, problem: `Not a product key: ${verdict.message}` };
    case "listed":
      return {
        ok: false,
        problem: `${verdict.key} is the ${verdict.listed.keyKind} for ${verdict.listed.names[0] ?? "an edition on this site"}, not a retail key: Microsoft asks for a retail product key in /Set-Edition. A KMS client key goes in after the conversion, with slmgr.vbs /ipk.`,
      };
    case "checksum-fails":
      return {
        ok: false,
        problem: `${verdict.key} fails the product-key checksum: a character is probably mistyped.`,
      };
    default:
      return { ok: true, value: verdict.key };
  }
}
