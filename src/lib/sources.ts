/** The Microsoft Learn page every key on this site is taken from. */
export const SOURCE_PAGE = {
  title: "Key Management Services (KMS) client activation and product keys",
  url: "https://learn.microsoft.com/windows-server/get-started/kms-client-activation-keys",
} as const;

/** Revisions of that page that the site publishes, oldest first (ISO dates of `ms.date`). */
export const REVISIONS = ["2023-09-05", "2024-10-01"] as const;

export type Revision = (typeof REVISIONS)[number];

/** An ISO date as "1 October 2024": unambiguous for readers on either side of the Atlantic. */
export function formatRevision(revision: string): string {
  return new Date(`${revision}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
