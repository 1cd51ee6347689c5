/**
 * The status reader (/status/) and what the search box and the checker do with a paste:
 * pasted with the keyboard (Ctrl+V from the real clipboard), at 360 px, without JavaScript,
 * with hostile input, checked by axe, and private (nothing sent, stored or put in the URL).
 */
import type { Page } from "@playwright/test";
import { NOTHING_READ } from "../../src/lib/status/statusAdvice";
import { microsoftSamples, ownSample, windows7Sample } from "../helpers/statusSamples";
import { violations } from "./axe";
import { expect, test } from "./fixtures";

const BOX = "What slmgr or ospp.vbs printed";
const reading = (page: Page) => page.locator("[data-reading]");

/** Puts `text` on the clipboard and pastes it into the focused field with Ctrl+V. */
async function pasteWithKeyboard(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
}

test.describe("pasted with the keyboard", { tag: "@clipboard" }, () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("Microsoft's Windows 7 sample: its key named and linked, its status, its code, what to run; nothing sent or kept", async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on("request", (request) =>
      requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ""}`),
    );
    await page.goto("/status/");
    await page.getByLabel(BOX).focus();
    await pasteWithKeyboard(page, windows7Sample());
    const product = reading(page).locator("section").first();
    await expect(product.getByRole("heading", { level: 2 })).toHaveText(
      "KMS client key of Windows 7 Enterprise",
    );
    await expect(product.getByRole("link", { name: "Its row" })).toHaveAttribute(
      "href",
      "/earlier-windows/#windows-7-enterprise",
    );
    await expect(product).toContainText("Ends in HVTHH");
    await expect(product).toContainText(
      "Notification: not activated, and the grace period has ended",
    );
    await expect(product).toContainText(
      "0xC004F200: not on Microsoft's list of activation error codes.",
    );
    await expect(product.locator("kms-command [data-line]")).toHaveText([
      "slmgr /ato",
      "slmgr /dlv",
    ]);
    await expect(page.locator("#kms-announcer")).toContainText(
      "Read one product: KMS client key of Windows 7 Enterprise.",
    );
    // A copy button copies its line exactly.
    await product.locator("kms-command button").first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("slmgr /ato");
    // Private: not in the address, not stored, not sent.
    expect(new URL(page.url()).search).toBe("");
    const stored = await page.evaluate(
      () =>
        JSON.stringify({ ...localStorage }) +
        JSON.stringify({ ...sessionStorage }) +
        document.cookie,
    );
    expect(stored).not.toContain("HVTHH");
    expect(requests.filter((request) => /HVTHH|POST/.test(request))).toEqual([]);
  });

  test("ospp.vbs /dstatusall at 360 px: one reading per product, fits, the host goes to the helper", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/status/");
    await page.getByLabel(BOX).focus();
    await pasteWithKeyboard(page, ownSample("office-2021-dstatusall.ospp.txt"));
    await expect(reading(page).locator("section h2")).toHaveText([
      "KMS client key of Office LTSC Professional Plus 2021",
      "KMS client key of Visio LTSC Professional 2021",
    ]);
    await expect(reading(page)).toContainText("1 more licence with no key installed");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const proPlus = reading(page).locator("section").first();
    await expect(proPlus.locator("kms-command [data-line]")).toHaveText([
      "cscript ospp.vbs /act",
      "cscript ospp.vbs /dstatus",
    ]);
    await proPlus.getByRole("link", { name: "Commands for this edition and host" }).click();
    await expect(page).toHaveURL(
      /\/activate\/office\/\?edition=office-ltsc-professional-plus-2021/,
    );
    await expect(page.locator("[data-commands]")).toContainText(
      "cscript ospp.vbs /sethst:kms02.contoso.com",
    );
    await expect(page.locator("[data-commands]")).toContainText("cscript ospp.vbs /setprt:1688");
  });

  test("the search box: a pasted status output shows its listed keys and leads to the reader", async ({
    page,
  }) => {
    await page.goto("/windows-server/");
    const box = page.getByRole("searchbox", { name: "Search KMS client keys" });
    await box.focus();
    await pasteWithKeyboard(page, ownSample("refused-host.dlv.txt"));
    const results = page.locator("#kms-search-results");
    await expect(results).toContainText("This is what slmgr or ospp.vbs printed: one product");
    await expect(results.locator("[data-key]")).toHaveText(["WX4NM-KYWYW-QJJR4-XV3QB-6VM33"]);
    await expect(results.getByRole("link", { name: "status reader" })).toHaveAttribute(
      "href",
      "/status/",
    );
    // The box shows the paste on one line, its lines apart.
    await expect(box).toHaveValue(/Windows\(R\), ServerDatacenter edition Description:/);
  });
});

test.describe("an evaluation, DISM and a host that can't activate", { tag: "@clipboard" }, () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("DISM's editions lead to the conversion form, filled in", async ({ page }) => {
    await page.goto("/status/");
    await page.getByLabel(BOX).focus();
    await pasteWithKeyboard(page, ownSample("dism-target-editions.txt"));
    await expect(reading(page)).toContainText(
      "ServerStandardEval: an evaluation (its name includes Eval).",
    );
    await reading(page).getByRole("link", { name: "The commands for ServerDatacenter" }).click();
    await expect(page).toHaveURL(/\/convert\/\?target=ServerDatacenter#evaluation$/);
    await expect(page.getByLabel("Target edition")).toHaveValue("ServerDatacenter");
    await expect(page.locator("#conversion-result [data-line]")).toHaveText([
      "DISM /online /Set-Edition:ServerDatacenter /GetEula:C:\\license.rtf",
    ]);
  });

  test("an evaluation's slmgr /dlv, and 0xC004F042, point the way", async ({ page }) => {
    await page.goto("/status/");
    await page.getByLabel(BOX).focus();
    await pasteWithKeyboard(page, ownSample("server-2022-evaluation.dlv.txt"));
    await expect(reading(page)).toContainText("TIMEBASED_EVAL: an evaluation");
    await expect(
      reading(page).getByRole("link", { name: "Convert an evaluation to retail" }),
    ).toHaveAttribute("href", "/convert/#evaluation");
    await page.getByLabel(BOX).fill("");
    await page.getByLabel(BOX).focus();
    await pasteWithKeyboard(page, ownSample("kms-host-cannot-activate.ato.txt"));
    await reading(page)
      .getByRole("link", { name: "Which clients each host key activates" })
      .click();
    await expect(page).toHaveURL(/\/kms-hosts\/$/);
  });
});

test.describe("the reading", () => {
  test("every Microsoft sample is read; a paste with nothing to read says so", async ({ page }) => {
    await page.goto("/status/");
    const box = page.getByLabel(BOX);
    const [, ato = "", host = "", retail = ""] = microsoftSamples();
    await box.fill(ato);
    await expect(reading(page)).toContainText(
      "“Windows is running within the non-genuine notification period.",
    );
    await expect(reading(page)).toContainText(
      "Not read for this product: the installed key, the channel and the licence status.",
    );
    await box.fill(host);
    await expect(reading(page)).toContainText(
      "VOLUME_KMS: a KMS host key (CSVLK) is installed: this machine is a KMS host, and activates KMS clients.",
    );
    await expect(reading(page)).toContainText(
      "Current count 0. Office KMS clients activate at a count of 5 or more",
    );
    await box.fill(retail);
    await expect(reading(page)).toContainText("RETAIL: a retail key, not a KMS client.");
    // The edition's words go into the page's search box, and nowhere else.
    await reading(page).getByRole("button", { name: "Search for “Windows Professional”" }).click();
    await expect(page.getByRole("searchbox", { name: "Search KMS client keys" })).toHaveValue(
      "Windows Professional",
    );
    await box.fill("Just some text\nwith two lines");
    await expect(reading(page)).toHaveText(NOTHING_READ);
    await page.getByRole("button", { name: "Clear" }).click();
    await expect(page.getByLabel(BOX)).toHaveValue("");
    await expect(reading(page)).toBeEmpty();
  });

  test("markup and hostile lines stay text; a refused host goes into no link", async ({ page }) => {
    await page.goto("/status/");
    await page.getByLabel(BOX).fill(ownSample("hostile.txt"));
    await expect(reading(page)).toContainText(
      "<b>Licensed</b>: a status this reader does not know.",
    );
    await expect(reading(page)).toContainText("“javascript:alert(1)”, which is not a host");
    expect(await reading(page).locator("img, script, b").count()).toBe(0);
    const hrefs = await reading(page)
      .locator("a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(hrefs.join(" ")).not.toMatch(/javascript|alert/);
    await page.getByLabel(BOX).fill(ownSample("refused-host.dlv.txt"));
    await expect(reading(page)).toContainText("“kms&calc.exe”, which is not a host");
    const links = await reading(page)
      .locator("a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    expect(links.join(" ")).not.toContain("calc");
    expect(links).toContain(
      "/activate/windows-server/?edition=windows-server-2022-datacenter&host=kms03.contoso.com%3A1688",
    );
  });

  test("a 1 MB paste is read, and the page stays usable", async ({ page }) => {
    await page.goto("/status/");
    const sample = microsoftSamples().join("\n");
    const big = sample.repeat(Math.ceil(1_048_576 / sample.length)).slice(0, 1_048_576);
    // As a paste delivers it: the whole text at once, then one input event (fill() types it in).
    await page.getByLabel(BOX).evaluate((box: HTMLTextAreaElement, text) => {
      box.value = text;
      box.dispatchEvent(new InputEvent("input", { inputType: "insertFromPaste", bubbles: true }));
    }, big);
    await expect(reading(page)).toContainText("more products are not shown.", { timeout: 10_000 });
    await expect(reading(page).locator("section")).toHaveCount(20);
    await page.getByRole("button", { name: "Clear" }).click();
    await expect(reading(page)).toBeEmpty();
  });

  test("has no axe violations with a reading, light and dark", async ({ page }) => {
    await page.goto("/status/");
    await page.getByLabel(BOX).fill(ownSample("office-2021-dstatusall.ospp.txt"));
    await expect(reading(page).locator("section")).toHaveCount(2);
    await page.emulateMedia({ colorScheme: "light" });
    expect(await violations(page), "light").toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await violations(page, true), "dark").toEqual([]);
  });
});

test.describe("several keys and partial keys", () => {
  test("the search box: a partial product key names its key; two keys get one answer each", async ({
    page,
  }) => {
    await page.goto("/windows-server/");
    const box = page.getByRole("searchbox", { name: "Search KMS client keys" });
    const results = page.locator("#kms-search-results");
    await box.fill("partial product key 6VM33");
    await expect(results).toContainText("6VM33: the last five characters of this key");
    await expect(results.locator("[data-key]")).toHaveText(["WX4NM-KYWYW-QJJR4-XV3QB-6VM33"]);
    await box.fill(
      "use WX4NM-KYWYW-QJJR4-XV3QB-6VM33 or W269N-WFGWX-YVC9B-4J6C9-T83GX, not BBBBB-BBBBB-BBBBB-BBBBB-BBBBB",
    );
    await expect(results).toContainText("3 keys in this paste: 2 on this site, 1 not.");
    await expect(results.locator("[data-key]")).toHaveText([
      "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
      "W269N-WFGWX-YVC9B-4J6C9-T83GX",
    ]);
    await expect(results.getByRole("link", { name: "check it" })).toHaveAttribute(
      "href",
      "/check/?key=BBBBB-BBBBB-BBBBB-BBBBB-BBBBB",
    );
  });

  test("the checker: a partial product key, and several keys each checked", async ({ page }) => {
    await page.goto("/check/");
    const input = page.getByLabel("Product key");
    const verdict = page.locator("[data-verdict]");
    await input.fill("6VM33");
    await expect(verdict).toContainText("6VM33: the last five characters of this key");
    await expect(verdict).toContainText("Windows Server 2022 Datacenter");
    await input.fill("6VM3X");
    await expect(verdict).toContainText("No key on this site ends in 6VM3X.");
    await input.fill("WX4NM-KYWYW-QJJR4-XV3QB-6VM33 W269N-WFGWX-YVC9B-4J6C9-T83GX");
    await expect(verdict).toContainText("2 keys in this paste: 2 on this site.");
    await expect(verdict.locator("[data-key]")).toHaveText([
      "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
      "W269N-WFGWX-YVC9B-4J6C9-T83GX",
    ]);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page says what needs it, and what to look for instead", async ({ page }) => {
    await page.goto("/status/");
    // Playwright's text matching skips <noscript>; what is drawn is read as the browser shows it.
    const main = await page.locator("main").innerText();
    expect(main).toContain("Reading a paste needs JavaScript. Without it: the five characters");
    expect(await page.locator("noscript a").first().getAttribute("href")).toBe("/all-keys/");
    expect(await page.locator("noscript p").boundingBox()).not.toBeNull();
    // No button that would do nothing.
    expect(await page.getByRole("button", { name: "Clear" }).count()).toBe(0);
    await expect(page.locator("kms-command [data-line]").first()).toHaveText("slmgr /dlv");
  });
});
