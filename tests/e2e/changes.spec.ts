/**
 * The changes page, derived from content/: each difference between the fixture revisions is
 * listed and links to its row; the home page says which revision the keys were checked against.
 */
import { expect, test } from "./fixtures";
import { formatRevision } from "../../src/lib/text/dates";
import { readSourceRevisions } from "../helpers/sourceFixtures";
import { allPaths } from "./site";

const [older, newer] = readSourceRevisions();
if (!older || !newer) throw new Error("two key-page fixtures expected");
const olderKeys = new Set(older.rows.map((row) => row.key));
const newerKeys = new Set(newer.rows.map((row) => row.key));
const expected = {
  "Keys added": [...newerKeys].filter((key) => !olderKeys.has(key)),
  "No longer listed": [...olderKeys].filter((key) => !newerKeys.has(key)),
  "Editions renamed": newer.rows
    .filter((row) => {
      const before = older.rows.find((r) => r.key === row.key);
      return before && before.names.join("|") !== row.names.join("|");
    })
    .map((row) => row.key),
};

test("the changes page lists each key added, dropped and renamed, linked to its row", async ({
  page,
  request,
}) => {
  await page.goto("/changes/");
  const revision = page.locator(`#revision-${newer.revision}`);
  await expect(revision.getByRole("heading", { level: 2 })).toContainText(
    formatRevision(newer.revision),
  );
  for (const [heading, keys] of Object.entries(expected)) {
    const list = revision
      .getByRole("heading", { name: heading })
      .locator("xpath=following-sibling::ul[1]");
    expect((await list.locator("code").allTextContents()).sort(), heading).toEqual(
      [...keys].sort(),
    );
    for (const item of await list.locator("li").all()) {
      const key = (await item.locator("code").textContent()) ?? "";
      const href = (await item.getByRole("link").getAttribute("href")) ?? "";
      const [path = "", anchor = ""] = href.split("#");
      const html = await (await request.get(path)).text();
      // The row with that anchor holds that key.
      const row = new RegExp(`<tr id="${anchor}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? "";
      expect(row, `${key} → ${href}`).toContain(key);
    }
  }
  await expect(page.locator(`#revision-${older.revision}`)).toContainText(`${olderKeys.size} keys`);
});

test("the home page says which revision the keys were checked against", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(`time[datetime="${newer.revision}"]`).first()).toHaveText(
    formatRevision(newer.revision),
  );
  await page.getByRole("main").getByRole("link", { name: "what changed", exact: true }).click();
  await expect(page).toHaveURL(/\/changes\/$/);
});

test("without SITE_URL there is no feed, and no link to one", async ({ page, request }) => {
  expect((await request.get("/changes.xml")).status()).toBe(404);
  await page.goto("/changes/");
  await expect(page.getByRole("link", { name: "changes.xml" })).toHaveCount(0);
  await expect(page.locator('link[rel="alternate"]')).toHaveCount(0);
});

test("no page says where its keys come from twice", async ({ page }) => {
  for (const path of allPaths) {
    await page.goto(path);
    const lines = (await page.locator("p").allTextContents())
      .map((text) => text.replace(/\s+/g, " ").trim())
      .filter((text) => text.startsWith("Source:"));
    expect(lines.length, path).toBeGreaterThan(0);
    expect(new Set(lines).size, `${path}: ${lines.join(" | ")}`).toBe(lines.length);
  }
});
