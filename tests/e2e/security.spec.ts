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
    test(`${path}: the CSP is enforced and nothing violates it, search and copy included`, async ({
      page,
    }) => {
      const problems = await watch(page);
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
      await page.getByRole("searchbox").pressSequentially("2019 std");
      await expect(page.locator("#kms-search-results")).toHaveAttribute("data-query", "2019 std");
      await keyButton(page.locator("#kms-search-results")).first().click();
      await expect(keyButton(page.locator("#kms-search-results")).first()).toContainText("Copied");
      expect(problems).toEqual([]);
    });
  }
});

test("no page, nor its search, asks any other origin for anything", async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== "data:") elsewhere.push(request.url());
  });
  for (const path of allPaths) {
    await page.goto(path, { waitUntil: "networkidle" });
    await page.getByRole("searchbox").pressSequentially("windows 10 pro");
    await expect(page.locator("#kms-search-results")).toHaveAttribute(
      "data-query",
      "windows 10 pro",
    );
  }
  expect(elsewhere).toEqual([]);
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
