import { methodById } from "../../src/lib/activation/methodList";
import { expect, test } from "./fixtures";
import { readFamilies } from "../helpers/content";
import { readSourceRows, sourceKeys } from "../helpers/sourceFixtures";
import { allPaths, familyPaths, loose, readRows, type SiteRow } from "./site";

async function readSite(page: import("@playwright/test").Page): Promise<SiteRow[]> {
  const rows: SiteRow[] = [];
  for (const path of familyPaths) {
    await page.goto(path);
    rows.push(...(await readRows(page, path)));
  }
  return rows;
}

test("the site lists exactly the keys of both source revisions, each once, with every name", async ({
  page,
}) => {
  const rows = await readSite(page);
  const keys = rows.map((row) => row.key);
  expect(keys.length).toBe(new Set(keys).size);
  expect([...keys].sort()).toEqual([...sourceKeys()].sort());
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const sourceRows = readSourceRows();
  expect(sourceRows.length).toBeGreaterThan(0);
  for (const sourceRow of sourceRows) {
    const row = byKey.get(sourceRow.key);
    expect(row, `${sourceRow.revision} ${sourceRow.key}`).toBeDefined();
    for (const name of sourceRow.names) {
      expect(loose(row?.text ?? ""), `${sourceRow.revision}: ${name}`).toContain(loose(name));
    }
  }
});

test("each table's caption names its version group, as words a screen reader reads apart", async ({
  page,
}) => {
  for (const { file, family } of readFamilies()) {
    await page.goto(`/${file.replace(/\.md$/, "")}/`);
    const captions = await page.locator("table caption").allTextContents();
    const labels = family.sections.flatMap((section) => section.groups.map((g) => g.label));
    const { keyKind } = methodById(family.method);
    expect(captions).toEqual(labels.map((label) => `${keyKind}s: ${label}`));
  }
});

test("each key is in monospace and selects as a whole", async ({ page }) => {
  for (const path of familyPaths) {
    await page.goto(path);
    const styles = await page.locator("[data-key]").evaluateAll((codes) =>
      codes.map((code) => {
        const style = getComputedStyle(code);
        return `${style.userSelect}|${/mono/i.test(style.fontFamily)}`;
      }),
    );
    expect(new Set(styles)).toEqual(new Set(["all|true"]));
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("every key is visible and no dead copy button is shown", async ({ page }) => {
    const visible: string[] = [];
    for (const path of familyPaths) {
      await page.goto(path);
      for (const code of await page.locator("[data-key]").all()) {
        await expect(code).toBeVisible();
        visible.push((await code.textContent())?.trim() ?? "");
      }
      for (const button of await page.getByRole("button", { name: /copy/i }).all()) {
        await expect(button).toBeHidden();
      }
      expect(await page.getByRole("button").count()).toBe(0);
    }
    expect(visible.sort()).toEqual([...sourceKeys()].sort());
  });
});

test.describe("on a 360 px screen", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of allPaths) {
    test(`${path} does not scroll sideways and shows every key whole`, async ({ page }) => {
      await page.goto(path);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        keys: [...document.querySelectorAll("[data-key]")].map(
          (code) => code.getBoundingClientRect().right,
        ),
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.viewport);
      for (const right of widths.keys) expect(right).toBeLessThanOrEqual(widths.viewport);
    });
  }
});

test("a row's anchor lands on that row and highlights it (first and last row of each page)", async ({
  page,
}) => {
  // That every row's anchor exists is the link crawl's job (builtSite.spec.ts); this checks
  // landing and highlighting on a sample.
  const all = await readSite(page);
  const rows = familyPaths.flatMap((path) => {
    const onPage = all.filter((row) => row.path === path);
    return [onPage[0], onPage.at(-1)].filter((row) => row !== undefined);
  });
  for (const row of rows) {
    await page.goto(`${row.path}#${row.anchor}`);
    const target = page.locator("tr:target");
    await expect(target).toHaveCount(1);
    await expect(target).toHaveAttribute("id", row.anchor);
    await expect(target.locator("[data-key]")).toHaveText(row.key);
    // Geometry, not IntersectionObserver: a busy headless browser may not run observers in time.
    await expect
      .poll(() =>
        target.evaluate((tr) => {
          const { top, bottom } = tr.getBoundingClientRect();
          return top >= 0 && bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    const [hit, plain] = await page.evaluate(() => [
      getComputedStyle(document.querySelector("tr:target") as Element).backgroundColor,
      getComputedStyle(document.querySelector("tbody tr:not(:target)") as Element).backgroundColor,
    ]);
    expect(hit).not.toBe(plain);
  }
});

test("each row's link points at its own anchor", async ({ page }) => {
  for (const path of familyPaths) {
    await page.goto(path);
    const pairs = await page
      .locator("tbody tr[id]")
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.id, tr.querySelector("th a")?.getAttribute("href")]),
      );
    for (const [id, href] of pairs) expect(href).toBe(`#${id}`);
  }
});

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 390, height: 844 },
]) {
  test(`a row opened from a link or the search box keeps its headings in view at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    /** The row's top is below its version heading and (when shown) its column headers, all on screen. */
    const expectHeaded = async (where: string) => {
      const box = await page.locator("tr:target").evaluate((row) => {
        const group = row.closest(".key-group");
        const heading = group?.querySelector(":scope > h3, :scope > h4");
        const th = row.closest("table")?.querySelector("thead th");
        const shown = th && getComputedStyle(th).position === "sticky" ? th : null;
        const rect = (e: Element | null | undefined) => e?.getBoundingClientRect();
        return {
          row: rect(row)?.top ?? -1,
          heading: rect(heading)?.top,
          headingBottom: rect(heading)?.bottom,
          headers: rect(shown)?.top,
          headersBottom: rect(shown)?.bottom,
        };
      });
      expect(box.row, where).toBeGreaterThan(0);
      for (const [top, bottom] of [
        [box.heading, box.headingBottom],
        [box.headers, box.headersBottom],
      ]) {
        if (top === undefined || bottom === undefined) continue;
        expect(top, where).toBeGreaterThanOrEqual(0);
        expect(bottom, where).toBeLessThanOrEqual(box.row + 1);
      }
      if (viewport.width >= 640) expect(box.headers, where).toBeDefined();
    };
    for (const { file, family } of readFamilies()) {
      const rows = family.sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
      for (const row of [rows[Math.floor(rows.length / 2)], rows.at(-1)]) {
        await page.goto(`/${file.replace(/\.md$/, "")}/#${row?.anchor ?? ""}`);
        await expectHeaded(`${file} #${row?.anchor ?? ""}`);
      }
    }
    await page.goto("/");
    await page.getByRole("searchbox").fill("2016 datacenter");
    await expect(page.locator("li[data-first]")).toBeVisible();
    await page.getByRole("searchbox").press("Enter");
    await expect(page).toHaveURL(/#windows-server-2016-datacenter$/);
    await expectHeaded("Enter on “2016 datacenter”");
  });
}

test("a family's key columns line up across its tables, on a wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  for (const { file } of readFamilies()) {
    await page.goto(`/${file.replace(/\.md$/, "")}/`);
    // Where each table's key column starts: one x for the whole page.
    const starts = await page
      .locator("table.key-table thead th:last-child")
      .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().left)));
    expect(starts.length, file).toBeGreaterThan(0);
    expect(new Set(starts).size, `${file}: ${starts.join(", ")}`).toBe(1);
  }
});
