/** The unit tests as mutation testing runs them: without the ones that spawn Astro on a project copy. */
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../vitest.config";

export default mergeConfig(
  base,
  defineConfig({ test: { exclude: ["tests/unit/badContentBuild.test.ts"] } }),
);
