/**
 * After `stryker run`: the mutation score of each file of src/lib, and a failure when any file
 * that holds logic scores under the bar. Stryker's own `break` threshold judges the total
 * only, so one well-tested module could hide an untested one. `--survivors` lists what lived.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";

const BAR = 85;
const REPORT = "node_modules/.stryker/report.json";

interface Mutant {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number } };
}
const report = JSON.parse(readFileSync(REPORT, "utf8")) as {
  files: Record<string, { mutants: Mutant[] }>;
};

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);
const rows = Object.entries(report.files)
  .map(([file, { mutants }]) => {
    const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
    const missed = mutants.filter((m) => UNDETECTED.has(m.status));
    const total = detected + missed.length;
    return {
      file: relative("src/lib", file),
      detected,
      missed,
      score: total && (100 * detected) / total,
      total,
    };
  })
  .sort((a, b) => a.file.localeCompare(b.file));

console.log(`\nMutation score per file of src/lib (bar: ${BAR} %)`);
for (const { file, detected, score, total } of rows) {
  const shown = total === 0 ? "   n/a" : `${score.toFixed(1).padStart(5)} %`;
  console.log(`  ${file.padEnd(28)} ${shown}  ${detected}/${total} detected`);
}
if (process.argv.includes("--survivors")) {
  for (const { file, missed } of rows) {
    for (const m of missed) {
      console.log(
        `  ${file}:${m.location.start.line} ${m.status} ${m.mutatorName} → ${m.replacement ?? ""}`,
      );
    }
  }
}
const below = rows.filter(({ total, score }) => total > 0 && score < BAR);
if (below.length > 0) {
  console.error(
    `\nUnder ${BAR} %: ${below.map(({ file, score }) => `${file} (${score.toFixed(1)} %)`).join(", ")}`,
  );
  process.exit(1);
}
console.log(`\nEvery file with mutants scores ${BAR} % or more.`);
