/**
 * Windows activation error codes as the site writes and finds them: one spelling
 * (`0xC004F074`: lower-case `0x`, eight upper-case hex digits), the page each one has, and
 * a code found in whatever an administrator pasted ("c004f074", "Error: 0xC004F074 The
 * Software Licensing Service reported…"). Plain TypeScript, for the build, the search box
 * and the tests.
 */

/** The one spelling of a code on the site. */
export const ERROR_CODE_PATTERN = /^0x[0-9A-F]{8}$/;

/** Who sees an error, in the words of Microsoft's "Activation type" column. */
export const SEEN_BY = ["MAK", "KMS client", "KMS host", "KMS"] as const;
export type SeenBy = (typeof SEEN_BY)[number];

/** Microsoft's page the codes, messages and fixes come from (tests/fixtures/ keeps it). */
export const ERRORS_SOURCE = {
  title: "Resolve Windows activation error codes",
  revision: "2023-08-24",
} as const;

/**
 * A token that is an error code: `0x` and eight hex digits, or the eight digits alone when
 * they start with 8 or C (every activation code does) and hold a digit, so that a word such
 * as "cafebabe" is not taken for one.
 */
const CODE_TOKEN = /(?<![0-9a-z])(?:0x([0-9a-f]{8})|([8c][0-9a-f]{7}))(?![0-9a-z])/i;

/** The first error code in `text`, in the site's spelling; undefined when there is none. */
export function findErrorCode(text: string): string | undefined {
  const match = CODE_TOKEN.exec(text.normalize("NFKC"));
  const digits = match?.[1] ?? match?.[2];
  if (digits === undefined) return undefined;
  if (match?.[1] === undefined && !/\d/.test(digits)) return undefined;
  return `0x${digits.toUpperCase()}`;
}

/** The code's page below the site's base: `errors/0xc004f074/`. */
export function errorPath(code: string): string {
  return `errors/${code.toLowerCase()}/`;
}
