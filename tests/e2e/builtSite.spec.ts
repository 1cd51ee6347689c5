import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "./fixtures";
import { HtmlValidate } from "html-validate";

import { crawl } from "./links";
import { allPaths, familyPaths } from "./site";

/** Every .html file of a built site folder. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith(".html") ? [path] : [];
  });
}

for (const dir of ["dist", "dist-subpath"]) {
  test(`every page of ${dir}/ is valid HTML (html-validate, recommended rules)`, async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    const files = htmlFiles(dir);
    expect(files.length).toBeGreaterThanOrEqual(allPaths.length + 1);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readFileSync(file, "utf8"), file);
      for (const result of report.results) {
        for (const message of result.messages)
          errors.push(`${file}:${message.line} ${message.ruleId} ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
}

const vnuJar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

test("every built page passes the W3C Nu HTML checker with no error", () => {
  // The reference validator finds what html-validate does not (a <script> after </html>, ARIA
  // on elements whose role forbids it). It needs Java, as vnu-jar's README says.
  const run = spawnSync(
    "java",
    [
      // Its schema is deeply recursive: with a small default thread stack it overflows.
      "-Xss4m",
      "-jar",
      vnuJar,
      "--errors-only",
      "--skip-non-html",
      // Its CSS checker predates what Tailwind 4 emits (@property, margin-trim, mask): the
      // stylesheet is inlined now, and the browser, not this checker, is its judge.
      "--filterpattern",
      ".*CSS: .*",
      "--format",
      "gnu",
      "dist",
      "dist-subpath",
    ],
    { encoding: "utf8" },
  );
  expect(run.error, "java could not be started").toBeUndefined();
  expect(`${run.stdout}${run.stderr}`.trim()).toBe("");
  expect(run.status).toBe(0);
});

test("every internal link and #anchor resolves; external links are listed, not fetched", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const report = await crawl(page, request, `${baseURL ?? ""}/`);
  console.log(
    `link check: ${report.pages.length} pages crawled; external links:\n  ${report.external.join("\n  ")}`,
  );
  expect(report.broken).toEqual([]);
  for (const path of allPaths) expect(report.pages).toContain(`${baseURL ?? ""}${path}`);
});

test("the 404 page answers unknown addresses with status 404, the search and the families", async ({
  page,
}) => {
  const response = await page.goto("/no-such-page/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  for (const path of familyPaths)
    await expect(page.locator(`main a[href="${path}"]`)).toBeVisible();
  await page.getByRole("searchbox").pressSequentially("2016 dc");
  await expect(page.locator("#kms-search-results")).toHaveAttribute("data-query", "2016 dc");
  await expect(page.locator("#kms-search-results li").first()).toContainText(
    "Windows Server 2016 Datacenter",
  );
});

test("each page has its description and Open Graph tags, and no absolute URL without SITE_URL", async ({
  page,
}) => {
  // The e2e build at / sets no SITE_URL (the sub-path build does: subpath.spec.ts).
  const titles = new Set<string>();
  for (const path of allPaths) {
    await page.goto(path);
    titles.add(await page.title());
    await expect(page.locator('link[rel="canonical"], meta[property="og:url"]')).toHaveCount(0);
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description?.length ?? 0).toBeGreaterThan(40);
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute(
      "content",
      description ?? "",
    );
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
      "content",
      await page.title(),
    );
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/favicon.svg");
  }
  // Every page's title is its own.
  expect(titles.size).toBe(allPaths.length);
});

test("without SITE_URL no built file names a development origin; data URLs are root-relative", async ({
  request,
}) => {
  const files = readdirSync("dist", { recursive: true, encoding: "utf8" }).filter((file) =>
    /\.(html|json|csv|txt|xml|js)$/.test(file),
  );
  const leaking = files.filter((file) =>
    /localhost:4321|127\.0\.0\.1/.test(readFileSync(join("dist", file), "utf8")),
  );
  expect(leaking).toEqual([]);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).not.toContain("Sitemap:");
  expect((await request.get("/sitemap-index.xml")).status()).toBe(404);
  const { keys } = (await (await request.get("/keys.json")).json()) as {
    keys: { url: string; path: string }[];
  };
  for (const key of keys) expect(key.url).toBe(`/${key.path}`);
  const csv = await (await request.get("/keys.csv")).text();
  expect(csv).toContain(`,/${keys[0]?.path ?? ""},`);
});
