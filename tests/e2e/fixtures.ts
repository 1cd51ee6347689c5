/**
 * Playwright's `test`, with one change: `page.goto` returns once the page's scripts have run
 * (they start after the first paint, see src/lib/build/deferredScripts.ts), as a person's first
 * click would come after them. Pages with JavaScript turned off are returned as loaded.
 */
import { test as base, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

/** Until the loader has imported every deferred script (or there were none). */
export async function scriptsRan(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.documentElement.dataset["ready"] !== undefined ||
      document.querySelector('script[type="text/x-kms-deferred"]') === null,
  );
}

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (javaScriptEnabled !== false && response?.ok() !== false) await scriptsRan(page);
      return response;
    };
    await use(page);
  },
});
