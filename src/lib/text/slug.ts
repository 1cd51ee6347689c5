/** Lower-case, hyphen-separated ASCII slug: "Windows Server 2022 Datacenter: Azure Edition" → "windows-server-2022-datacenter-azure-edition". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // "É" is "E" plus an accent: keep the letter
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-") // a run of anything else is one hyphen…
    .replace(/^-|-$/g, ""); // …and none at either end
}

/** What a slug must look like when an author writes one by hand. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
