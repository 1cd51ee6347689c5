/**
 * The KMS host reader and the commands built from it, against hostile input: every line
 * the helper can produce matches a strict whitelist whatever was typed, IP literals are
 * judged as Node's net.isIP judges them, and known attacks are refused with a reason.
 */
import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activationCommands } from "../../src/lib/activation/activationSteps";
import { parseIpv6, readKmsHost } from "../../src/lib/activation/kmsHost";
import { KEY_PATTERN } from "../../src/lib/keys/keyShape";
import { methodById } from "../../src/lib/activation/methodList";
import { checkedLine, installCommand } from "../../src/lib/activation/methods";
import { sourceKeys } from "../helpers/sourceFixtures";
import { HOSTILE_HOSTS } from "../helpers/hostileHosts";

const [key = ""] = sourceKeys();
const WINDOWS = methodById("windows-kms");
const slmgrLine = (line: string) => checkedLine(WINDOWS, line);

/** What an administrator may paste into an elevated prompt: nothing a shell would act on. */
const WHITELIST = [
  new RegExp(`^slmgr /ipk ${KEY_PATTERN.source.slice(1, -1)}$`),
  /^slmgr \/skms (?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/,
  /^slmgr \/ato$/,
  /^slmgr \/dlv$/,
];

function commandsFor(input: string): string[] | undefined {
  const host = readKmsHost(input);
  return host.ok ? activationCommands(WINDOWS, key, host) : undefined;
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
    expect(() => installCommand(WINDOWS, `${key} & calc`)).toThrow();
    expect(() => installCommand(WINDOWS, "")).toThrow();
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
        // So is the unspecified address (0.0.0.0, ::): it names no machine.
        const unspecified = /^[0:.]*$/.test(text) && text !== "";
        const node = text.includes("%") || unspecified ? 0 : isIP(text);
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

describe("readKmsHost, exactly", () => {
  const long = (n: number) => `${"a".repeat(n)}`;
  /** A name of exactly `length` characters, in labels of at most 63. */
  const nameOf = (length: number) => {
    const labels: string[] = [];
    let left = length;
    while (left > 0) {
      const size = Math.min(63, left === 64 ? 62 : left);
      labels.push(long(size));
      left -= size + 1;
    }
    return labels.join(".");
  };

  it.each([
    ["kms", "name", "kms", undefined],
    ["kms.example.org.", "name", "kms.example.org.", undefined],
    ["KMS-01.Example.ORG:1", "name", "KMS-01.Example.ORG:1", 1],
    ["kms:65535", "name", "kms:65535", 65535],
    ["1.2.3.4a", "name", "1.2.3.4a", undefined],
    [`${long(63)}.org`, "name", `${long(63)}.org`, undefined],
    [nameOf(253), "name", nameOf(253), undefined],
    ["0.0.0.1", "ipv4", "0.0.0.1", undefined],
    ["255.255.255.255:1688", "ipv4", "255.255.255.255:1688", 1688],
    ["1:2:3:4:5:6:7:8", "ipv6", "[1:2:3:4:5:6:7:8]:1688", undefined],
    ["[::1]:1", "ipv6", "[::1]:1", 1],
    ["::1.2.3.4", "ipv6", "[::1.2.3.4]:1688", undefined],
    ["1:2:3:4:5:6:1.2.3.4", "ipv6", "[1:2:3:4:5:6:1.2.3.4]:1688", undefined],
    ["1::", "ipv6", "[1::]:1688", undefined],
  ] as const)("accepts %j as %s, /skms %s", (input, kind, skms, port) => {
    expect(readKmsHost(input)).toEqual({ ok: true, kind, host: expect.any(String), port, skms });
  });

  const ANY =
    "a host name or address uses only letters, digits, hyphens and dots (colons and brackets for IPv6 and the port).";
  const URL_ONLY = "enter the host alone, not a URL or a user name.";
  it.each([
    ["", "Enter the KMS host's name or address."],
    ["   ", "Enter the KMS host's name or address."],
    [".", "Enter the KMS host's name or address."],
    [
      "ftp://kms",
      "Enter the host alone, without a scheme such as “http://” or a path: slmgr takes a name or address, not a URL.",
    ],
    ["kms/x", `This has “/”: ${URL_ONLY}`],
    ["1a://x", `This has “/”: ${URL_ONLY}`],
    ["a@b", `This has “@”: ${URL_ONLY}`],
    ["a&b", `This has “&”; ${ANY}`],
    ["a b", "A host name or address has no spaces or line breaks; this has “ ”."],
    [
      "a\tb",
      "A host name or address has no spaces or line breaks; this has U+0009 (tab), an invisible character.",
    ],
    ["[::1", "Write an IPv6 address as [address] or [address]:port."],
    ["::1]", "Write an IPv6 address as [address] or [address]:port."],
    ["[::1]x", "Write an IPv6 address as [address] or [address]:port."],
    ["[kms]", "Only an IPv6 address goes in brackets."],
    ["kms:", "Add the port after the colon, or remove the colon."],
    ["kms:1a", "The port must be a number from 1 to 65535, not “1a”."],
    ["kms:a1", "The port must be a number from 1 to 65535, not “a1”."],
    ["kms:0", "The port must be a number from 1 to 65535, not 0."],
    ["kms:65536", "The port must be a number from 1 to 65535, not 65536."],
    ["kms:00", "Write the port without leading zeros."],
    ["[::1]:07", "Write the port without leading zeros."],
    [
      "1.2.3.04",
      "“1.2.3.04” is not an IPv4 address as slmgr should get it: write each number without leading zeros.",
    ],
    ["1.2.3", "“1.2.3” is not an IPv4 address: four numbers from 0 to 255, separated by dots."],
    [
      "1.2.3.256",
      "“1.2.3.256” is not an IPv4 address: four numbers from 0 to 255, separated by dots.",
    ],
    ["1..2.3", "“1..2.3” is not an IPv4 address: four numbers from 0 to 255, separated by dots."],
    [
      "a1.2.3.4",
      "“a1.2.3.4” is neither a host name (its last part is a number) nor an IPv4 address.",
    ],
    [
      "kms.123",
      "“kms.123” is neither a host name (its last part is a number) nor an IPv4 address.",
    ],
    ["kms-", "A part of a host name cannot start or end with a hyphen: “kms-”."],
    ["-kms", "A part of a host name cannot start or end with a hyphen: “-kms”."],
    ["a..b", "A host name cannot start with a dot or have two dots in a row."],
    [".a", "A host name cannot start with a dot or have two dots in a row."],
    [
      `${long(64)}.org`,
      `Each dot-separated part of a host name has at most 63 characters; “${long(20)}…” has 64.`,
    ],
    [nameOf(254), "A host name has at most 253 characters; this one has 254."],
  ])("refuses %j: %s", (input, message) => {
    expect(readKmsHost(input)).toEqual({ ok: false, message });
  });

  it.each([
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "1::2::3",
    ":::",
    "1.2.3.4::",
    "1.2.3.4::1",
    "1:2:3:4:5:6:7:8::",
    "::1:2:3:4:5:6:7:8",
    "12345::1",
    ":1::",
    "1:2:3:4:5:6:7:1.2.3.4",
    "::1.2.3",
  ])("refuses %j as not an IPv6 address", (input) => {
    expect(readKmsHost(input)).toEqual({
      ok: false,
      message: `“${input}” is not an IPv6 address: up to eight groups of one to four hex digits separated by colons, with “::” at most once for a run of zero groups.`,
    });
  });

  it.each([
    "0.0.0.0",
    "::",
    "[::]",
    "[::]:1688",
    "0:0:0:0:0:0:0:0",
    "[0:0:0:0:0:0:0:0]",
    "::0.0.0.0",
    "0::0",
  ])("refuses the unspecified address %j: it names no machine", (input) => {
    expect(readKmsHost(input)).toEqual({
      ok: false,
      message: `“${input.replace(/^\[|\](:\d+)?$/g, "")}” is the unspecified address, which names no machine: enter the KMS host's own name or address.`,
    });
  });

  it("refuses an entry longer than any host with its port, saying how long it is", () => {
    expect(readKmsHost(`  ${"a".repeat(301)}  `)).toEqual({
      ok: false,
      message:
        "This is 301 characters long; a host name or address, with its port, has at most 300.",
    });
    expect(readKmsHost(`a${" ".repeat(100_000)}b`)).toEqual({
      ok: false,
      message:
        "This is 100,002 characters long; a host name or address, with its port, has at most 300.",
    });
    expect(readKmsHost(`${" ".repeat(1000)}${"a".repeat(300)}${" ".repeat(1000)}`).ok).toBe(false);
  });

  it("quotes at most 60 characters of a long paste", () => {
    const reading = readKmsHost("1:".repeat(150));
    expect(reading).toEqual({
      ok: false,
      message: expect.stringMatching(/^“(1:){30}…” is not an IPv6 address/),
    });
    expect(readKmsHost(`kms:${"9".repeat(70)}`)).toEqual({
      ok: false,
      message: `The port must be a number from 1 to 65535, not “${"9".repeat(60)}…”.`,
    });
  });

  it("refuses every slmgr line that is not on the whitelist, naming it", () => {
    expect(() => slmgrLine("slmgr /upk")).toThrow('refusing to build the command "slmgr /upk"');
    expect(() => installCommand(WINDOWS, "nope")).toThrow('not a product key: "nope"');
    expect(installCommand(WINDOWS, key)).toBe(`slmgr /ipk ${key}`);
  });
});
