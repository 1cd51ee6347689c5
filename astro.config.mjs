// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "astro/config";
import { searchIndex } from "./src/integrations/searchIndex";

const env = process.env;

/** Adds /changes.xml (src/feeds/changes.xml.ts). @type {() => import("astro").AstroIntegration} */
const changesFeed = () => ({
  name: "changes-feed",
  hooks: {
    "astro:config:setup": ({ injectRoute }) =>
      injectRoute({ pattern: "/changes.xml", entrypoint: "./src/feeds/changes.xml.ts" }),
  },
});

export default defineConfig({
  // Absolute URLs (canonical, sitemap) and the deploy sub-path come from the environment.
  // Without SITE_URL there are none: a build must never publish a development origin.
  ...(env["SITE_URL"] ? { site: env["SITE_URL"] } : {}),
  base: env["BASE_PATH"] ?? "/",
  trailingSlash: "always",
  integrations: [
    mdx(),
    ...(env["SITE_URL"] ? [sitemap({ filter: (page) => !page.includes("/404") })] : []),
    searchIndex(),
    // Like the sitemap, the feed of changes needs absolute URLs, so only with SITE_URL.
    ...(env["SITE_URL"] ? [changesFeed()] : []),
  ],
  // Every stylesheet as a file: the Content-Security-Policy allows no inline style.
  build: { inlineStylesheets: "never" },
  vite: { plugins: [tailwindcss()] },
  server: { port: 4321 },
});
