import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CSP, headersFile } from "../../src/lib/securityHeaders";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("security headers", () => {
  it("public/_headers is exactly what src/lib/securityHeaders.ts says", () => {
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
