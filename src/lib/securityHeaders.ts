/**
 * The site's security headers, in one place: the layout's CSP <meta> and public/_headers
 * (checked against this by tests/unit/securityHeaders.test.ts) both come from here.
 */

/** Everything is same-origin; Pagefind's search runs as WebAssembly, hence 'wasm-unsafe-eval'. */
const CSP_DIRECTIVES: [string, string][] = [
  ["default-src", "'self'"],
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  ["style-src", "'self'"],
  ["img-src", "'self' data:"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
];

/** Only an HTTP header can forbid framing: browsers ignore frame-ancestors in a <meta>. */
const HEADER_ONLY_DIRECTIVES: [string, string][] = [["frame-ancestors", "'none'"]];

const join = (directives: [string, string][]) =>
  directives.map(([name, value]) => `${name} ${value}`).join("; ");

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export const CSP_META = join(CSP_DIRECTIVES);

/** Headers for every response, as a host should send them. */
const SECURITY_HEADERS: [string, string][] = [
  ["Content-Security-Policy", join([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES])],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["X-Frame-Options", "DENY"],
  [
    "Permissions-Policy",
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), clipboard-write=(self)",
  ],
];

/** Long caching for files whose names change with their content. */
const CACHE_RULES: [string, string][] = [
  ["/_astro/*", "public, max-age=31536000, immutable"],
  ["/pagefind/*", "public, max-age=3600"],
];

/** The text of `_headers` (Netlify / Cloudflare Pages format) for the site root. */
export function headersFile(): string {
  const block = (path: string, headers: [string, string][]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return [
    "# Generated from src/lib/securityHeaders.ts; tests/unit/securityHeaders.test.ts keeps them equal.",
    block("/*", SECURITY_HEADERS),
    ...CACHE_RULES.map(([path, value]) => block(path, [["Cache-Control", value]])),
    "",
  ].join("\n");
}
