/**
 * Hosts an attacker (or a bad paste) might put in the activation helper's link or box, each
 * with what the refusal must mention. Shared by the unit tests and the page tests.
 */
export interface HostileHost {
  host: string;
  /** A pattern the reason must match. */
  why: string;
}

export const HOSTILE_HOSTS: HostileHost[] = [
  { host: "[@x&calc&x/]", why: "“@”" },
  { host: "[x&calc&x]", why: "“&”" },
  { host: "[::1]&calc", why: "“&”" },
  { host: "kms&calc", why: "“&”" },
  { host: "kms|calc", why: "“\\|”" },
  { host: "kms;calc", why: "“;”" },
  { host: "kms`calc`", why: "“`”" },
  { host: "$(calc)", why: "“\\$”" },
  { host: 'kms"&calc&"', why: '“"”' },
  { host: "kms'x", why: "“'”" },
  { host: "kms>out.txt", why: "“>”" },
  { host: "kms<in.txt", why: "“<”" },
  { host: "kms^&calc", why: "“\\^”" },
  { host: "%COMSPEC%", why: "%" },
  { host: "fe80::1%eth0", why: "zone" },
  { host: "kms\ncalc", why: "U\\+000A" },
  { host: "kms\r\ncalc", why: "U\\+000D" },
  { host: "kms\u0000calc", why: "U\\+0000" },
  { host: "kms\u200b.example.org", why: "U\\+200B" },
  { host: "kms\u202e.example.org", why: "U\\+202E" },
  { host: "kms example", why: "spaces" },
  { host: "2001:db8::5]:2000/x", why: "“/”" },
  { host: "[2001:db8::5]:2000/x", why: "“/”" },
  { host: "[2001:db8::5]x", why: "\\[address\\]" },
  { host: "[kms.example.org]", why: "Only an IPv6" },
  { host: "[1.2.3.4]:1688", why: "Only an IPv6" },
  { host: "http://kms.example.org/", why: "URL" },
  { host: "user@kms.example.org", why: "“@”" },
  { host: "kms.example.org/activate", why: "“/”" },
  { host: "kms.example.org:1688:1688", why: "not an IPv6" },
  { host: "kms.example.org:", why: "port" },
  { host: "kms.example.org:0", why: "1 to 65535" },
  { host: "kms.example.org:65536", why: "1 to 65535" },
  { host: "kms.example.org:01688", why: "leading zeros" },
  { host: "kms.example.org:16 88", why: "spaces" },
  { host: "010.0.0.5", why: "leading zeros" },
  { host: "10.0.0.256", why: "not an IPv4" },
  { host: "1.2.3.4.5", why: "not an IPv4" },
  { host: "1::2::3", why: "not an IPv6" },
  { host: "12345::", why: "not an IPv6" },
  { host: "-kms.example.org", why: "hyphen" },
  { host: "kms..example.org", why: "two dots" },
  { host: `${"a".repeat(64)}.example.org`, why: "63" },
  { host: `${"a.".repeat(127)}ab`, why: "253" },
  { host: "kmѕ.example.org", why: "Cyrillic" },
  { host: "kms.exämple.org", why: "U\\+00E4" },
  { host: "__proto__", why: "“_”" },
  { host: "constructor&calc", why: "“&”" },
];
