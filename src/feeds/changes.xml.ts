/** The changes page as an RSS feed, one item per revision of Microsoft's page. */
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { changeLines, summarizeChanges } from "../lib/upstream/changes";
import { escapeHtml } from "../lib/text/html";
import { formatRevision } from "../lib/text/dates";
import { getChanges, revisionAnchor } from "../site/siteChanges";
import { withBase } from "../site/url";

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error("changes.xml needs SITE_URL: a feed's links must be absolute");
  const changes = await getChanges();
  return rss({
    title: "Volume activation client keys: what changed",
    description:
      "Keys added, removed and renamed in each revision of Microsoft's key pages (Windows, Office, AVMA).",
    // The channel links to the changes page. Item links are absolute, so the library
    // leaves them as they are (it would add a trailing slash after the #anchor).
    site: new URL(withBase("changes/"), site).href,
    items: changes.map((change) => {
      const lines = changeLines(change);
      const summary =
        change.previous === undefined
          ? `the first revision of this page that the site publishes, ${change.added.length} keys`
          : summarizeChanges(change);
      return {
        title: `${change.source.title}, ${formatRevision(change.revision)}: ${summary}`,
        link: new URL(`${withBase("changes/")}#${revisionAnchor(change)}`, site).href,
        pubDate: new Date(`${change.revision}T00:00:00Z`),
        // Feed readers render a description as HTML: it carries the text escaped for HTML,
        // which the library escapes again for XML. A name from Microsoft's page stays text.
        description: escapeHtml(change.previous === undefined ? summary : lines.join("\n")),
      };
    }),
  });
};
