/**
 * The changes page, derived from content/: each difference between the fixture revisions is
 * listed and links to its row; the home page says which revision the keys were checked against.
 */
import { expect, test } from "./fixtures";
import { formatRevision } from "../../src/lib/text/dates";
import { SOURCES } from "../../src/lib/upstream/sources";
import { CONFIRMED, DOUBLED_BASE } from "../helpers/deploy";
import { readSourceRevisions } from "../helpers/sourceFixtures";
import { allPaths } from "./site";

/** What each page's newest revision changed, straight from its fixtures: the two newest, and any before them. */
const pages = SOURCES.filter((source) => source.revisions.length >= 2).map((source) => {
  const revisions = readSourceRevisions(source.id);
  const [older, newer] = revisions.slice(-2);
  const first = revisions[0];
  if (!older || !newer || !first) throw new Error(`${source.id}: two fixtures expected`);
  const keysOf = (revision: { rows: { key: string }[] }) => revision.rows.map((row) => row.key);
  const olderKeys = new Set(keysOf(older));
  const newerKeys = new Set(keysOf(newer));
  // Listed by a revision before the one before: a key that comes back is listed again, not added.
  const earlierKeys = new Set(revisions.slice(0, -2).flatMap(keysOf));
  const back = [...newerKeys].filter((key) => !olderKeys.has(key));
  const renamed = newer.rows
    .filter((row) => {
      const before = older.rows.find((r) => r.key === row.key);
      return before && before.names.join("|") !== row.names.join("|");
    })
    .map((row) => row.key);
  return {
    source,
    first,
    newer,
    expected: {
      "Keys added": back.filter((key) => !earlierKeys.has(key)),
      "Listed again": back.filter((key) => earlierKeys.has(key)),
      "No longer listed": [...olderKeys].filter((key) => !newerKeys.has(key)),
      "Editions renamed": [...new Set(renamed)],
    },
  };
});
const [windows] = pages;
if (!windows) throw new Error("the Windows page has two fixtures");
const { newer } = windows;

for (const { source, first, newer, expected } of pages) {
  test(`the changes page lists each key ${source.id} added, dropped and renamed, linked to its row`, async ({
    page,
    request,
  }) => {
    await page.goto("/changes/");
    const revision = page.locator(`#${source.id}-${newer.revision}`);
    await expect(revision.getByRole("heading", { level: 2 })).toContainText(
      formatRevision(newer.revision),
    );
    await expect(revision.getByRole("heading", { level: 2 })).toContainText(source.title);
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
    // The first revision's entry is the list the site started from.
    await expect(page.locator(`#${source.id}-${first.revision}`)).toContainText(
      `${first.rows.length} keys`,
    );
  });
}

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
      .filter((text) => text.startsWith("Source"));
    expect(lines.length, path).toBeGreaterThan(0);
    expect(new Set(lines).size, `${path}: ${lines.join(" | ")}`).toBe(lines.length);
  }
});

test("a page shows the date the weekly watch confirmed its source, and only when it did", async ({
  page,
}) => {
  // content/ has no confirmation yet; the doubled build's copy has one (tests/helpers/buildDoubled.ts).
  for (const path of ["/windows-server/", "/office/", "/changes/"]) {
    await page.goto(path);
    await expect(page.getByText(/weekly check/)).toHaveCount(0);
    await page.goto(`${DOUBLED_BASE.replace(/\/$/, "")}${path}`);
    await expect(page.getByText(/weekly check/).first()).toContainText(formatRevision(CONFIRMED));
  }
});
