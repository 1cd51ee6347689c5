import { expect, test } from "@playwright/test";
import { BUDGET, measureFirstLoad } from "../helpers/pageWeight";
import { allPaths } from "./site";

for (const path of allPaths) {
  test(`${path} stays within the first-load budget`, async ({ page }) => {
    const weight = await measureFirstLoad(page, path);
    const report = JSON.stringify(weight.files);
    expect(weight.bytes, report).toBeLessThanOrEqual(BUDGET.bytes);
    expect(weight.jsBytes, report).toBeLessThanOrEqual(BUDGET.jsBytes);
    // Nothing of the search may load before the box is used.
    expect(
      Object.keys(weight.files).filter((file) =>
        /pagefind|searchController|search-words/.test(file),
      ),
    ).toEqual([]);
  });
}

test("no web font is requested", async ({ page }) => {
  const fonts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "font") fonts.push(request.url());
  });
  for (const path of allPaths) await page.goto(path, { waitUntil: "networkidle" });
  expect(fonts).toEqual([]);
});

test("copy buttons appear without shifting the layout", async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
      }[]) {
        if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const path of allPaths) {
    await page.goto(path, { waitUntil: "networkidle" });
    if ((await page.locator("tbody [data-key]").count()) > 0) {
      await expect(page.getByRole("button", { name: /^Copy/ }).first()).toBeVisible();
    }
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift), path).toBe(0);
  }
});
