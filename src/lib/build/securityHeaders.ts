/**
 * The site's security policy, in one place. Astro writes the Content-Security-Policy into
 * every page (`security.csp` in astro.config.mjs, from CSP below), adding the hash of each
 * script and stylesheet it inlines; public/_headers (checked against headersFile() by
 * tests/unit/securityHeaders.test.ts) adds what only an HTTP header can say.
 */

/**
 * Everything is same-origin; Pagefind's search runs as WebAssembly, hence 'wasm-unsafe-eval'.
 * Inline scripts and styles are allowed only by the hashes Astro adds for its own.
 */
export const CSP = {
  directives: [
    "default-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
} as const;

/** Only an HTTP header can forbid framing: browsers ignore frame-ancestors in a <meta>. */
const HEADER_ONLY_CSP = "frame-ancestors 'none'";

/** Headers for every response, as a host should send them. */
const SECURITY_HEADERS: [string, string][] = [
  // The page's own policy (a <meta>) does the rest; both are enforced.
  ["Content-Security-Policy", HEADER_ONLY_CSP],
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
  // The service worker must be fetched fresh: a new one is how a new build reaches visitors.
  ["/sw.js", "no-cache"],
  ["/pagefind/*", "public, max-age=3600"],
];

/** The text of `_headers` (Netlify / Cloudflare Pages format) for the site root. */
export function headersFile(): string {
  const block = (path: string, headers: [string, string][]) =>
    [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return [
    "# Generated from src/lib/build/securityHeaders.ts; tests/unit/securityHeaders.test.ts keeps them equal.",
    block("/*", SECURITY_HEADERS),
    ...CACHE_RULES.map(([path, value]) => block(path, [["Cache-Control", value]])),
    "",
  ].join("\n");
}
