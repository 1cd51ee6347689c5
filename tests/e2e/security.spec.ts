import { sourceKeys } from "../helpers/sourceFixtures";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SCRIPT_LOADER_HASH } from "../../src/lib/build/deferredScripts";
import { allPaths, keyButton } from "./site";

/** Collects CSP violations and console errors from the moment the page starts. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      void (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`error: ${error.message}`));
  return problems;
}

test.describe("with clipboard access", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  for (const path of allPaths) {
    test(`${path}: the CSP is enforced and nothing violates it, search and copy included; nothing is asked of another origin`, async ({
      page,
      baseURL,
    }) => {
      const problems = await watch(page);
      const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
      const elsewhere: string[] = [];
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.origin !== origin && url.protocol !== "data:") elsewhere.push(request.url());
      });
      const response = await page.goto(path);
      // The page's own policy (Astro's <meta>, with the hashes of what it inlined), and the
      // host's header (public/_headers) for what only a header can say.
      expect(response?.headers()["content-security-policy"]).toBe("frame-ancestors 'none'");
      const meta = page.locator('meta[http-equiv="content-security-policy" i]');
      await expect(meta).toHaveCount(1);
      const policy = (await meta.getAttribute("content")) ?? "";
      expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
      expect(policy).toContain("style-src 'self' 'sha256-");
      expect(policy).toContain(`'${SCRIPT_LOADER_HASH}'`);
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
      // Before anything it governs: a <meta> policy covers only what follows it.
      expect(
        await page.evaluate(() => {
          const policyAt = document.querySelector('meta[http-equiv="content-security-policy" i]');
          const first = document.querySelector(
            "head style, head script, head link[rel=stylesheet]",
          );
          return (
            !!policyAt &&
            !!first &&
            (policyAt.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
          );
        }),
      ).toBe(true);
      // A page with the search box searches and copies a result; a tool page (no header search)
      // copies what it has: the checker a listed key, the helper a documented command, the
      // all-keys page a key.
      if ((await page.getByRole("searchbox").count()) > 0) {
        await page.getByRole("searchbox").pressSequentially("2019 std");
        await expect(page.locator("#kms-search-results")).toHaveAttribute("data-query", "2019 std");
        await keyButton(page.locator("#kms-search-results")).first().click();
        await expect(keyButton(page.locator("#kms-search-results")).first()).toContainText(
          "Copied",
        );
      } else if ((await page.locator("#key-input").count()) > 0) {
        await page.locator("#key-input").fill([...sourceKeys()][0] ?? "");
        await keyButton(page.locator("[data-verdict]")).click();
        await expect(keyButton(page.locator("[data-verdict]"))).toContainText("Copied");
      } else {
        const copy = page.locator("kms-key button[data-copy], kms-command button").first();
        await copy.click();
        await expect(copy).toContainText("Copied");
      }
      expect(problems).toEqual([]);
      expect(elsewhere).toEqual([]);
    });
  }
});

test("the host headers are sent with every page", async ({ page }) => {
  for (const path of allPaths) {
    const headers = (await page.goto(path))?.headers() ?? {};
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["permissions-policy"]).toContain("clipboard-write=(self)");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  }
});
