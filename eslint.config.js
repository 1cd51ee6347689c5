// @ts-check
import js from "@eslint/js";
import astro from "eslint-plugin-astro";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "dist/",
      "dist-subpath/",
      "dist-double/",
      ".astro/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  astro.configs.recommended,
  {
    languageOptions: {
      // __KMS_BUILD__: this build's identity, defined by astro.config.mjs (src/build.d.ts).
      globals: { ...globals.browser, ...globals.node, __KMS_BUILD__: "readonly" },
    },
  },
);
