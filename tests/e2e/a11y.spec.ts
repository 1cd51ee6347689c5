import { violations } from "./axe";
import { expect, test } from "./fixtures";
import { allPaths } from "./site";

// Each page once, checked in light and then in dark (one load: only the colours change).
// In dark, every page but all keys: its rows and contents are styled as on the family pages
// and the "on this page" box, checked in both themes; axe on 146 rows takes 8 s.
for (const path of allPaths) {
  test(`${path} has no axe violations, light and dark`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    expect(await violations(page), "light").toEqual([]);
    if (path === "/all-keys/") return;
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await violations(page, true), "dark").toEqual([]);
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
