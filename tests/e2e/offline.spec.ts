/**
 * Offline: after one visit the whole site works with the network gone, at / and under the
 * sub-path; a page that was never part of the site gets the offline page; a new build is
 * offered, not slipped in. Each test serves the site itself, on its own port (a service
 * worker is per origin), and stops that server before going offline, so nothing can come
 * from the network, whatever the browser's offline emulation covers.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { writeServiceWorker } from "../../src/integrations/serviceWorker";
import { SUBPATH } from "../helpers/deploy";
import { readSourceRevisions } from "../helpers/sourceFixtures";
import { serveStatic } from "../helpers/staticServer";
import { allPaths, keyButton } from "./site";

const example = readSourceRevisions().at(-1)?.exampleKey ?? "";

/** Visits `origin + base`, and waits until the service worker controls the page (all precached). */
async function visitOnce(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

async function goOffline(context: BrowserContext, stop: () => Promise<void>): Promise<void> {
  await stop();
  await context.setOffline(true);
}

for (const { name, base, dir, port } of [
  { name: "at /", base: "/", dir: "dist", port: 4341 },
  { name: `under ${SUBPATH}`, base: SUBPATH, dir: "dist-subpath", port: 4342 },
]) {
  test(`${name}: after one visit, every page, a search, a copy, the checker and the helper work offline @clipboard`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const server = await serveStatic([{ base, dir }], port);
    const origin = `http://127.0.0.1:${port}`;
    const context = await browser.newContext({
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    const at = (path: string) => `${origin}${base}${path.replace(/^\//, "")}`;
    try {
      await test.step("one visit, online", () => visitOnce(page, at("/")));
      await test.step("server stopped, browser offline", () => goOffline(context, server.close));

      for (const path of [...allPaths, "/errors/0xc004f038/"]) {
        const response = await page.goto(at(path));
        expect(response?.ok(), path).toBe(true);
        await expect(page.locator("h1"), path).not.toHaveText("You are offline");
      }

      // The search, with its whole index.
      await page.goto(at("/windows-server/"));
      const box = page.getByRole("searchbox", { name: "Search KMS client keys" });
      await box.fill("2022 datacente");
      await box.pressSequentially("r");
      await expect(page.locator("#kms-search-results [data-key]").first()).toHaveText(example);

      // A copy.
      const row = page.locator("tbody tr[id]").first();
      await keyButton(row).click();
      await expect(keyButton(row)).toContainText("Copied");
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        (await row.locator("[data-key]").textContent())?.trim(),
      );

      // The checker (it reads keys.json) and the helper (its host reader loads on demand).
      await page.goto(at(`/check/?key=${example}`));
      await expect(page.locator("[data-verdict]")).toContainText("A KMS client key for");
      await page.goto(
        at("/activate/windows-server/?edition=windows-server-2022-datacenter&host=kms.example.org"),
      );
      await expect(page.locator("[data-commands]")).toContainText("slmgr /skms kms.example.org");

      // The downloads.
      const keys = await page.evaluate(async (url) => (await fetch(url)).json(), at("/keys.json"));
      expect(JSON.stringify(keys)).toContain(example);

      // An address that was never a page of the site: the offline page, calmly.
      await page.goto(at("/no-such-page/"));
      await expect(page.locator("h1")).toHaveText("You are offline");
    } finally {
      await context.close();
    }
  });
}

test("a new build is offered once it is fully downloaded, and taken only on Reload", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const port = 4343;
  const origin = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "kms-offline-update-"));
  cpSync("dist", dir, { recursive: true });
  let server = await serveStatic([{ base: "/", dir }], port);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await visitOnce(page, `${origin}/`);
    const banner = page.locator("[data-update]");
    await expect(banner).toBeHidden();

    // A new build: a changed page, and the service worker that lists it.
    const home = join(dir, "index.html");
    writeFileSync(home, readFileSync(home, "utf8").replace("</h1>", " (new build)</h1>"));
    await writeServiceWorker(dir);
    await server.close();
    server = await serveStatic([{ base: "/", dir }], port); // no stale compressed copies

    // The page is still the saved copy, and says a newer one is ready.
    await page.reload();
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(page.locator("h1")).not.toContainText("(new build)");

    await banner.getByRole("button", { name: "Reload" }).click();
    await expect(page.locator("h1")).toContainText("(new build)", { timeout: 30_000 });
    await expect(banner).toBeHidden();
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
