/**
 * A second, independent reading of ../shared/KEY-FORMAT.md's checksum, written differently
 * from src/lib/keys/productKey.ts (a CRC table, the digits folded with reduce), so a test can
 * compare the two on every typo instead of trusting a count.
 */
const ALPHABET = "BCDFGHJKMPQRTVWXY2346789";

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 24;
  for (let bit = 0; bit < 8; bit++) crc = (crc << 1) ^ (crc & 0x80000000 ? 0x04c11db7 : 0);
  return crc >>> 0;
});

/** Whether 25 key characters (one N, no hyphens) carry a consistent checksum. */
export function referenceChecksumHolds(chars: string): boolean {
  const n = chars.indexOf("N");
  const digits = [...chars.slice(0, n), ...chars.slice(n + 1)].map((c) => ALPHABET.indexOf(c));
  if (n < 0 || digits.some((d) => d < 0)) return false;
  const value = digits.reduce((acc, d) => acc * 24n + BigInt(d), BigInt(n));
  const checksum = Number((value >> 103n) & 0x3ffn);
  const blanked = value & ~(0x3ffn << 103n);
  let crc = 0xffffffff;
  for (let i = 0n; i < 16n; i++) {
    const byte = Number((blanked >> (8n * i)) & 0xffn);
    crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  }
  return ((~crc >>> 0) & 0x3ff) === checksum;
}
