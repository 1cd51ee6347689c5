/** What the e2e tests need to know about the built site, derived from content/ and the page itself. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page } from "@playwright/test";
import { methodById } from "../../src/lib/activation/methodList";
import { readFamilies } from "../helpers/content";
import { readSourceRevisions } from "../helpers/sourceFixtures";

const CONTENT_DIR = fileURLToPath(new URL("../../content/", import.meta.url));

/** One page per file in content/, at /<file name>/. */
export const familyPaths = readdirSync(CONTENT_DIR)
  .filter((file) => file.endsWith(".md"))
  .sort()
  .map((file) => `/${file.replace(/\.md$/, "")}/`);

/**
 * Every kind of HTML page: home, the family pages, every key on one page, the changes, the two tools, the
 * error list and two error pages (errors.spec.ts checks the budget of all of them).
 */
export const allPaths = [
  "/",
  ...familyPaths,
  "/all-keys/",
  "/changes/",
  "/activate/",
  ...familyPaths.map((path) => `/activate${path}`),
  "/check/",
  "/status/",
  "/kms-hosts/",
  "/convert/",
  "/errors/",
  "/errors/0xc004f074/",
  "/errors/0x8007232b/",
];

/**
 * The links people share: a row's "Activation steps" and the checker with a listed key
 * (the source's own example). A link with a host, or with a key that is not listed, loads
 * the host reader or the full diagnosis on top; `npm run bench` reports those.
 */
const example = readSourceRevisions().at(-1)?.exampleKey ?? "";
/** Families in the site's order (the header's, the home page's). */
const families = readFamilies().sort((a, b) => a.family.order - b.family.order);
const [firstFamily] = families;
export const sharedLinks = [
  `/activate/${firstFamily?.file.replace(/\.md$/, "") ?? ""}/?edition=${firstFamily?.family.sections[0]?.groups[0]?.rows[0]?.anchor ?? ""}`,
  `/check/?key=${example}`,
];

/** Each family's activation helper, in the order of familyPaths. */
export const helperPaths = familyPaths.map((path) => `/activate${path}`);

/** The activation method of the family page at `path` ("/office/"). */
export function methodOfPath(path: string) {
  const found = families.find(({ file }) => `/${file.replace(/\.md$/, "")}/` === path);
  if (!found) throw new Error(`no family at ${path}`);
  return methodById(found.family.method);
}

/** The helpers of the families whose method takes a KMS host, in the site's order. */
export const hostHelperPaths = families
  .filter(({ family }) => methodById(family.method).kmsHost !== undefined)
  .map(({ file }) => `/activate/${file.replace(/\.md$/, "")}/`);

/** The activation helper of the first family (in the site's order) that lists an edition called `name`. */
export function helperOf(name: string): string {
  const found = families.find(({ family }) =>
    family.sections.some((s) => s.groups.some((g) => g.rows.some((r) => r.names.includes(name)))),
  );
  if (!found) throw new Error(`no family lists ${name}`);
  return `/activate/${found.file.replace(/\.md$/, "")}/`;
}

export interface SiteRow {
  path: string;
  anchor: string;
  key: string;
  /** The edition cell's text: names, earlier names, provenance. */
  text: string;
}

/** The key rows of the page currently loaded. */
export async function readRows(page: Page, path: string): Promise<SiteRow[]> {
  const rows = await page.locator("tbody tr[id]").evaluateAll((trs) =>
    trs.map((tr) => ({
      anchor: tr.id,
      key: tr.querySelector("[data-key]")?.textContent?.trim() ?? "",
      text: tr.querySelector("th")?.textContent ?? "",
    })),
  );
  return rows.map((row) => ({ ...row, path }));
}

/** Compares names the way a reader does: case, spacing and punctuation aside. */
export { looseName as loose } from "../../src/lib/keys/names";

/** A row's (or result's) button that copies the key, and the one that copies the slmgr command. */
export const keyButton = (scope: Locator) => scope.locator('button[data-copy="key"]');
export const commandButton = (scope: Locator) => scope.locator('button[data-copy="command"]');

/** Every built HTML page of a site folder, as a path ("/errors/0xc004f074/", "/404.html"). */
export function htmlPages(dir: string): string[] {
  const walk = (sub: string): string[] =>
    readdirSync(join(dir, sub)).flatMap((name) => {
      const rel = `${sub}/${name}`;
      if (statSync(join(dir, rel)).isDirectory()) return walk(rel);
      if (!name.endsWith(".html")) return [];
      return [name === "index.html" ? `${sub}/` : rel];
    });
  return walk("").map((path) => (path.startsWith("/") ? path : `/${path}`));
}

/** The search box's results panel, once it answers `query`, typed with its last character a real keystroke. */
export async function askSearch(page: Page, query: string): Promise<Locator> {
  const box = page.getByRole("searchbox", { name: "Search KMS client keys" });
  const panel = page.locator("#kms-search-results");
  await box.fill(query.slice(0, -1));
  await box.pressSequentially(query.slice(-1));
  await expect(panel).toHaveAttribute("data-query", query);
  return panel;
}
