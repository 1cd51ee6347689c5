import { expect, test } from "./fixtures";
import { DOUBLED_BASE } from "../helpers/deploy";
import { BUDGET, measureFirstLoad, measureFirstSearch } from "../helpers/pageWeight";
import { readSearchCases } from "../helpers/searchQueries";
import { allPaths, familyPaths, helperPaths, sharedLinks } from "./site";

// One first load per page, and everything checked on it: bytes, JavaScript, no web font,
// nothing of the search before it is used, and no layout shift when the copy buttons appear.
// Every page is checked as built today; the pages that grow with the keys (the home page's
// table of contents, the family pages, all keys, the helpers) again in a build with twice
// today's keys (tests/helpers/buildDoubled.ts), so that Microsoft's list has room to grow.
const doubled = (path: string) => `${DOUBLED_BASE}${path.slice(1)}`;
const growing = ["/", ...familyPaths, "/all-keys/", ...helperPaths];
for (const path of [...allPaths, ...sharedLinks, ...growing.map(doubled)]) {
  test(`${path}: first load within budget, no web font, no layout shift`, async ({ page }) => {
    // Each shift with what moved, so that a failure says where to look.
    await page.addInitScript(() => {
      const seen = { shift: 0, moved: [] as string[] };
      (window as unknown as { layoutShifts: typeof seen }).layoutShifts = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as {
          value: number;
          hadRecentInput: boolean;
          startTime: number;
          sources?: {
            node?: Node | null;
            previousRect: DOMRectReadOnly;
            currentRect: DOMRectReadOnly;
          }[];
        }[]) {
          if (entry.hadRecentInput) continue;
          seen.shift += entry.value;
          for (const { node, previousRect: a, currentRect: b } of entry.sources ?? [])
            seen.moved.push(
              `${Math.round(entry.startTime)} ms: ${(node as Element | null)?.outerHTML?.slice(0, 120) ?? node?.nodeName ?? "?"} ` +
                `from ${a.x},${a.y} ${a.width}×${a.height} to ${b.x},${b.y} ${b.width}×${b.height}`,
            );
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const weight = await measureFirstLoad(page, path);
    const report = JSON.stringify(weight.files);
    const rows = await page.locator("tbody tr:has([data-key])").count();
    const budget = path.endsWith("/all-keys/")
      ? BUDGET.allKeysWithoutRows + rows * BUDGET.perKeyRow
      : BUDGET.bytes;
    expect(weight.bytes, report).toBeLessThanOrEqual(budget);
    expect(weight.jsBytes, report).toBeLessThanOrEqual(BUDGET.jsBytes);
    expect(weight.fonts, report).toEqual([]);
    expect(
      Object.keys(weight.files).filter((file) =>
        /pagefind|searchController|search-words/.test(file),
      ),
    ).toEqual([]);
    if ((await page.locator("tbody [data-key]").count()) > 0) {
      await expect(page.getByRole("button", { name: /^Copy/ }).first()).toBeVisible();
    }
    const { shift, moved } = await page.evaluate(
      () =>
        (window as unknown as { layoutShifts: { shift: number; moved: string[] } }).layoutShifts,
    );
    expect(shift, moved.join("\n")).toBe(0);
  });
}

test("the all-keys page grows by its rows only: each costs at most the budget per row", async ({
  browser,
  baseURL,
}) => {
  // Each a first load of its own: a new context, so no cache or service worker carries over.
  const measure = async (path: string) => {
    const context = await browser.newContext(baseURL === undefined ? {} : { baseURL });
    const page = await context.newPage();
    const { bytes } = await measureFirstLoad(page, path);
    const rows = await page.locator("tbody tr:has([data-key])").count();
    await context.close();
    return { bytes, rows };
  };
  const today = await measure("/all-keys/");
  const twice = await measure(doubled("/all-keys/"));
  expect(twice.rows).toBe(2 * today.rows);
  const perRow = (twice.bytes - today.bytes) / (twice.rows - today.rows);
  expect(perRow).toBeLessThanOrEqual(BUDGET.perKeyRow);
  expect(today.bytes - today.rows * perRow).toBeLessThanOrEqual(BUDGET.allKeysWithoutRows);
});

// The first search on a family page, in today's build and the doubled one: an edition (the
// query set's first), an error's message and an error code. A key or part of one loads
// keys.json too, by design; `npm run bench:search` reports typing, keystroke by keystroke.
const FIRST_SEARCHES = [
  readSearchCases()[0]?.query ?? "",
  "no kms host could be contacted",
  "0xC004F074",
];
for (const base of ["/", DOUBLED_BASE]) {
  for (const query of FIRST_SEARCHES) {
    test(`${base}: the first search for "${query}" downloads at most 90 KB`, async ({ page }) => {
      await page.goto(`${base}windows-server/`, { waitUntil: "networkidle" });
      const { bytes, files } = await measureFirstSearch(page, query);
      expect(bytes, JSON.stringify(files)).toBeLessThanOrEqual(BUDGET.firstSearch);
    });
  }
}
