import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { KEY_PATTERN } from "../../src/lib/keyShape";
import { readSourceRevisions } from "../helpers/sourceFixtures";
import { commandButton, familyPaths, keyButton } from "./site";

const announcer = (page: Page) => page.locator("#kms-announcer");

test("every row's copy buttons are wired to that row's key", async ({ page }) => {
  // The wiring of all rows, proved once from the DOM; the clicks below take a sample.
  for (const path of familyPaths) {
    await page.goto(path);
    await expect(keyButton(page.locator("tbody")).first()).toBeVisible();
    const rows = await page.locator("tbody tr[id]").evaluateAll((trs) =>
      trs.map((tr) => {
        const element = tr.querySelector("kms-key");
        return {
          key: element?.querySelector("[data-key]")?.textContent.trim() ?? "",
          upgraded: element?.matches(":defined") ?? false,
          buttons: [...(element?.querySelectorAll("button[data-copy]") ?? [])].map(
            (button) => `${button.getAttribute("data-copy")}:${button.getAttribute("type")}`,
          ),
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(KEY_PATTERN);
      expect(row).toEqual({
        key: row.key,
        upgraded: true,
        buttons: ["key:button", "command:button"],
      });
    }
  }
});

test.describe("with clipboard access", { tag: "@clipboard" }, () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("copy buttons copy exactly their key and say so (first, middle and last row of each page)", async ({
    page,
  }) => {
    for (const path of familyPaths) {
      await page.goto(path);
      await page.bringToFront(); // the Clipboard API wants the page focused
      const rows = page.locator("tbody tr[id]");
      const count = await rows.count();
      for (const index of new Set([0, Math.floor(count / 2), count - 1])) {
        const row = rows.nth(index);
        const key = (await row.locator("[data-key]").textContent())?.trim() ?? "";
        await keyButton(row).click();
        await expect(keyButton(row)).toContainText("Copied");
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
        await expect(announcer(page)).toContainText("Copied");
      }
    }
  });

  test("the copy button works from the keyboard", async ({ page }) => {
    await page.goto(familyPaths[0] ?? "/");
    const row = page.locator("tbody tr[id]").first();
    const key = (await row.locator("[data-key]").textContent())?.trim();
    await keyButton(row).focus();
    await page.keyboard.press("Enter");
    await expect(keyButton(row)).toContainText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  });

  test("the button names the edition for screen readers", async ({ page }) => {
    await page.goto(familyPaths[0] ?? "/");
    const row = page.locator("tbody tr[id]").first();
    const name = (await row.locator("th > a").textContent())?.trim() ?? "";
    await expect(keyButton(row)).toHaveAccessibleName(`Copy key for ${name}`);
    await expect(commandButton(row)).toHaveAccessibleName(
      `Copy the slmgr /ipk command for ${name}`,
    );
    await expect(row.locator("td > a")).toHaveAccessibleName(`Activation steps for ${name}`);
  });
});

const refusals = {
  "refused by the browser": () => {
    Object.defineProperty(navigator.clipboard, "writeText", {
      value: () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError")),
    });
  },
  "missing (plain-http page)": () => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined });
  },
};

for (const [label, script] of Object.entries(refusals)) {
  test(`when the clipboard is ${label}, the key is selected and the user told to press Ctrl+C`, async ({
    page,
  }) => {
    await page.addInitScript(script);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    for (const path of familyPaths) {
      await page.goto(path);
      const row = page.locator("tbody tr[id]").nth(1);
      const key = (await row.locator("[data-key]").textContent())?.trim();
      await keyButton(row).click();
      expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe(key);
      await expect(row.getByText(/press Ctrl\+C to copy/)).toBeVisible();
      await expect(announcer(page)).toContainText("press Ctrl+C");
      await expect(keyButton(row)).not.toContainText("Copied");
    }
    expect(errors).toEqual([]);
  });
}

test("the home page's example is the source's own, linked to its row", async ({ page }) => {
  const [revision] = readSourceRevisions().slice(-1);
  await page.goto("/");
  const example = page.locator("pre", { hasText: "slmgr /ipk" }).last();
  await expect(example).toHaveText(`slmgr /ipk ${revision?.exampleKey ?? "?"}`);
  await page.getByRole("link", { name: "Windows Server 2022 Datacenter" }).click();
  await expect(page.locator("tr:target [data-key]")).toHaveText(revision?.exampleKey ?? "?");
});

test("the home page links to every family page with its number of keys", async ({ page }) => {
  await page.goto("/");
  for (const path of familyPaths) {
    await page.goto("/");
    const card = page.locator(`main a[href="${path}"]`).first();
    const count = Number((await card.getByText(/^\d+ keys$/).textContent())?.match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);
    await card.click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator("tbody tr[id]")).toHaveCount(count);
  }
});
