/**
 * The KMS host reader and the commands built from it, against hostile input: every line
 * the helper can produce matches a strict whitelist whatever was typed, IP literals are
 * judged as Node's net.isIP judges them, and known attacks are refused with a reason.
 */
import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activationCommands } from "../../src/lib/activation";
import { parseIpv6, readKmsHost } from "../../src/lib/kmsHost";
import { KEY_PATTERN } from "../../src/lib/productKey";
import { installCommand, slmgrLine } from "../../src/lib/slmgr";
import { sourceKeys } from "../helpers/sourceFixtures";
import { HOSTILE_HOSTS } from "../helpers/hostileHosts";

const [key = ""] = sourceKeys();

/** What an administrator may paste into an elevated prompt: nothing a shell would act on. */
const WHITELIST = [
  new RegExp(`^slmgr /ipk ${KEY_PATTERN.source.slice(1, -1)}$`),
  /^slmgr \/skms (?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/,
  /^slmgr \/ato$/,
  /^slmgr \/dlv$/,
];

function commandsFor(input: string): string[] | undefined {
  const host = readKmsHost(input);
  return host.ok ? activationCommands(key, host) : undefined;
}

/** Strings that look like hosts, with the characters attacks use mixed in. */
const hostish = fc
  .array(
    fc.oneof(
      fc.constantFrom(..."abcXYZ019-.:[]"),
      fc.constantFrom(..."&|;<>^%\"'`$()@/\\ \n\t\u200b\u202e\u0000"),
      fc.string({ unit: "grapheme", maxLength: 2 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("every command the helper can produce", () => {
  it("matches the whitelist, for any Unicode string as the host", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), hostish), (input) => {
        for (const line of commandsFor(input) ?? []) {
          expect(
            WHITELIST.some((allowed) => allowed.test(line)),
            line,
          ).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it("names the host exactly as typed (apart from spaces around it): nothing stripped or replaced", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), hostish), (input) => {
        const host = readKmsHost(input);
        if (!host.ok) return;
        const typed = input.trim();
        const expected =
          host.kind !== "ipv6"
            ? typed
            : typed.startsWith("[")
              ? typed.includes("]:")
                ? typed
                : `${typed}:1688`
              : `[${typed}]:1688`;
        expect(host.skms).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it("never comes from a line outside the whitelist: the builders refuse one", () => {
    expect(() => slmgrLine("slmgr /skms kms&calc")).toThrow();
    expect(() => slmgrLine("slmgr /ato & calc")).toThrow();
    expect(() => installCommand(`${key} & calc`)).toThrow();
    expect(() => installCommand("")).toThrow();
  });
});

describe("IP literals, judged as Node's net.isIP judges them", () => {
  const ipChars = fc
    .array(fc.constantFrom(..."0123456789abcdefABCDEF:.:::"), { maxLength: 45 })
    .map((chars) => chars.join(""));
  const ipv6Text = fc.ipV6();
  const ipv4Text = fc.ipV4();
  const inputs = fc.oneof(ipChars, ipv6Text, ipv4Text, fc.ipV4Extended());

  it("agrees on which strings are IPv4 and IPv6 addresses", () => {
    fc.assert(
      fc.property(inputs, (text) => {
        const reading = readKmsHost(text);
        const kind = reading.ok ? reading.kind : undefined;
        // Zone IDs (fe80::1%eth0) are refused on purpose: `%` is a command prompt's variable sign.
        const node = text.includes("%") ? 0 : isIP(text);
        if (node === 4) expect(kind, text).toBe("ipv4");
        if (node === 6) expect(kind, text).toBe("ipv6");
        if (kind === "ipv4") expect(node, text).toBe(4);
        if (kind === "ipv6") expect(node, text).toBe(6);
      }),
      { numRuns: 30_000 },
    );
  });

  it("reads every IPv6 form RFC 4291 gives", () => {
    for (const text of [
      "2001:db8:0:0:8:800:200c:417a",
      "2001:DB8::8:800:200C:417A",
      "ff01::101",
      "::1",
      "::",
      "0:0:0:0:0:0:13.1.68.3",
      "::13.1.68.3",
      "::ffff:129.144.52.38",
      "1:2:3:4:5:6:7::",
    ]) {
      expect(parseIpv6(text), text).toBe(text);
      expect(isIP(text), text).toBe(6);
    }
  });
});

describe("hostile hosts", () => {
  it.each(HOSTILE_HOSTS.map((h) => [h.host, h.why] as const))(
    "refuses %j, saying why",
    (host, why) => {
      const reading = readKmsHost(host);
      expect(reading.ok).toBe(false);
      expect(!reading.ok && reading.message).toMatch(new RegExp(why));
    },
  );

  it("never echoes an invisible or direction-changing character in its reason", () => {
    for (const char of ["\u200b", "\u202e", "\u0000", "\u2066", "\ufeff"]) {
      const reading = readKmsHost(`kms${char}.example.org`);
      expect(!reading.ok && reading.message).not.toContain(char);
      expect(!reading.ok && reading.message).toMatch(/U\+[0-9A-F]{4}/);
    }
  });
});
