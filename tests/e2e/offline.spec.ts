/**
 * Offline: after one visit the whole site works with the network gone, at / and under the
 * sub-path; a page that was never part of the site gets the offline page; a new build is
 * offered, not slipped in. Each test serves the site itself, on its own port (a service
 * worker is per origin), and stops that server before going offline, so nothing can come
 * from the network, whatever the browser's offline emulation covers.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import type { BuildInfo } from "../../src/integrations/buildInfo";
import { writeServiceWorker } from "../../src/integrations/serviceWorker";
import { formatBuildDate } from "../../src/lib/text/dates";
import { SUBPATH } from "../helpers/deploy";
import { readSourceRevisions, sourceKeys } from "../helpers/sourceFixtures";
import { seededRandom, syntheticKey } from "../helpers/syntheticContent";
import { serveStatic } from "../helpers/staticServer";
import { allPaths, htmlPages, keyButton } from "./site";
import { windows7Sample } from "../helpers/statusSamples";

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

      // Every page the build made (the host's 404 page aside, which is never saved), each
      // from the saved copy, saying so.
      const pages = htmlPages(dir).filter((path) => path !== "/404.html" && path !== "/offline/");
      expect(pages).toEqual(expect.arrayContaining(allPaths));
      for (const path of pages) {
        const response = await page.goto(at(path));
        expect(response?.ok(), path).toBe(true);
        await expect(page.locator("h1"), path).not.toHaveText("You are offline");
        await expect(page.locator("html"), path).toHaveAttribute("data-saved-copy");
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
      await expect(page.locator("[data-verdict]")).toContainText("The KMS client key for");
      await page.goto(
        at("/activate/windows-server/?edition=windows-server-2022-datacenter&host=kms.example.org"),
      );
      await expect(page.locator("[data-commands]")).toContainText("slmgr /skms kms.example.org");

      // The status reader (its reading code, keys.json and errors.json load on the first paste).
      await page.goto(at("/status/"));
      await page.getByLabel("What slmgr or ospp.vbs printed").fill(windows7Sample());
      await expect(page.locator("[data-reading] h2").first()).toHaveText(
        "KMS client key of Windows 7 Enterprise",
      );

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

/** The build `dir` was made as: its pages' `kms-build` meta, date first. */
function buildOf(dir: string): BuildInfo {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const id = /<meta name="kms-build" content="([^"]+)"/.exec(html)?.[1] ?? "";
  const [date = "", revision = ""] = id.split(" ");
  return { id, date, revision };
}

/** Every text file under `dir`, with `replace` applied. */
function rewrite(dir: string, replace: (text: string) => string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|json|csv|xml|js)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(path, replace(readFileSync(path, "utf8")));
  }
}

/**
 * The next build of `from`, in a copy: a year later, with one key changed (to another valid
 * key) on every page and in every data file, and its own service worker. Half deployed, one
 * file its worker lists is missing from the server, so that worker cannot install.
 */
async function nextBuild(from: string, oldKey: string, newKey: string, half: boolean) {
  const dir = mkdtempSync(join(tmpdir(), "kms-next-build-"));
  cpSync(from, dir, { recursive: true });
  const before = buildOf(from);
  const date = before.date.replace(/^\d{4}/, (year) => String(Number(year) + 1));
  const after: BuildInfo = { date, revision: "next", id: `${date} next` };
  rewrite(dir, (text) =>
    text
      .replaceAll(oldKey, newKey)
      .replaceAll(before.id, after.id)
      .replaceAll(before.date, after.date)
      .replaceAll(formatBuildDate(before.date), formatBuildDate(after.date)),
  );
  await writeServiceWorker(dir, after);
  if (half) rmSync(join(dir, "keys.csv"));
  return { dir, build: after };
}

test("a saved copy is never silently stale: a half-deployed build, then a clean one, in two tabs", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const port = 4343;
  const origin = `http://127.0.0.1:${port}`;
  const newKey = syntheticKey("N", seededRandom(3), new Set(sourceKeys()));
  const a = mkdtempSync(join(tmpdir(), "kms-build-a-"));
  cpSync("dist", a, { recursive: true });
  const half = await nextBuild(a, example, newKey, true);
  const full = await nextBuild(a, example, newKey, false);
  let server = await serveStatic([{ base: "/", dir: a }], port);
  const serve = async (dir: string) => {
    await server.close();
    server = await serveStatic([{ base: "/", dir }], port);
  };
  const context = await browser.newContext();
  const page = await context.newPage();
  const row = (p: Page) => p.locator("#windows-server-2022-datacenter [data-key]");
  const savedBanner = (p: Page) => p.locator("[data-saved-banner]");
  const updateBanner = (p: Page) => p.locator("[data-update]");
  try {
    await visitOnce(page, `${origin}/windows-server/`);
    await expect(row(page)).toHaveText(example);
    await expect(savedBanner(page)).toBeHidden();

    await test.step("half deployed: online, the server's page; the stale saved copy named", async () => {
      await serve(half.dir);
      await page.goto(`${origin}/windows-server/`);
      await expect(row(page)).toHaveText(newKey);
      await expect(page.locator("[data-build]")).toContainText(formatBuildDate(half.build.date));
      await expect(updateBanner(page)).toContainText("could not be updated", { timeout: 30_000 });
      await expect(updateBanner(page)).toContainText(formatBuildDate(buildOf(a).date));
    });

    await test.step("offline: the saved copy, saying so, with its build's date", async () => {
      await server.close();
      await context.setOffline(true);
      await page.goto(`${origin}/windows-server/`);
      await expect(row(page)).toHaveText(example);
      await expect(savedBanner(page)).toBeVisible();
      await expect(savedBanner(page)).toContainText(formatBuildDate(buildOf(a).date));
      await context.setOffline(false);
      server = await serveStatic([{ base: "/", dir: full.dir }], port);
    });

    await test.step("fully deployed: offered in every open tab; Reload works in each", async () => {
      const other = await context.newPage();
      for (const tab of [page, other]) await tab.goto(`${origin}/windows-server/`);
      for (const tab of [page, other]) {
        await expect(row(tab)).toHaveText(newKey);
        await expect(updateBanner(tab)).toContainText("ready", { timeout: 30_000 });
      }
      await updateBanner(other).getByRole("button", { name: "Reload" }).click();
      await expect(updateBanner(other)).toBeHidden({ timeout: 30_000 });
      await updateBanner(page).getByRole("button", { name: "Reload" }).click();
      await expect(updateBanner(page)).toBeHidden({ timeout: 30_000 });
      await expect(row(page)).toHaveText(newKey);
    });

    await test.step("offline again: the new saved copy", async () => {
      await server.close();
      await context.setOffline(true);
      await page.goto(`${origin}/windows-server/`);
      await expect(row(page)).toHaveText(newKey);
      await expect(savedBanner(page)).toContainText(formatBuildDate(full.build.date));
    });
  } finally {
    await context.close();
    await server.close();
    for (const dir of [a, half.dir, full.dir]) rmSync(dir, { recursive: true, force: true });
  }
});
