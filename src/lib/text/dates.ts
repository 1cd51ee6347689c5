/** Dates as the site writes them: unambiguous on either side of the Atlantic, in UTC. */

/** An ISO date as "1 October 2024": unambiguous for readers on either side of the Atlantic. */
export function formatRevision(revision: string): string {
  return new Date(`${revision}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** A build's time as "30 November 2026, 13:45 UTC": which copy of the site a page is. */
export function formatBuildDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = formatRevision(date.toISOString().slice(0, 10));
  return `${day}, ${date.toISOString().slice(11, 16)} UTC`;
}
