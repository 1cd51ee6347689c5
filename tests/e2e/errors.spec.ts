/**
 * Activation error codes through the real site: the list and every code's page against
 * Microsoft's table (tests/fixtures/), /errors.json, the search box's answers to codes and
 * message words, and the helper's "Check and troubleshoot" commands.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BUDGET, measureFirstLoad } from "../helpers/pageWeight";
import { readSourceErrors } from "../helpers/errorFixtures";
import { hostHelperPaths } from "./site";

const source = readSourceErrors();
const siteCode = (code: string) => `0x${code.slice(2).toUpperCase()}`;
const message = (row: (typeof source)[number]) => row.message.replace(/^0x[0-9a-f]{8} /i, "");
const panel = (page: Page) => page.locator("#kms-search-results");

test("the list shows every code of Microsoft's table with its message and who sees it", async ({
  page,
}) => {
  await page.goto("/errors/");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(source.length);
  for (const row of source) {
    const tr = page.locator(`tr#code-${row.code.toLowerCase()}`);
    await expect(tr.getByRole("link", { name: siteCode(row.code) })).toHaveAttribute(
      "href",
      `/errors/${row.code.toLowerCase()}/`,
    );
    await expect(tr).toContainText(message(row));
    await expect(tr.locator("td").last()).toHaveText(row.seenBy.join(", "));
  }
});

// In two parts, so that two workers share the pages.
for (const part of [0, 1]) {
  test(`every code's page gives the message, who sees it, causes and what to do (part ${part + 1} of 2)`, async ({
    page,
  }) => {
    for (const row of source.filter((_, i) => i % 2 === part)) {
      await page.goto(`/errors/${row.code.toLowerCase()}/`);
      await expect(page.locator("h1")).toContainText(siteCode(row.code));
      await expect(page.locator("dd q")).toHaveText(message(row));
      await expect(page.locator("dd").nth(1)).toHaveText(row.seenBy.join(", "));
      await expect(page.locator("#cause + ul li").first()).not.toBeEmpty();
      const fix = page.locator("section:has(#fix)");
      expect(((await fix.textContent()) ?? "").length, row.code).toBeGreaterThan(40);
    }
  });
}

test("the commands on a page copy exactly as shown", { tag: "@clipboard" }, async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/errors/0x8007232b/");
  const command = page.locator("kms-command").filter({ hasText: "nslookup" });
  const line = await command.locator("[data-line]").textContent();
  await command.getByRole("button").click();
  await expect(command.getByRole("button")).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);
  expect(line).toBe("nslookup -type=all _vlmcs._tcp>kms.txt");
});

test("errors.json lists exactly the table's codes, with messages and pages", async ({
  request,
}) => {
  const response = await request.get("/errors.json");
  expect(response.headers()["content-type"]).toContain("application/json");
  const { errors } = (await response.json()) as {
    errors: { code: string; message: string; seenBy: string[]; url: string; path: string }[];
  };
  expect(errors.map((e) => e.code).sort()).toEqual(source.map((r) => siteCode(r.code)).sort());
  for (const row of source) {
    const entry = errors.find((e) => e.code === siteCode(row.code));
    expect(entry?.message).toBe(message(row));
    expect(entry?.seenBy).toEqual(row.seenBy);
    expect(entry?.url).toBe(`/${entry?.path}`);
  }
});

test("every error page stays within the first-load budget", async ({ browser, baseURL }) => {
  const paths = ["/errors/", ...source.map((r) => `/errors/${r.code.toLowerCase()}/`)];
  // Eight at a time, each in a context of its own (an empty cache): most of a load is waiting
  // for the network to go quiet.
  for (let i = 0; i < paths.length; i += 8) {
    await Promise.all(
      paths.slice(i, i + 8).map(async (path) => {
        const context = await browser.newContext(baseURL === undefined ? {} : { baseURL });
        try {
          const weight = await measureFirstLoad(await context.newPage(), path);
          expect(weight.bytes, path).toBeLessThanOrEqual(BUDGET.bytes);
          expect(weight.jsBytes, path).toBeLessThanOrEqual(BUDGET.jsBytes);
          expect(weight.requests, path).toBeGreaterThan(0);
        } finally {
          await context.close();
        }
      }),
    );
  }
});

interface ErrorQuery {
  q: string;
  code?: string;
  answer?: "not-listed";
}
const queries = (
  JSON.parse(
    readFileSync(new URL("../fixtures/search-error-queries.json", import.meta.url), "utf8"),
  ) as { queries: ErrorQuery[] }
).queries;

test("the search box answers codes however typed, message words, and codes not on the list", async ({
  page,
}) => {
  expect(queries.length).toBeGreaterThanOrEqual(30);
  await page.goto("/");
  for (const { q, code } of queries) {
    await page.getByRole("searchbox").fill(q);
    await expect(panel(page)).toHaveAttribute("data-query", q);
    const status = panel(page).locator("[data-status] p").first();
    if (code) {
      await expect(panel(page).locator("li [data-code]").first(), q).toHaveText(code);
      await expect(panel(page).locator("li[data-first] [data-code]"), q).toHaveText(code);
    } else {
      await expect(status, q).toContainText("is not on Microsoft's list of activation errors");
      await expect(panel(page).locator("li"), q).toHaveCount(0);
    }
  }
});

// Every code, found by its words as an administrator types them: the message or the site's
// summary, in lower case and without punctuation. A message that several codes share ("DNS name
// doesn't exist.") is answered by any of them first.
const typed = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
test("the search box finds every code first by its message or its summary, as typed", async ({
  page,
  request,
}) => {
  const { errors } = (await (await request.get("/errors.json")).json()) as {
    errors: { code: string; message: string; summary: string }[];
  };
  await page.goto("/");
  for (const { code, message, summary } of errors) {
    for (const words of [message, summary]) {
      const q = typed(words);
      const sharing = errors.filter((e) => typed(e.message) === q || typed(e.summary) === q);
      await page.getByRole("searchbox").fill(q);
      await expect(panel(page)).toHaveAttribute("data-query", q);
      const first = panel(page).locator("li[data-first] [data-code]");
      await expect(first, `${code}: ${q}`).toHaveText(
        new RegExp(`^(${sharing.map((e) => e.code).join("|")})$`),
      );
    }
  }
});

test("Enter on a code opens its page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox").fill("c004f06c");
  await expect(panel(page)).toHaveAttribute("data-query", "c004f06c");
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/\/errors\/0xc004f06c\/$/);
});

test.describe("the helper's check and troubleshoot commands", () => {
  test("the documented commands, and cscript forms for a valid host only", async ({ page }) => {
    await page.goto(hostHelperPaths[0] ?? "");
    const section = page.locator("section:has(#troubleshoot-heading)");
    for (const line of ["slmgr /dli", "slmgr /dlv", "slmgr /xpr", "slmgr /ckms"]) {
      await expect(section.locator("[data-line]", { hasText: line })).toHaveCount(1);
    }
    const cscript = page.locator("[data-cscript]");
    await page.getByLabel(/KMS host/).fill("kms.example.org:1700");
    await expect(cscript).toHaveText(
      "cscript \\windows\\system32\\slmgr.vbs -skms kms.example.org:1700\ncscript \\windows\\system32\\slmgr.vbs -ato",
    );
    await page.getByLabel(/KMS host/).fill("kms&calc");
    await expect(page.locator("[data-cscript-block]")).toBeHidden();
    await expect(cscript).toHaveText("");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a code's page shows everything, its commands included, and no dead button", async ({
    page,
  }) => {
    await page.goto("/errors/0xc004f038/");
    await expect(page.locator("[data-line]", { hasText: "slmgr /dli" })).toBeVisible();
    await expect(page.locator("dd q")).toContainText("The count reported by your Key Management");
    await expect(page.locator("kms-command button")).toBeHidden();
  });
});
