/**
 * `npm test`: every check, each stage once, stopping at the first failure, then the time of
 * each stage. The sites are built once here and shared by the end-to-end tests.
 *
 * The stages of a step run side by side: lint, the type check and the unit tests read the
 * sources and write nothing the others read (the unit tests that build work in copies of
 * their own), so on two cores they overlap; the build and the end-to-end tests follow alone.
 * Each stage's output is printed whole when it ends, so the log reads stage by stage.
 */
import { spawn } from "node:child_process";
import { BUILD_TEST_SITES, PREBUILT_ENV } from "./helpers/testSites";

type Stage = [name: string, command: string];

const STEPS: Stage[][] = [
  [
    ["lint", "eslint --max-warnings=0 . && prettier --check ."],
    ["type check", "astro check"],
    ["unit", "vitest run"],
  ],
  [["build", BUILD_TEST_SITES]],
  [["end-to-end", "playwright test"]],
];

interface Outcome {
  name: string;
  seconds: number;
  ok: boolean;
  status: string;
}

/** Runs one stage; its output is printed at once when it runs alone, else whole at its end. */
function run([name, command]: Stage, alone: boolean, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const started = performance.now();
  if (alone) console.log(`\n▶ ${name}: ${command}`);
  const child = spawn(command, {
    shell: true,
    stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"],
    env,
  });
  const output: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      if (!alone) {
        console.log(`\n▶ ${name}: ${command}`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve({
        name,
        seconds: (performance.now() - started) / 1000,
        ok: code === 0,
        status: code === 0 ? "ok" : `failed (exit ${code ?? signal})`,
      });
    });
  });
}

const only = process.argv.slice(2);
const outcomes: Outcome[] = [];
const started = performance.now();
let built = false;
for (const step of STEPS) {
  const stages = step.filter(([name]) => only.length === 0 || only.includes(name));
  if (stages.length === 0) continue;
  const env = built ? { ...process.env, [PREBUILT_ENV]: "1" } : process.env;
  const results = await Promise.all(stages.map((stage) => run(stage, stages.length === 1, env)));
  outcomes.push(...results);
  if (results.some((result) => result.name === "build" && result.ok)) built = true;
  if (results.some((result) => !result.ok)) break;
}

const total = (performance.now() - started) / 1000;
console.log("\nnpm test, time per stage (lint, type check and unit side by side):");
for (const { name, seconds, status } of outcomes) {
  console.log(`  ${name.padEnd(20)} ${seconds.toFixed(1).padStart(6)} s  ${status}`);
}
console.log(`  ${"total".padEnd(20)} ${total.toFixed(1).padStart(6)} s`);
process.exit(outcomes.every((outcome) => outcome.ok) ? 0 : 1);
