/**
 * /convert/: Microsoft's conversion paths and commands, and the form that fills the two DISM
 * lines from checked parts only. Expectations come from content/ and the fixtures.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { parseFrontmatter } from "astro/markdown";
import {
  editionUpgradesSchema,
  serverConversionSchema,
} from "../../src/lib/conversions/conversionSchema";
import { CONTENT_DIR } from "../helpers/content";
import { expect, test } from "./fixtures";
import { askSearch } from "./site";

const server = serverConversionSchema.parse(
  parseFrontmatter(readFileSync(`${CONTENT_DIR}server-conversions/windows-server.md`, "utf8"))
    .frontmatter,
);
const client = editionUpgradesSchema.parse(
  parseFrontmatter(readFileSync(`${CONTENT_DIR}edition-upgrades/windows.md`, "utf8")).frontmatter,
);
/** A product key with a valid checksum that no page lists (tests/unit/conversions.test.ts). */
const UNLISTED = "BX4NM-KYWYX-QJJR4-XV3QB-6VM33";
const result = (page: Page) => page.locator("#conversion-result");

test("every upgrade path, with each method as Microsoft's table marks it", async ({ page }) => {
  await page.goto("/convert/");
  const rows = page.locator("#windows-editions table").first().locator("tbody tr");
  await expect(rows).toHaveCount(client.upgrades.length);
  const words = { yes: "Yes, no reboot", reboot: "Yes, with a reboot", no: "No" };
  for (const [i, { from, to, methods }] of client.upgrades.entries()) {
    await expect(rows.nth(i).locator("th")).toHaveText(`${from} to ${to}`);
    await expect(rows.nth(i).locator("td")).toHaveText(methods.map((m) => words[m]));
  }
  // Each target's KMS client key copies with its install line.
  await expect(page.locator("#windows-editions .key-table tbody tr")).toHaveCount(
    client.targets.length,
  );
});

test("the fixed commands copy; the ones with parts to fill are shown, never copied", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/convert/");
  const section = page.locator("#evaluation");
  await section
    .getByRole("button", { name: `Copy the command ${server.commands.targetEditions}` })
    .click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    server.commands.targetEditions,
  );
  // A line with <placeholders> has no copy button anywhere on the page.
  for (const button of await page.getByRole("button", { name: /^Copy the command/ }).all())
    await expect(button).not.toHaveAccessibleName(/</);
  await expect(section.locator("pre", { hasText: "<target edition>" })).toHaveCount(2);
});

test("the form fills both DISM lines from an edition and a retail key", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/convert/");
  await page.getByLabel("Target edition").fill("ServerDatacenter");
  await expect(result(page).locator("[data-line]")).toHaveText([
    "DISM /online /Set-Edition:ServerDatacenter /GetEula:C:\\license.rtf",
  ]);
  await page.getByLabel("Retail product key").fill(UNLISTED.toLowerCase().replaceAll("-", " "));
  const expected = `DISM /online /Set-Edition:ServerDatacenter /ProductKey:${UNLISTED} /AcceptEula`;
  await expect(result(page).locator("[data-line]")).toHaveText([
    "DISM /online /Set-Edition:ServerDatacenter /GetEula:C:\\license.rtf",
    expected,
  ]);
  await result(page)
    .getByRole("button", { name: `Copy the command ${expected}` })
    .click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
});

test("the form refuses an evaluation target, a key from this site and Microsoft's placeholder", async ({
  page,
}) => {
  await page.goto("/convert/");
  await page.getByLabel("Target edition").fill("ServerDatacenterEval");
  await expect(result(page)).toContainText("ServerDatacenterEval is an evaluation edition");
  await expect(result(page).locator("[data-line]")).toHaveCount(0);
  await page.getByLabel("Target edition").fill("ServerDatacenter");
  await page.getByLabel("Retail product key").fill("WX4NM-KYWYW-QJJR4-XV3QB-6VM33");
  await expect(result(page)).toContainText(
    "is the KMS client key for Windows Server 2022 Datacenter, not a retail key",
  );
  await expect(result(page).locator("[data-line]", { hasText: "/ProductKey" })).toHaveCount(0);
  await page.getByLabel("Retail product key").fill("ABCDE-12345-ABCDE-12345-ABCDE");
  await expect(result(page)).toContainText("Not a product key");
  await expect(result(page).locator("[data-line]", { hasText: "/ProductKey" })).toHaveCount(0);
});

test("a link names the target, checked like anything typed", async ({ page }) => {
  await page.goto("/convert/?target=%3Cimg%20src%3Dx%3E#evaluation");
  await expect(page.getByLabel("Target edition")).toHaveValue("<img src=x>");
  await expect(result(page)).toContainText("is not an edition name as DISM prints it");
  await expect(result(page).locator("img, [data-line]")).toHaveCount(0);
  await page.goto("/convert/?target=ServerDatacenterEval");
  await expect(result(page)).toContainText("ServerDatacenterEval is an evaluation edition");
});

test("hostile input is shown as text, and builds nothing", async ({ page }) => {
  await page.goto("/convert/");
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.getByLabel("Target edition").fill('<img src=x onerror="alert(1)">');
  await expect(result(page)).toContainText("is not an edition name as DISM prints it");
  await page.getByLabel("Target edition").fill("ServerDatacenter & calc");
  await expect(result(page)).toContainText("is not an edition name as DISM prints it");
  await expect(result(page).locator("img, [data-line]")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the steps and the commands are there, the form says it needs JavaScript", async ({
    page,
  }) => {
    await page.goto("/convert/");
    await expect(page.locator("#evaluation")).toContainText(server.commands.currentEdition);
    await expect(page.locator("#evaluation")).toContainText(
      "DISM /online /Set-Edition:<target edition> /ProductKey:<product key> /AcceptEula",
    );
    await expect(page.locator("#evaluation noscript")).toHaveCount(1);
  });
});

test.describe("the search box", () => {
  const panel = (page: Page) => page.locator("#kms-search-results");

  test("answers a conversion in plain words, and keeps keys first", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto("/");
    await askSearch(page, "windows server 2022 datacenter");
    await expect(panel(page).locator("[data-key]").first()).toHaveText(
      "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
    );
    expect(fetched).not.toContain("/conversions.json");
    await askSearch(page, "pro to enterprise");
    const status = panel(page).locator("[data-status]");
    await expect(status.locator("p").first()).toHaveText(
      "Pro to Enterprise: an upgrade Microsoft supports, with no reboot.",
    );
    await expect(status.getByRole("link", { name: "Convert an edition" })).toHaveAttribute(
      "href",
      "/convert/#windows-editions",
    );
    await askSearch(page, "ServerDatacenterEval");
    await expect(status.locator("p").first()).toContainText(
      "ServerDatacenterEval is an evaluation: it converts to a retail edition",
    );
    await status.getByRole("link", { name: "Convert an edition" }).click();
    await expect(page).toHaveURL(/\/convert\/#evaluation$/);
  });
});
