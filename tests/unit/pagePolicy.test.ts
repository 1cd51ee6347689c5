/**
 * Each page's Content-Security-Policy (src/lib/build/pagePolicy.ts): the hashes of the page's
 * own inline scripts and styles, no other, and never one the policy had not listed.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ownHashesOnly } from "../../src/lib/build/pagePolicy";

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const RUNS = "console.log(1)";
const MODULE = "import('/a.js')";
const STYLE = "p{color:red}";
const OTHER = hash("elsewhere()");
const policy = (scripts: string[], styles: string[]) =>
  `default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' ${scripts.join(" ")}; style-src 'self' ${styles.join(" ")};`;
const page = (csp: string, body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${csp}"><style>${STYLE}</style></head><body>${body}</body></html>`;
const BODY = [
  `<script>${RUNS}</script>`,
  `<script type="module">${MODULE}</script>`,
  `<script type="module">${MODULE}</script>`,
  '<script type="text/x-kms-deferred" data-src="/_astro/b.js"></script>',
  '<script type="module" src="/_astro/c.js"></script>',
  '<script type="application/ld+json">{"a":1}</script>',
].join("");

describe("each page's policy", () => {
  it("keeps exactly the hashes of the page's runnable inline scripts and its styles, in page order, each once", () => {
    const html = page(policy([OTHER, hash(MODULE), hash(RUNS)], [hash("q{}"), hash(STYLE)]), BODY);
    expect(ownHashesOnly(html, "p.html")).toBe(
      page(
        `default-src 'self';img-src 'self' data:;script-src 'self' 'wasm-unsafe-eval' ${hash(RUNS)} ${hash(MODULE)};style-src 'self' ${hash(STYLE)};`,
        BODY,
      ),
    );
  });

  it("lists no hash for a page without inline scripts, and leaves the other directives", () => {
    const html = page(policy([OTHER, hash(RUNS)], [hash(STYLE)]), "<p>x</p>");
    expect(ownHashesOnly(html, "p.html")).toContain(
      `default-src 'self';img-src 'self' data:;script-src 'self' 'wasm-unsafe-eval';style-src 'self' ${hash(STYLE)};`,
    );
  });

  it("fails, naming the page, on an inline script or style the policy did not list", () => {
    expect(() =>
      ownHashesOnly(
        page(policy([OTHER], [hash(STYLE)]), `<script>${RUNS}</script>`),
        "a/index.html",
      ),
    ).toThrow(`a/index.html: an inline script the policy does not allow (${hash(RUNS)})`);
    expect(() =>
      ownHashesOnly(page(policy([], [hash(STYLE)]), `<script>1</script><script>2</script>`), "c"),
    ).toThrow(`c: an inline script the policy does not allow (${hash("1")}, ${hash("2")})`);
    expect(() => ownHashesOnly(page(policy([hash(RUNS)], [OTHER]), ""), "b.html")).toThrow(
      `b.html: an inline style the policy does not allow (${hash(STYLE)})`,
    );
  });

  it("reads a script's type whatever its case and spacing, and counts JavaScript MIME types as runnable", () => {
    const scripts = `<script type="text/javascript">${RUNS}</script><SCRIPT TYPE = " Module " >${MODULE}</SCRIPT>`;
    const html = page(policy([hash(MODULE), hash(RUNS)], [hash(STYLE)]), scripts);
    expect(ownHashesOnly(html, "p.html")).toContain(
      `script-src 'self' 'wasm-unsafe-eval' ${hash(RUNS)} ${hash(MODULE)};`,
    );
    expect(() => ownHashesOnly(page(policy([], [hash(STYLE)]), scripts), "p.html")).toThrow(
      "an inline script",
    );
  });

  it("skips external and inert scripts however their attributes are spaced, and hashes every style", () => {
    const body = [
      '<script type = "text/x-kms-deferred" data-src="/_astro/b.js"></script>',
      '<script\tsrc = "/_astro/c.js"></script>',
      '<script type="application/ld+json">{}</script>',
      '<style type="text/css">q{}</style>',
    ].join("");
    expect(
      ownHashesOnly(page(policy([OTHER], [hash("q{}"), hash(STYLE)]), body), "p.html"),
    ).toContain(
      `script-src 'self' 'wasm-unsafe-eval';style-src 'self' ${hash(STYLE)} ${hash("q{}")};`,
    );
  });

  it("keeps the directive's other sources wherever the hashes were among them", () => {
    const csp = `script-src ${OTHER} 'self'  ${hash(RUNS)} 'wasm-unsafe-eval'; style-src ${hash(STYLE)} 'self'`;
    expect(ownHashesOnly(page(csp, `<script>${RUNS}</script>`), "p.html")).toContain(
      `content="script-src 'self' 'wasm-unsafe-eval' ${hash(RUNS)};style-src 'self' ${hash(STYLE)}"`,
    );
  });

  it("leaves a page without a policy as it is", () => {
    const html = `<html><body><script>${RUNS}</script></body></html>`;
    expect(ownHashesOnly(html, "p.html")).toBe(html);
  });
});
