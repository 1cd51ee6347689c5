/**
 * Keys in what was pasted into the search box or the checker, when it is more than one key:
 * several whole keys (a chat message with two), or the five characters slmgr and ospp.vbs
 * print as the partial product key ("6VM33", "partial product key 6VM33"). One answer each.
 */
import { looksLikeKey } from "../keys/keyAttempt";
import { byLastGroup, keyGroupsIn, keysIn } from "../keys/keyInput";

export interface PastedKeys<T> {
  /** Listed keys, in the order the paste names them. */
  listed: T[];
  /** Whole keys the site does not list. */
  unlisted: string[];
  /** The partial keys that named a listed key. */
  partial: string[];
}

/**
 * The keys a paste names, or undefined when it is no such paste: fewer than two whole keys
 * and no five-character group that ends a listed key. A single key, even mistyped or written
 * with spaces, goes to the checker: its last group must not make it look listed.
 */
export function pastedKeys<T extends { key: string }>(
  text: string,
  listed: readonly T[],
): PastedKeys<T> | undefined {
  const whole = keysIn(text);
  if (whole.length === 1 || looksLikeKey(text)) return undefined;
  const byKey = new Map(listed.map((entry) => [entry.key, entry]));
  const endingIn = byLastGroup(listed);
  const found: PastedKeys<T> = { listed: [], unlisted: [], partial: [] };
  for (const key of whole) {
    const entry = byKey.get(key);
    if (entry === undefined) found.unlisted.push(key);
    else found.listed.push(entry);
  }
  for (const group of whole.length === 0 ? keyGroupsIn(text) : []) {
    const entry = endingIn.get(group);
    if (entry === undefined || found.listed.includes(entry)) continue;
    found.listed.push(entry);
    found.partial.push(group);
  }
  return found.listed.length + found.unlisted.length === 0 ? undefined : found;
}

/**
 * What a paste held, in one sentence, before the answer for each key (the search box and the
 * checker say it alike).
 */
export function pastedSummary(found: PastedKeys<unknown>): string {
  if (found.partial.length > 0)
    return `${found.partial.join(", ")}: the last five characters of ${found.listed.length === 1 ? "this key" : "these keys"}, the partial product key that slmgr and ospp.vbs print.`;
  return `${found.listed.length + found.unlisted.length} keys in this paste: ${found.listed.length} on this site${found.unlisted.length > 0 ? `, ${found.unlisted.length} not` : ""}.`;
}

/** Five characters that end no listed key: what they mean if they are a partial product key. */
export function noKeyEndsIn(groups: readonly string[]): string {
  return `No key on this site ends in ${groups.join(", ")}. If that is the partial product key slmgr or ospp.vbs printed, the installed key is not one of the client keys Microsoft publishes (a MAK, retail or OEM key, for example).`;
}
