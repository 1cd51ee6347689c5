import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { KEY_PATTERN } from "../../src/lib/keys/keyShape";
import { readSourceRevisions } from "../helpers/sourceFixtures";
import { installCommand } from "../../src/lib/activation/methods";
import { commandButton, familyPaths, helperPaths, keyButton, methodOfPath } from "./site";

const announcer = (page: Page) => page.locator("#kms-announcer");

test("every row's copy buttons copy that row's key and its command", async ({ page }) => {
  // Every button of every row clicked, with the clipboard replaced by a recorder: what each
  // click hands the clipboard is compared with the key in its own row (the clicks below, on
  // the real clipboard, take a sample).
  await page.addInitScript(() => {
    const copied: string[] = [];
    Object.assign(window, { copied });
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: (text: string) => (copied.push(text), Promise.resolve()) },
    });
  });
  for (const path of familyPaths) {
    await page.goto(path);
    const rows = await page.locator("tbody tr[id]").evaluateAll((trs) =>
      trs.map((tr) => {
        const copied = (window as unknown as { copied: string[] }).copied;
        const clicks = [...tr.querySelectorAll<HTMLButtonElement>("button[data-copy]")].map(
          (button) => {
            button.click();
            return `${button.dataset["copy"] ?? ""}:${button.type}:${copied.at(-1) ?? ""}`;
          },
        );
        return { key: tr.querySelector("[data-key]")?.textContent.trim() ?? "", clicks };
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.key).toMatch(KEY_PATTERN);
      expect(row.clicks).toEqual([
        `key:button:${row.key}`,
        // Its own family's tool: `slmgr /ipk <key>`, `cscript ospp.vbs /inpkey:<key>`.
        `command:button:${installCommand(methodOfPath(path), row.key)}`,
      ]);
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
    await expect(commandButton(row)).toHaveText("Copy command");
    await expect(commandButton(row)).toHaveAccessibleName(`Copy command (slmgr /ipk) for ${name}`);
    await expect(row.locator("td > a")).toHaveAccessibleName(`Activation steps for ${name}`);
  });
});

test("each documented command's button is named for the command it copies", async ({ page }) => {
  for (const path of [...helperPaths, "/errors/0xc004f074/"]) {
    await page.goto(path);
    const commands = page.locator("kms-command");
    expect(await commands.count()).toBeGreaterThan(0);
    for (const command of await commands.all()) {
      const line = (await command.locator("[data-line]").textContent()) ?? "";
      await expect(command.getByRole("button")).toHaveAccessibleName(`Copy the command ${line}`);
    }
  }
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
    const link = page.locator(`main a[href="${path}"]`).first();
    // "Office, Project and Visio (52 KMS client keys)": the count follows the family's link.
    const entry = page
      .locator("main nav > ul > li", { has: page.locator(`a[href="${path}"]`) })
      .first();
    const count = Number(
      (await entry.textContent())?.match(/\((\d+) (?:KMS client|AVMA) keys\)/)?.[1],
    );
    expect(count).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator("tbody tr[id]")).toHaveCount(count);
  }
});
