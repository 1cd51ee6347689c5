import { methodById } from "../../src/lib/activation/methodList";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readFamilies } from "../helpers/content";
import { allPaths, familyPaths, keyButton } from "./site";

/** A short description of the focused element, and whether its focus ring shows. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: "body", ring: false };
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
    const key = el.closest("kms-key")?.querySelector("[data-key]")?.textContent ?? "";
    const copies = el.getAttribute("data-copy") ?? "";
    return {
      id: `${el.tagName.toLowerCase()}:${el.getAttribute("href") ?? el.id}:${copies}:${key}`,
      ring,
    };
  });
}

test("on every family page, Tab order is DOM order and every copy button can take focus", async ({
  page,
}) => {
  // The full Tab walk below runs on one page; this proves the other pages are built alike.
  for (const path of familyPaths) {
    await page.goto(path);
    await expect(page.locator("kms-key:defined").first()).toBeAttached();
    const report = await page.evaluate(() => ({
      positiveTabindex: document.querySelectorAll("[tabindex]:not([tabindex='0'], [tabindex='-1'])")
        .length,
      rows: document.querySelectorAll("tbody tr[id]").length,
      focusable: [...document.querySelectorAll<HTMLButtonElement>("tbody button")].filter(
        (button) => !button.disabled && button.getClientRects().length > 0 && button.tabIndex === 0,
      ).length,
    }));
    expect(report.positiveTabindex, path).toBe(0);
    expect(report.focusable, path).toBe(report.rows * 2);
  }
});

test.describe("keyboard only", { tag: "@clipboard" }, () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("Tab reaches the skip link, the search, then every copy button in order, focus always visible", async ({
    page,
  }) => {
    // The family page with the fewest rows: every stop is walked and its focus ring checked.
    let path = familyPaths[0] ?? "/";
    let fewest = Infinity;
    for (const candidate of familyPaths) {
      await page.goto(candidate);
      const rows = await page.locator("tbody tr[id]").count();
      if (rows < fewest) [path, fewest] = [candidate, rows];
    }
    await page.goto(path);
    const keysInOrder = await page.locator("tbody [data-key]").allTextContents();
    const order: string[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      const { id, ring } = await focused(page);
      // Wrapped around: back at the first stop (two links may share an address, so only the first counts).
      if (id === "body" || id === order[0]) break;
      expect(ring, `focus ring on ${id}`).toBe(true);
      order.push(id);
    }
    expect(order[0]).toBe("a:#main::");
    const search = order.findIndex((id) => id.startsWith("input:"));
    const buttons = order.filter((id) => id.startsWith("button:") && id.includes(":key:"));
    const commands = order.filter((id) => id.startsWith("button:") && id.includes(":command:"));
    expect(commands.map((id) => id.split(":").at(-1))).toEqual(keysInOrder);
    expect(search).toBeGreaterThan(0);
    expect(order.findIndex((id) => id.startsWith("button:"))).toBeGreaterThan(search);
    expect(buttons.map((id) => id.split(":").at(-1))).toEqual(keysInOrder);
  });

  test("the skip link is visible when focused and moves focus to the content", async ({ page }) => {
    await page.goto(familyPaths[0] ?? "/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
  });

  for (const key of ["Enter", "Space"]) {
    test(`${key} on a copy button copies its key`, async ({ page }) => {
      await page.goto(familyPaths[0] ?? "/");
      const row = page.locator("tbody tr").nth(2);
      await keyButton(row).focus();
      await page.keyboard.press(key);
      await expect(keyButton(row)).toContainText("Copied");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        await row.locator("[data-key]").textContent(),
      );
    });
  }
});

test.describe("reduced motion", () => {
  const transition = (page: Page) =>
    page
      .locator("tbody button")
      .first()
      .evaluate((el) => getComputedStyle(el).transitionDuration);

  test("with no preference, the copy button eases its colour change", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto(familyPaths[0] ?? "/");
    expect(await transition(page)).not.toBe("0s");
  });

  test("with prefers-reduced-motion, nothing on any page moves", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    for (const path of allPaths) {
      await page.goto(path);
      const moving = await page.evaluate(
        () =>
          [...document.querySelectorAll("*")].filter((el) => {
            const style = getComputedStyle(el);
            return parseFloat(style.transitionDuration) > 0 || style.animationName !== "none";
          }).length,
      );
      expect(moving, path).toBe(0);
      expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    }
  });
});

test.describe("on a 360 px touch screen", () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

  test("every button, field and navigation link is at least 24 × 24 px", async ({ page }) => {
    for (const path of allPaths) {
      await page.goto(path);
      const small = await page
        .locator("button:visible, input:visible, header a:visible, nav a:visible, tbody a:visible")
        .evaluateAll((els) =>
          els
            .map((el) => ({ el, box: el.getBoundingClientRect() }))
            .filter(({ box }) => box.width < 24 || box.height < 24)
            .map(({ el, box }) => `${el.outerHTML.slice(0, 60)} ${box.width}×${box.height}`),
        );
      expect(small, path).toEqual([]);
    }
  });

  test("no keyboard hint, and a placeholder shown whole", async ({ page }) => {
    for (const path of ["/", "/windows-server/"]) {
      await page.goto(path);
      await expect(page.locator("kms-search kbd")).toBeHidden();
      const fits = await page.getByRole("searchbox").evaluate((input: HTMLInputElement) => {
        const style = getComputedStyle(input);
        const context = document.createElement("canvas").getContext("2d");
        if (!context) return false;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room =
          input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(input.placeholder).width <= room;
      });
      expect(fits, path).toBe(true);
    }
  });

  test("the helper names the chosen edition whole, however long its name", async ({ page }) => {
    for (const { file, family } of readFamilies()) {
      await page.goto(`/activate/${file.replace(/\.md$/, "")}/`);
      const options = await page.locator("#edition option[data-key]").allTextContents();
      const longest = options.reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), "");
      await page.locator("#edition").selectOption({ label: longest });
      const note = page.locator("[data-commands-note]");
      const { keyKind } = methodById(family.method);
      await expect(note).toContainText(`Installs the ${keyKind} of ${longest} `);
      expect(await note.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
    }
  });
});

test("on a wide screen with a mouse, the search box shows its “/” shortcut", async ({ page }) => {
  await page.goto("/windows-server/");
  await expect(page.locator("kms-search kbd")).toBeVisible();
});
