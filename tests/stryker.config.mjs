// @ts-check
/**
 * Mutation testing of src/lib (`npm run test:mutation`; .ci/run runs it after `npm test`):
 * Stryker changes the code one small way at a time and the unit tests must notice. Below 85 %
 * it fails. Incremental: mutants whose code and tests did not change since the committed
 * report (tests/mutation/incremental.json) keep their result, so CI reruns only what changed.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  // Every unit test may cover any module: let coverage analysis, not file names, pick the tests.
  vitest: { configFile: "tests/vitest.mutation.config.ts", related: false },
  mutate: ["src/lib/**/*.ts"],
  coverageAnalysis: "perTest",
  // Module-level constants (word lists, regexes) are "static": each such mutant reruns every
  // test (89% of the time for 32% of mutants). They are left out of the score, and said so.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: "tests/mutation/incremental.json",
  concurrency: 2,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "node_modules/.stryker/report.html" },
  jsonReporter: { fileName: "node_modules/.stryker/report.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  tempDirName: "node_modules/.stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 85, break: 85 },
};
