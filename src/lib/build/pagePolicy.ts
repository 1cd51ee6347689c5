/**
 * Each page's Content-Security-Policy allows the inline scripts and styles of that page only.
 * Astro writes one policy for the whole site into every page, with the hash of every script
 * and stylesheet it inlines anywhere: nine script hashes where a page runs two, some 400 bytes
 * that do not compress, on every page. The build keeps, per page, the hashes of what the page
 * itself holds, and only ones Astro (or astro.config.mjs) had listed: a page holding an inline
 * script or style the policy did not allow fails the build rather than gaining an allowance.
 */
import { createHash } from "node:crypto";

const POLICY = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
/** Inline elements whose text the browser runs or applies: their attributes and text (both groups always match, maybe empty). */
const INLINE = {
  "script-src": /<script([^>]*)>([\s\S]*?)<\/script>/gi,
  "style-src": /<style([^>]*)>([\s\S]*?)<\/style>/gi,
} as const;
/** Script types a browser runs: none given, a JavaScript MIME type, or "module". */
const RUNNABLE_TYPE = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;
const HASH = /^'sha256-[A-Za-z0-9+/=]+'$/;

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
}

/** The hashes of the page's inline elements of one kind, in page order, each once. */
function inlineHashes(html: string, directive: keyof typeof INLINE): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE[directive])) {
    const [, attributes, text] = match as unknown as [string, string, string];
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*"([^"]*)"/i.exec(attributes)?.[1] ?? "";
    if (directive === "script-src" && !RUNNABLE_TYPE.test(type.trim())) continue;
    hashes.add(sha256(text));
  }
  return [...hashes];
}

/** `html` with its policy's script and style hashes cut down to the page's own; `where` names the page in errors. */
export function ownHashesOnly(html: string, where: string): string {
  const policy = POLICY.exec(html);
  if (policy === null) return html;
  const directives = (policy[2] ?? "").split(";").map((directive) => {
    const tokens = directive.trim().split(/\s+/);
    const name = tokens[0];
    if (name !== "script-src" && name !== "style-src") return directive;
    const listed = tokens.filter((token) => HASH.test(token));
    const own = inlineHashes(html, name);
    const unlisted = own.filter((hash) => !listed.includes(hash));
    if (unlisted.length > 0)
      throw new Error(
        `${where}: an inline ${name.slice(0, -4)} the policy does not allow (${unlisted.join(", ")})`,
      );
    return [...tokens.filter((token) => !HASH.test(token)), ...own].join(" ");
  });
  return html.replace(POLICY, (_, open: string, _content: string, close: string) =>
    [open, directives.join(";"), close].join(""),
  );
}
