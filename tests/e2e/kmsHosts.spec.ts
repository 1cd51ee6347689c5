/**
 * The KMS host keys: their page, what each family row says of them, and the search box's
 * answer to a question about a host. Expectations come from content/kms-hosts/ through the
 * site's own answer functions, so the page, the rows and the box are held to the same data.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { parseFrontmatter } from "astro/markdown";
import { hostKeysSchema } from "../../src/lib/kmsHosts/hostKeySchema";
import { answerHostQuestion, readHostQuestion } from "../../src/lib/kmsHosts/hostQuestion";
import { groupAnchor } from "../../src/lib/kmsHosts/hostAnswers";
import { CONTENT_DIR } from "../helpers/content";
import { expect, test } from "./fixtures";
import { askSearch } from "./site";

const data = hostKeysSchema.parse(
  parseFrontmatter(readFileSync(`${CONTENT_DIR}kms-hosts/windows.md`, "utf8")).frontmatter,
);
const groups = data.hostKeys.map(({ group }) => group);
const panel = (page: Page) => page.locator("#kms-search-results");

test("the page has every host key, where it goes, what it activates and every update", async ({
  page,
}) => {
  await page.goto("/kms-hosts/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(data.title);
  for (const { group, activates } of data.hostKeys) {
    const section = page.locator(`[id="${groupAnchor(group)}"]`);
    await expect(section.getByRole("heading", { level: 3 })).toHaveText(group);
    await expect(section.locator("li")).toHaveText(activates.map(({ text }) => text));
  }
  const updateLinks = page.locator("#updates tbody a");
  await expect(updateLinks).toHaveText(
    data.updates.flatMap((row) => row.updates.map((u) => u.title)),
  );
  await expect(page.locator("#rules")).toContainText(
    `once the host has counted ${data.rules.clientThreshold} computers`,
  );
  // Each client version's answer is where the rows link.
  await expect(page.locator("#for-windows-server-2025 td")).toHaveText("Windows Server 2025");
});

test("a family row says which host keys activate it, and links to the answer", async ({ page }) => {
  await page.goto("/windows-11-and-10/");
  const row = page.locator("tr", {
    has: page.getByRole("link", { name: "Windows 11 Pro", exact: true }),
  });
  const lines = row.locator("small", { hasText: "KMS host key" });
  await expect(lines).toHaveText([
    "KMS host key (Windows 11 Pro): Windows Server 2025 or 2022",
    "KMS host key (Windows 10 Pro): Windows Server 2025, 2022, 2019, 2016 or Windows 10",
  ]);
  await lines.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/kms-hosts\/#for-windows-11$/);
  await expect(page.locator("#for-windows-11")).toBeInViewport();
  // An edition Microsoft's table does not name says so.
  await page.goto("/windows-11-and-10/");
  await expect(
    page
      .locator("tr", {
        has: page.getByRole("link", { name: "Windows 11 Enterprise G", exact: true }),
      })
      .locator("small", { hasText: "KMS host key" }),
  ).toHaveText("KMS host key: not on Microsoft's table");
  // A version group whose every edition shares its host keys says so once, under its heading.
  await page.goto("/windows-server/");
  await expect(page.locator("#windows-server-2022 > p")).toHaveText(
    "KMS host key for these editions: Windows Server 2025 or 2022",
  );
  await expect(page.locator("#windows-server-2022 small", { hasText: "KMS host key" })).toHaveCount(
    0,
  );
  // Office and AVMA keys are not activated by these hosts: their rows say nothing of them.
  await page.goto("/office/");
  await expect(page.locator("small", { hasText: "KMS host key" })).toHaveCount(0);
});

for (const query of [
  "can my windows server 2019 kms host activate windows server 2025",
  "2016 host 2025",
  "host key for windows 11",
  "2019 csvlk",
  "office 2019 kms host",
  "windows 11 home host key",
]) {
  test(`the search box answers “${query}” from the tables`, async ({ page }) => {
    await page.goto("/");
    await askSearch(page, query);
    const expected = answerHostQuestion(data, readHostQuestion(query, data.versions, groups));
    const status = panel(page).locator("[data-status]");
    await expect(status.locator("p").first()).toHaveText(expected.summary);
    await expect(status.locator("li")).toHaveText(expected.points);
    await expect(status.getByRole("link", { name: "KMS host keys" })).toHaveAttribute(
      "href",
      expected.anchor === "" ? "/kms-hosts/" : `/kms-hosts/#${expected.anchor}`,
    );
    // No key is offered for a host question: host keys are not published.
    await expect(panel(page).locator("[data-key]")).toHaveCount(0);
  });
}

test("keys and error messages still come first when a host is named among other words", async ({
  page,
}) => {
  await page.goto("/");
  await askSearch(page, "windows server 2022 datacenter");
  await expect(panel(page).locator("[data-key]").first()).toHaveText(
    "WX4NM-KYWYW-QJJR4-XV3QB-6VM33",
  );
  // An error message that names the host is an error message, not a question about hosts.
  await askSearch(page, "no kms host could be contacted");
  await expect(panel(page).locator("[data-code]").first()).toHaveText("0xC004F074");
  // Nothing is fetched for the host tables until a host is asked about.
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await askSearch(page, "windows server 2019 standard");
  await askSearch(page, "no kms host could be contacted");
  expect(fetched).not.toContain("/kms-hosts.json");
  await askSearch(page, "2019 host 2025");
  expect(fetched).toContain("/kms-hosts.json");
});
