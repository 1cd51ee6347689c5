import { SOURCES } from "../../src/lib/upstream/sources";
/**
 * The site built with BASE_PATH=/kms/ and served under /kms/ (playwright.config.ts): copy,
 * search and links work there too. Paths here are relative to the project's baseURL.
 */
import { expect, test } from "./fixtures";
import { SUBPATH, SUBPATH_SITE } from "../helpers/deploy";
import { readSourceRevisions } from "../helpers/sourceFixtures";
import { crawl } from "./links";
import { allPaths, htmlPages, keyButton } from "./site";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("copy works under the sub-path", async ({ page }) => {
  await page.goto("windows-server/");
  const row = page.locator("tbody tr").first();
  await keyButton(row).click();
  await expect(keyButton(row)).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await row.locator("[data-key]").textContent(),
  );
});

test("search loads Pagefind from the sub-path and opens results under it", async ({ page }) => {
  const example = readSourceRevisions().at(-1)?.exampleKey ?? "";
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  await page.goto("earlier-windows/");
  await page.getByRole("searchbox").pressSequentially("2022 datacenter");
  await expect(page.locator("#kms-search-results")).toHaveAttribute(
    "data-query",
    "2022 datacenter",
  );
  await expect(page.locator("#kms-search-results [data-key]").first()).toHaveText(example);
  expect(requested).toContain(`${SUBPATH}pagefind/pagefind.js`);
  expect(requested.filter((path) => !path.startsWith(SUBPATH))).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(
    new RegExp(`${SUBPATH}windows-server/#windows-server-2022-datacenter$`),
  );
  await expect(page.locator("tr:target [data-key]")).toHaveText(example);
});

test("every link stays under the sub-path and resolves", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const report = await crawl(page, request, baseURL ?? "");
  expect(report.broken).toEqual([]);
  expect(report.pages.length).toBeGreaterThanOrEqual(5);
  for (const url of report.pages) expect(new URL(url).pathname.startsWith(SUBPATH)).toBe(true);
});

test("with SITE_URL: canonical and Open Graph URLs, sitemap, robots.txt and data URLs use it", async ({
  page,
  request,
}) => {
  const site = `${SUBPATH_SITE}${SUBPATH}`;
  for (const path of allPaths) {
    await page.goto(path.slice(1));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      site + path.slice(1),
    );
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
      "content",
      site + path.slice(1),
    );
  }
  const robots = await (await request.get("robots.txt")).text();
  expect(/^Sitemap: (.+)$/m.exec(robots)?.[1]).toBe(`${site}sitemap-index.xml`);
  const index = await (await request.get("sitemap-index.xml")).text();
  const [child] = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? "");
  expect(child?.startsWith(site)).toBe(true);
  const sitemap = await (await request.get(child?.slice(site.length) ?? "")).text();
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? "");
  // Every built page but the 404 and offline pages, and the pages every test visits among them.
  const built = htmlPages("dist-subpath").filter(
    (path) => path !== "/404.html" && path !== "/offline/",
  );
  expect(listed.sort()).toEqual(built.map((path) => site + path.slice(1)).sort());
  for (const path of allPaths) expect(listed).toContain(site + path.slice(1));
  const { keys } = (await (await request.get("keys.json")).json()) as {
    keys: { url: string; path: string }[];
  };
  for (const key of keys) expect(key.url).toBe(site + key.path);
});

test("the feed of changes has one item per revision, linking to its entry under the sub-path", async ({
  page,
  request,
}) => {
  // Every revision of every page, newest first (same date: by page id).
  const entries = SOURCES.flatMap((source) =>
    readSourceRevisions(source.id).map((r) => ({ id: source.id, revision: r.revision })),
  ).sort((a, b) => b.revision.localeCompare(a.revision) || a.id.localeCompare(b.id));
  const feed = await (await request.get("changes.xml")).text();
  const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
  expect(links).toEqual(
    entries.map(({ id, revision }) => `${SUBPATH_SITE}${SUBPATH}changes/#${id}-${revision}`),
  );
  // Findable: a visible link on the home page and on /changes/, and every page's head names it.
  for (const path of ["", "changes/", "windows-server/", "activate/"]) {
    await page.goto(path);
    await expect(
      page.locator('head link[rel="alternate"][type="application/rss+xml"]'),
    ).toHaveAttribute("href", `${SUBPATH}changes.xml`);
  }
  await page.goto("");
  await expect(page.getByRole("link", { name: "subscribe (RSS)" })).toHaveAttribute(
    "href",
    `${SUBPATH}changes.xml`,
  );
  await page.goto("changes/");
  await page.getByRole("link", { name: "changes.xml" }).click();
  expect(new URL(page.url()).pathname).toBe(`${SUBPATH}changes.xml`);
  for (const { id, revision } of entries) {
    await page.goto(`changes/#${id}-${revision}`);
    await expect(page.locator(`#${id}-${revision}`)).toBeVisible();
  }
});
