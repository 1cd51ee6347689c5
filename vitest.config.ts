import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // The bad-content tests run `astro sync` on a copy of the project: a few seconds each.
    testTimeout: 120_000,
  },
});
