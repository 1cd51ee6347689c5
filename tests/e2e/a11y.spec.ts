import { violations } from "./axe";
import { expect, test } from "./fixtures";
import { allPaths } from "./site";

// Each page once, checked in light and then in dark (one load: only the colours change).
// Of each key table, the first three rows: every row is the same template, named from its own
// header (keys.spec.ts and copy.spec.ts prove every row's names and buttons from the DOM), and
// axe on every row of every family page took most of a run on two cores.
for (const path of allPaths) {
  test(`${path} has no axe violations, light and dark`, async ({ page }) => {
    const exclude = ["tbody tr:nth-child(n+4)"];
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    expect(await violations(page, false, exclude), "light").toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await violations(page, true, exclude), "dark").toEqual([]);
  });
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });
    test("open search results have no axe violations", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("searchbox").pressSequentially("2019");
      await expect(page.locator("#kms-search-results")).toHaveAttribute("data-query", "2019");
      expect(await violations(page)).toEqual([]);
    });
  });
}
