/**
 * No reader of what a visitor types, pastes or links freezes the page: each refuses or cuts
 * long input first, in linear time. Long adversarial strings (runs of the characters each
 * grammar cares about) must be read well within the bound, which is generous on purpose: a
 * quadratic reader took 8.5 s on 100,000 spaces, a linear one takes milliseconds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findErrorCode } from "../../src/lib/errors/activationErrors";
import { looksLikeKey } from "../../src/lib/keys/keyAttempt";
import { checkKey } from "../../src/lib/keys/keyChecker";
import { MAX_KEY_INPUT, normalizeKeyInput } from "../../src/lib/keys/keyInput";
import { MAX_HOST_INPUT, readKmsHost } from "../../src/lib/activation/kmsHost";
import { diagnoseKey } from "../../src/lib/keys/productKey";
import { MAX_QUERY_LENGTH, prepareQuery } from "../../src/lib/search/searchQuery";
import { sourceKeys } from "../helpers/sourceFixtures";

/** Milliseconds one read of up to 400,000 characters may take. */
const BOUND_MS = 250;

const listed = [...sourceKeys()].map((key, i) => ({ key, names: [`E${i}`], path: `p/#${i}` }));
const vocabulary = ["windows", "server", "datacenter", "standard", "enterprise"];

/** A short head, a long run of one character (or a short pattern), a short tail. */
const adversarial = fc
  .tuple(
    fc.string({ maxLength: 4 }),
    fc.constantFrom(
      " ",
      "-",
      ":",
      "[",
      "]",
      ".",
      "a",
      "7",
      "\u2013",
      "\u00a0",
      "\n",
      ": ",
      "[:",
      "a-",
    ),
    fc.integer({ min: 20_000, max: 200_000 }),
    fc.string({ maxLength: 4 }),
  )
  .map(([head, run, times, tail]) => head + run.repeat(times) + tail);

const readers: [string, (text: string) => unknown][] = [
  ["readKmsHost", readKmsHost],
  ["diagnoseKey", diagnoseKey],
  ["checkKey", (text) => checkKey(text, listed)],
  ["looksLikeKey", looksLikeKey],
  ["normalizeKeyInput", normalizeKeyInput],
  ["prepareQuery", (text) => prepareQuery(text, vocabulary)],
  ["findErrorCode", findErrorCode],
];

describe("long input", () => {
  it.each(readers)("%s reads any long adversarial string within the bound", (_name, read) => {
    fc.assert(
      fc.property(adversarial, (text) => {
        const started = performance.now();
        read(text);
        expect(performance.now() - started, `${text.length} characters`).toBeLessThan(BOUND_MS);
      }),
      // The cases a probe found, always tried first: runs of spaces between two characters.
      { numRuns: 20, examples: [[`a${" ".repeat(100_000)}b`], [`[${":".repeat(100_000)}]`]] },
    );
  });

  it("is refused or cut, and said so", () => {
    const spaces = `a${" ".repeat(100_000)}b`;
    expect(readKmsHost(spaces)).toMatchObject({ ok: false, message: /100,002 characters/ });
    expect(readKmsHost("k".repeat(MAX_HOST_INPUT + 1))).toMatchObject({ ok: false });
    expect(diagnoseKey("-".repeat(MAX_KEY_INPUT + 1))).toMatchObject({
      status: "malformed",
      message: `A product key has 25 characters; this has ${MAX_KEY_INPUT + 1}.`,
    });
    expect(looksLikeKey(`${listed[0]?.key ?? ""}${" ".repeat(MAX_KEY_INPUT)}`)).toBe(false);
    const query = prepareQuery(`windows ${"server ".repeat(1000)}`, vocabulary);
    expect(query.cut).toBe(8 + 7 * 1000);
    expect(prepareQuery("windows server", vocabulary).cut).toBeUndefined();
    expect(MAX_QUERY_LENGTH).toBeLessThan(1000);
  });
});
