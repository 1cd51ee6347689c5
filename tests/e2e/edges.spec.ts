import { readFamilies } from "../helpers/content";
import { methodById } from "../../src/lib/activation/methodList";
import { formatRevision } from "../../src/lib/text/dates";
import { SOURCES } from "../../src/lib/upstream/sources";
/**
 * Trust at the edges, through the real pages: hostile hosts from a link and typed, JavaScript
 * property names anywhere input is read, honest "no key" answers, mistyped keys never shown
 * as a match, echoed input that cannot reorder the page, and pages framed by another site.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { HOSTILE_HOSTS } from "../helpers/hostileHosts";
import { mistypedKeys } from "../helpers/keyMutations";
import { PROTOTYPE_NAMES, readNoKeyCases } from "../helpers/noKeyQueries";
import { readSourceRows, sourceKeys } from "../helpers/sourceFixtures";
import { helperOf, hostHelperPaths } from "./site";

/** A family's activation helper: each acts on its link the same way. */
const HELPER = hostHelperPaths[0] ?? "/activate/";

const rows = readSourceRows();
const edition = rows.find((row) => row.names.length === 1)?.names[0] ?? "";
const panel = (page: Page) => page.locator("#kms-search-results");
const status = (page: Page) => panel(page).locator("[data-status]");

