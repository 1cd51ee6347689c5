/**
 * Windows product keys: shape, normalisation and the offline checksum.
 * The rules are those of ../shared/KEY-FORMAT.md (summarised in docs/content.md).
 */
import { describeCharacter } from "../text/characters";
import { MAX_KEY_INPUT, normalizeKeyInput } from "./keyInput";
import { formatKey, KEY_ALPHABET, KEY_PATTERN } from "./keyShape";

type KeyDiagnosis =
  /** Well formed and, where the key carries an `N`, the checksum matches. */
  | { status: "valid"; key: string; checksum: "valid" | "not-checkable" }
  /** Well formed, but the checksum does not match: almost always a typo. */
  | { status: "checksum-fails"; key: string }
  /** Not shaped like a product key at all. */
  | { status: "malformed"; reason: MalformedReason; message: string };

type MalformedReason = "empty" | "length" | "grouping" | "alphabet" | "n-count";

/**
 * Says whether `input` is a product key, and if not, why: the first problem
 * found, in the order a reader would fix them (characters, then length, then grouping).
 */
export function diagnoseKey(input: string): KeyDiagnosis {
  // Too long to be one key: said at once, before anything reads the whole paste.
  if (input.length > MAX_KEY_INPUT) {
    return malformed(
      "length",
      `A product key has 25 characters; this has ${input.length.toLocaleString("en")}.`,
    );
  }
  const text = normalizeKeyInput(input);
  if (text === "") return malformed("empty", "The key is empty.");

  const badChar = [...text.replaceAll("-", "")].find((char) => !isKeyCharacter(char));
  if (badChar !== undefined) {
    return malformed(
      "alphabet",
      `Found ${describeCharacter(badChar)}; a product key has only the characters ${KEY_ALPHABET} and N.`,
    );
  }

  const chars = text.replaceAll("-", "");
  if (chars.length !== 25) {
    return malformed("length", `A product key has 25 characters; this has ${chars.length}.`);
  }
  if (text.includes("-") && !KEY_PATTERN.test(text)) {
    return malformed("grouping", "A product key is written as five groups of five characters.");
  }

  const key = formatKey(chars);
  const nCount = chars.split("N").length - 1;
  if (nCount > 1) {
    return malformed("n-count", `A product key has at most one "N"; this has ${nCount}.`);
  }
  if (nCount === 0) return { status: "valid", key, checksum: "not-checkable" };
  return hasValidChecksum(chars)
    ? { status: "valid", key, checksum: "valid" }
    : { status: "checksum-fails", key };
}

function malformed(reason: MalformedReason, message: string): KeyDiagnosis {
  return { status: "malformed", reason, message };
}

function isKeyCharacter(char: string): boolean {
  return char === "N" || KEY_ALPHABET.includes(char);
}

const CHECKSUM_SHIFT = 103n;
const CHECKSUM_MASK = 0x3ffn << CHECKSUM_SHIFT;

/**
 * The Windows 8+ checksum: decode the key (without hyphens, exactly one `N`)
 * to its 114-bit integer, blank the 10 checksum bits, CRC the 16 little-endian
 * bytes and compare the low 10 bits.
 */
export function hasValidChecksum(chars: string): boolean {
  const value = decodeKey(chars);
  const stored = Number((value & CHECKSUM_MASK) >> CHECKSUM_SHIFT);
  const bytes = toLittleEndianBytes(value & ~CHECKSUM_MASK, 16);
  return ((crc32Mpeg2(bytes) ^ 0xffffffff) & 0x3ff) === stored;
}

/** The key's integer: the `N`'s position seeds the number, the other 24 characters are base-24 digits. */
function decodeKey(chars: string): bigint {
  const position = chars.indexOf("N");
  let value = BigInt(position);
  for (const char of chars.slice(0, position) + chars.slice(position + 1)) {
    value = value * 24n + BigInt(KEY_ALPHABET.indexOf(char));
  }
  return value;
}

function toLittleEndianBytes(value: bigint, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return bytes;
}

/** CRC-32/MPEG-2: polynomial 0x04C11DB7, initial value 0xFFFFFFFF, no reflection, no final XOR. */
function crc32Mpeg2(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    }
  }
  return crc >>> 0;
}
