import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  deferModuleScripts,
  SCRIPT_LOADER,
  SCRIPT_LOADER_HASH,
} from "../../src/lib/build/deferredScripts";
import { CSP, headersFile } from "../../src/lib/build/securityHeaders";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("security headers", () => {
  it("public/_headers is exactly what src/lib/build/securityHeaders.ts says", () => {
    expect(readFileSync(join(ROOT, "public/_headers"), "utf8")).toBe(headersFile());
  });

  it("the CSP allows no inline script or style (beyond Astro's hashes) and no other origin", () => {
    const policy = JSON.stringify(CSP);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
    expect(CSP.scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(CSP.directives).toContain("default-src 'self'");
  });
});

describe("browser code", () => {
  /** Every source file under src/ that runs in, or renders for, the browser. */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? sources(path)
        : /\.(ts|astro)$/.test(name)
          ? [path]
          : [];
    });
  }

  it("never parses strings as HTML (innerHTML, outerHTML, insertAdjacentHTML, document.write, set:html)", () => {
    const offenders = sources(join(ROOT, "src")).filter((file) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|set:html/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe("scripts deferred until the first paint", () => {
  const page = (body: string) =>
    `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

  it("turns every bundled module script into an inert tag and adds the loader once", () => {
    const html = deferModuleScripts(
      page(
        '<p>x</p><script type="module" src="/_astro/a.js"></script><script type="module" src="/kms/_astro/b.js"></script>',
      ),
    );
    expect(html).not.toContain('type="module" src=');
    expect(html).toContain('<script type="text/x-kms-deferred" data-src="/_astro/a.js"></script>');
    expect(html).toContain(
      '<script type="text/x-kms-deferred" data-src="/kms/_astro/b.js"></script>',
    );
    expect(html.split(SCRIPT_LOADER).length).toBe(2);
    expect(html.indexOf(SCRIPT_LOADER)).toBeGreaterThan(html.indexOf("b.js"));
  });

  it("is exactly the page with its scripts made inert and the loader just before </body>", () => {
    const html = deferModuleScripts(
      page('<p>x</p><script type="module" src="/_astro/a.js"></script><p>y</p>'),
    );
    expect(html).toBe(
      page(
        `<p>x</p><script type="text/x-kms-deferred" data-src="/_astro/a.js"></script><p>y</p><script>${SCRIPT_LOADER}</script>`,
      ),
    );
  });

  it("refuses a page with scripts but no </body>, where the loader would have no place", () => {
    expect(() =>
      deferModuleScripts('<p>x</p><script type="module" src="/_astro/a.js"></script>'),
    ).toThrow("a page without </body>");
  });

  it("leaves a page without bundled scripts, and inline module scripts, as they are", () => {
    const inline = page('<script type="module">console.log(1)</script>');
    expect(deferModuleScripts(inline)).toBe(inline);
  });

  it("the loader's hash is the one the CSP lists", () => {
    const hash = createHash("sha256").update(SCRIPT_LOADER).digest("base64");
    expect(SCRIPT_LOADER_HASH).toBe(`sha256-${hash}`);
  });
});