/** Collects uncaught errors and console errors. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

async function search(page: Page, value: string): Promise<void> {
  await page.getByRole("searchbox").fill(value);
  await expect(panel(page)).toHaveAttribute("data-query", value);
}

test.describe("the activation helper refuses hostile hosts", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  const block = (page: Page) => page.locator("[data-commands]");

  async function expectRefused(page: Page, why: string): Promise<void> {
    await expect(page.locator("[data-host-error]")).toHaveText(new RegExp(why));
    await expect(block(page)).toBeHidden();
    await expect(page.getByRole("button", { name: "Copy all commands" })).toBeDisabled();
    // The echoed host wraps inside the page, however long.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  }

  // In three parts, so that workers share the links.
  for (const part of [0, 1, 2]) {
    test(`from a link (part ${part + 1} of 3)`, async ({ page }) => {
      test.setTimeout(90_000);
      const errors = watchErrors(page);
      await page.goto(HELPER);
      const value = await page.getByLabel("Edition").locator("option").nth(1).getAttribute("value");
      for (const { host, why } of HOSTILE_HOSTS.filter((_, i) => i % 3 === part)) {
        const params = new URLSearchParams({ edition: value ?? "", host });
        await page.goto(`${HELPER}?${params}`);
        await expect(page.getByLabel("Edition")).toHaveValue(value ?? "");
        await expectRefused(page, why);
      }
      expect(errors).toEqual([]);
    });
  }

  test("typed into the box", async ({ page }) => {
    await page.goto(helperOf(edition));
    await page.getByLabel("Edition").selectOption({ label: edition });
    for (const { host, why } of HOSTILE_HOSTS) {
      // A text field cannot hold a line break (the browser drops it); the link test covers those.
      if (/[\r\n]/.test(host)) continue;
      await page.getByLabel(/KMS host/).fill(host);
      await expectRefused(page, why);
    }
  });

  test("an 80-character host is refused and wraps at 360 px", async ({ page }) => {
    await page.goto(`${HELPER}?host=${"x".repeat(80)}&edition=`);
    await expect(page.locator("[data-host-error]")).toContainText("63");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});

test.describe("JavaScript property names are words like any other", () => {
  test("in the search box, alone and within a query", async ({ page }) => {
    test.setTimeout(90_000);
    const errors = watchErrors(page);
    await page.goto("/");
    for (const name of PROTOTYPE_NAMES) {
      await search(page, name);
      await expect(status(page)).toContainText("No key for");
      await search(page, `2019 ${name} datacenter`);
      await expect(status(page)).toContainText("No key for");
    }
    // The box still answers normally afterwards, and Enter works.
    await search(page, "2019 datacenter");
    await expect(panel(page).locator("li[data-first]")).toContainText("2019 Datacenter");
    await page.getByRole("searchbox").press("Enter");
    await expect(page).toHaveURL(/#windows-server-2019-datacenter$/);
    expect(errors).toEqual([]);
  });

  test("as URL parameter values of the helper and the checker", async ({ page }) => {
    const errors = watchErrors(page);
    for (const name of PROTOTYPE_NAMES) {
      const value = encodeURIComponent(name);
      await page.goto(`${HELPER}?edition=${value}&host=${value}`);
      await expect(page.getByLabel("Edition")).toHaveValue("");
      await expect(page.locator("[data-commands-note]")).toContainText("Choose an edition");
      await page.goto(`/check/?key=${value}`);
      await expect(page.locator("[data-verdict]")).toContainText("Not a product key");
    }
    expect(errors).toEqual([]);
  });
});

test.describe("honest answers in the search box", () => {
  test("a question with no key says so and presents no row as the answer", async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto("/");
    for (const { q, answer, unknown = [], scope } of readNoKeyCases()) {
      await search(page, q);
      const first = status(page).locator("p").first();
      if (answer === "no-key") {
        await expect(first, q).toContainText("No key for");
        for (const word of unknown) await expect(first, q).toContainText(`“${word}”`);
        await expect(status(page), q).toContainText("none activates a retail copy");
      } else if (answer === "no-match" && scope !== undefined) {
        // The kind's own page, its revision, and what it does list.
        const source = SOURCES.find((s) =>
          readFamilies(undefined, s.id).some(
            ({ family }) => methodById(family.method).keyKind === scope,
          ),
        );
        await expect(first, q).toContainText(`lists no ${scope} named with all of`);
        await expect(first, q).toContainText(formatRevision(source?.revisions.at(-1) ?? ""));
        await expect(status(page), q).toContainText(`Its ${scope}s are for Windows Server 2022,`);
      } else if (answer === "no-match") {
        await expect(first, q).toContainText("No edition on Microsoft's lists");
      } else {
        await expect(first, q).toContainText("describes every key");
      }
      await expect(panel(page).locator("li[data-first]"), q).toHaveCount(0);
      const related = await panel(page).locator("li").count();
      await expect(panel(page).locator("[data-related]"), q).toBeVisible({
        visible: related > 0,
      });
      // Other editions' keys are there to read, not to copy in one click by mistake.
      await expect(panel(page).locator("li button, li kms-key, li [data-steps]"), q).toHaveCount(0);
      await expect(panel(page).locator("li code, li [data-code]"), q).toHaveCount(related);
    }
  });

  test("Enter on a question with no key opens nothing", async ({ page }) => {
    await page.goto("/");
    await search(page, "windows 11 home");
    await page.getByRole("searchbox").press("Enter");
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  test("words left out are named", async ({ page }) => {
    await page.goto("/");
    await search(page, "kms key for server 2022 datacenter");
    await expect(status(page)).toContainText("Left out “kms”, “key” and “for”: too common");
    await expect(panel(page).locator("li[data-first]")).toContainText("2022 Datacenter");
  });

  test("a mistyped key is never shown as a match: verdict, nearest key, differences marked", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const cases = mistypedKeys([...sourceKeys()]);
    expect(cases.length).toBeGreaterThanOrEqual(10);
    await page.goto("/");
    for (const { typed, listed, how } of cases) {
      await search(page, typed);
      await expect(panel(page).locator("li"), how).toHaveCount(0);
      await expect(status(page), how).toContainText(
        /Checksum fails|Well-formed, not a key we list/,
      );
      const nearest = status(page).locator("[data-suspect]").first();
      await expect(nearest, how).toContainText("the closest listed key is");
      const code = nearest.locator("code");
      // The key as listed (screen-reader notes aside), with each differing character marked.
      await expect(code).toHaveText(listed);
      const typedKey = typed.trim().toUpperCase().replaceAll(" ", "-");
      const differing = [...listed].filter((char, i) => char !== typedKey[i]);
      await expect(code.locator("mark"), how).toHaveText(differing);
      await expect(nearest, how).toContainText(/Marked: group \d, character \d: yours has/);
      await expect(panel(page).locator("[data-check]")).toBeVisible();
    }
  });

  test("“show all” reaches every row of a broad question", async ({ page }) => {
    await page.goto("/");
    await search(page, "server 2012");
    await expect(status(page)).toContainText("showing the first 8");
    const total = Number(/(\d+) keys/.exec((await status(page).textContent()) ?? "")?.[1]);
    await panel(page)
      .getByRole("button", { name: `Show all ${total}` })
      .click();
    await expect(panel(page).locator("li")).toHaveCount(total);
    await expect(panel(page)).toContainText("Country Specific");
    await expect(panel(page).getByRole("button", { name: /Show all/ })).toBeHidden();
  });
});

test.describe("echoed input", () => {
  test("invisible and direction-changing characters are shown by code point, isolated", async ({
    page,
  }) => {
    await page.goto("/");
    await search(page, "xbox\u202e 2021\u200b");
    const echo = status(page).locator("bdi").first();
    await expect(echo).toHaveText("“xbox[U+202E] 2021[U+200B]”");
    expect(await status(page).textContent()).not.toMatch(/[\u202e\u200b]/);
  });

  test("the checker and the box read a key pasted with en dashes or full-width characters", async ({
    page,
  }) => {
    const key = [...sourceKeys()].find((k) => k.includes("N")) ?? "";
    const fullWidth = [...key]
      .map((c) => String.fromCodePoint((c.codePointAt(0) ?? 0) + 0xfee0))
      .join("");
    for (const pasted of [key.replaceAll("-", "\u2013"), fullWidth]) {
      await page.goto(`/check/?key=${encodeURIComponent(pasted)}`);
      await expect(page.locator("[data-verdict]")).toContainText("The KMS client key for");
      await page.goto("/");
      await search(page, pasted);
      await expect(panel(page).locator("li[data-first] [data-key]")).toHaveText(key);
    }
  });

  test("the checker names a zero-width space and a Cyrillic look-alike", async ({ page }) => {
    const key = [...sourceKeys()].find((k) => /T/.test(k) && k.includes("N")) ?? "";
    await page.goto(`/check/?key=${encodeURIComponent(`${key.slice(0, 3)}\u200b${key.slice(3)}`)}`);
    await expect(page.locator("[data-verdict]")).toContainText("U+200B (zero width space)");
    await page.goto(`/check/?key=${encodeURIComponent(key.replace("T", "\u0422"))}`);
    await expect(page.locator("[data-verdict]")).toContainText(
      "a Cyrillic letter that looks like the Latin “T”",
    );
  });
});

test.describe("framed by another site", () => {
  const FRAMER = "http://framer.invalid/";

  /** Serves a page of another origin that frames `target`, and lets this site be framed (as a host without headers would). */
  async function frame(page: Page, target: string, baseURL: string): Promise<void> {
    await page.route(FRAMER, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><iframe src="${new URL(target, baseURL).href}" width="800" height="900"></iframe>`,
      }),
    );
    const origin = new URL(baseURL).origin;
    await page.route(
      (url) => url.origin === origin,
      async (route) => {
        const response = await route.fetch();
        // The body arrives decoded, so its encoding and length headers go too.
        const headers = Object.fromEntries(
          Object.entries(response.headers()).filter(
            ([name]) =>
              ![
                "x-frame-options",
                "content-security-policy",
                "content-encoding",
                "content-length",
              ].includes(name),
          ),
        );
        await route.fulfill({ response, headers });
      },
    );
    await page.goto(FRAMER);
  }

  test("the helper does not act on its link's edition and host", async ({ page, baseURL }) => {
    const value = rows[0]?.names[0] ?? "";
    await page.goto(HELPER);
    const option = await page.getByLabel("Edition").locator("option").nth(1).getAttribute("value");
    expect(value).not.toBe("");
    await frame(page, `${HELPER}?edition=${option}&host=kms.attacker.example`, baseURL ?? "");
    const framed = page.frameLocator("iframe");
    await expect(framed.locator("[data-framed]")).toBeVisible();
    await expect(framed.getByLabel("Edition")).toHaveValue("");
    await expect(framed.getByLabel(/KMS host/)).toHaveValue("");
    await expect(framed.locator("[data-commands]")).not.toContainText("attacker");
  });

  test("the checker does not act on its link's key", async ({ page, baseURL }) => {
    await frame(page, `/check/?key=${[...sourceKeys()][0]}`, baseURL ?? "");
    const framed = page.frameLocator("iframe");
    await expect(framed.locator("[data-framed]")).toBeVisible();
    await expect(framed.getByLabel("Product key")).toHaveValue("");
    await expect(framed.locator("[data-verdict]")).toBeEmpty();
  });
});

test.describe("long input never freezes a page", () => {
  test("a host of spaces between two letters, from a link or pasted, is refused at once", async ({
    page,
  }) => {
    const errors = watchErrors(page);
    // As long as a link gets through a server's header limit; the paste below goes further.
    const linked = `a${" ".repeat(3000)}b`;
    await page.goto(`${HELPER}?host=${encodeURIComponent(linked)}`);
    const error = page.locator("[data-host-error]");
    await expect(error).toHaveText(/3,002 characters long/, { timeout: 3000 });
    await page.getByLabel(/KMS host/).fill(`a${" ".repeat(1_000_000)}b`);
    await expect(error).toHaveText(/1,000,002 characters long/, { timeout: 3000 });
    // The page still takes input at once.
    await page.getByLabel(/KMS host/).fill("kms.example.org");
    await expect(error).toHaveText("");
    expect(errors).toEqual([]);
  });

  test("a million characters in the search box and the checker are refused or cut, and said so", async ({
    page,
  }) => {
    const long = "windows server ".repeat(70_000);
    await page.goto("/");
    // The search loaded first (a slow machine may take seconds to): the limit is for the paste.
    await page.getByRole("searchbox").fill("2019");
    await expect(panel(page)).toHaveAttribute("data-query", "2019");
    await page.getByRole("searchbox").fill(long);
    await expect(status(page)).toContainText(
      /Searched only the first 200 characters of the 1,050,000 typed/,
      {
        timeout: 5000,
      },
    );
    await page.goto("/check/");
    await page.getByLabel("Product key").fill("-".repeat(1_000_000));
    await expect(page.locator("[data-verdict]")).toContainText("this has 1,000,000", {
      timeout: 5000,
    });
  });
});

test("a host from a link is marked as such until the visitor edits it", async ({ page }) => {
  await page.goto(`${HELPER}?host=kms.example.org`);
  const origin = page.getByText("This host came from the link you opened");
  await expect(origin).toBeVisible();
  await expect(page.getByLabel(/KMS host/)).toHaveAccessibleDescription(
    /came from the link you opened/,
  );
  await page.getByLabel(/KMS host/).fill("kms.example.org");
  await expect(origin).toBeHidden();
  await page.goto(HELPER);
  await expect(origin).toBeHidden();
});
