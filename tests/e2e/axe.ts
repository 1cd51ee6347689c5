/** axe-core in the end-to-end tests: one set of rules for every page and state. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe's findings on the page as it is now. `colours` checks only what a colour scheme can
 * change (contrast): the page's structure, names and roles are the same in both themes, and
 * were checked in the first.
 */
export async function violations(
  page: Page,
  colours = false,
  exclude: string[] = [],
): Promise<string[]> {
  const axe = exclude.reduce(
    (builder, selector) => builder.exclude(selector),
    new AxeBuilder({ page }),
  );
  const results = await (
    colours
      ? axe.withRules(["color-contrast", "link-in-text-block"])
      : axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
  ).analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
}
