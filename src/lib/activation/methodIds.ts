/**
 * The activation methods' ids, in the site's order: the order a family's `method` is checked
 * against, and the order search ranks rows in when they answer equally ("2019 std" gives
 * Windows Server before Office's "Access 2019"). Apart from methods.ts, which lists its methods
 * in this order (tests/unit/methods.test.ts holds it to it), so that the search box ranks
 * without loading every method, and a page that loads methods.ts loads no chunk for this.
 */
export const METHOD_IDS: readonly string[] = ["windows-kms", "office-kms", "avma"];
