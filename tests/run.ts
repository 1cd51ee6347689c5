/**
 * `npm test`: every check, each stage once, stopping at the first failure, then the time of
 * each stage. The sites are built once here and shared by the end-to-end tests.
 */
import { spawnSync } from "node:child_process";
import { BUILD_TEST_SITES, PREBUILT_ENV } from "./helpers/testSites";

const STAGES: [name: string, command: string][] = [
  ["lint", "eslint --max-warnings=0 . && prettier --check ."],
  ["type check", "astro check"],
  ["build", BUILD_TEST_SITES],
  ["unit", "vitest run"],
  ["end-to-end", "playwright test"],
];

const only = process.argv.slice(2);
const timings: [string, number, string][] = [];
let failed = false;
let built = false;
for (const [name, command] of STAGES) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n▶ ${name}: ${command}`);
  const started = performance.now();
  const run = spawnSync(command, {
    shell: true,
    stdio: "inherit",
    env: built ? { ...process.env, [PREBUILT_ENV]: "1" } : process.env,
  });
  const seconds = (performance.now() - started) / 1000;
  const ok = run.status === 0;
  if (ok && name === "build") built = true;
  timings.push([name, seconds, ok ? "ok" : `failed (exit ${run.status ?? run.signal})`]);
  if (!ok) {
    failed = true;
    break;
  }
}

const total = timings.reduce((sum, [, seconds]) => sum + seconds, 0);
console.log("\nnpm test, time per stage:");
for (const [name, seconds, outcome] of timings) {
  console.log(`  ${name.padEnd(20)} ${seconds.toFixed(1).padStart(6)} s  ${outcome}`);
}
console.log(`  ${"total".padEnd(20)} ${total.toFixed(1).padStart(6)} s`);
process.exit(failed ? 1 : 0);
