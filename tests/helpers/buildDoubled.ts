/**
 * `tsx tests/helpers/buildDoubled.ts <outDir>`: builds the site from a copy of the project
 * whose content/ holds twice today's keys (syntheticContent.ts), under BASE_PATH=/double/,
 * so that tests/e2e/budgets.spec.ts can prove the page budgets leave room for Microsoft's
 * list to grow.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CONFIRMED, DOUBLED_BASE } from "./deploy";
import { doubleFamilyFile } from "./syntheticContent";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PROJECT = ["astro.config.mjs", "tsconfig.json", "package.json", "src", "content", "public"];
const outDir = resolve(process.argv[2] ?? "dist-double");

const work = mkdtempSync(join(tmpdir(), "kms-doubled-"));
try {
  for (const entry of PROJECT) cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  const content = join(work, "content");
  const files = readdirSync(content).filter((file) => file.endsWith(".md"));
  const taken = new Set(
    files.flatMap((file) =>
      [...readFileSync(join(content, file), "utf8").matchAll(/key: (\S+)/g)].map((m) => m[1] ?? ""),
    ),
  );
  files.forEach((file, i) => {
    const path = join(content, file);
    writeFileSync(path, doubleFamilyFile(readFileSync(path, "utf8"), i + 1, taken));
  });
  // As a run of the weekly watch would leave it: the pages show the date it confirmed them.
  const sourcesFile = join(content, "sources.json");
  const sources = JSON.parse(readFileSync(sourcesFile, "utf8")) as Record<string, object>;
  for (const id of Object.keys(sources)) sources[id] = { ...sources[id], confirmed: CONFIRMED };
  writeFileSync(sourcesFile, JSON.stringify(sources, null, 2));
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--outDir", outDir],
    { cwd: work, stdio: "inherit", env: { ...process.env, BASE_PATH: DOUBLED_BASE } },
  );
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
