import { withBase } from "./url";

/** The site's tools and downloads, in the order the footer lists them. */
export const TOOL_LINKS = {
  activate: { href: withBase("activate/"), text: "Activation helper" },
  check: { href: withBase("check/"), text: "Key checker" },
  status: { href: withBase("status/"), text: "Status reader" },
  errors: { href: withBase("errors/"), text: "Activation error codes" },
  kmsHosts: { href: withBase("kms-hosts/"), text: "KMS host keys" },
  convert: { href: withBase("convert/"), text: "Convert an edition" },
  allKeys: { href: withBase("all-keys/"), text: "All keys on one page" },
  changes: { href: withBase("changes/"), text: "What changed" },
  keysJson: { href: withBase("keys.json"), text: "keys.json" },
  keysCsv: { href: withBase("keys.csv"), text: "keys.csv" },
} as const;
