/**
 * Largest Contentful Paint as Lighthouse measures it (mobile, simulated throttling: the
 * setting of PageSpeed Insights), for `npm run bench`. Lighthouse drives the same Chromium
 * as the tests (tests/helpers/browser.ts) through chrome-launcher.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { browser } from "../helpers/browser";

export interface LighthouseRunner {
  /** LCP of `url` in milliseconds. */
  lcp: (url: string) => Promise<number>;
  close: () => Promise<void>;
}

export async function startLighthouse(): Promise<LighthouseRunner> {
  const chrome = await chromeLauncher.launch({
    chromePath: browser.executablePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  return {
    lcp: async (url) => {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyAudits: ["largest-contentful-paint"],
      });
      const value = result?.lhr.audits["largest-contentful-paint"]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse measured no LCP for ${url}`);
      return value;
    },
    close: async () => {
      chrome.kill();
    },
  };
}
