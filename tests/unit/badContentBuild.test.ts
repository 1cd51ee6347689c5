/**
 * Bad content must stop `astro build` with a message that names the file, the edition
 * and the problem. Each case copies content/ to a temporary folder, breaks one thing
 * (derived from the real data, so no key is retyped) and builds it.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CONTENT_DIR, readFamilies } from "../helpers/content";
import { checksumTypo } from "../helpers/keyMutations";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
const workDirs: string[] = [];

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** Builds a copy of content/ after `edit` has changed it; returns the exit code and all output. */
function buildEdited(edit: (contentDir: string) => void) {
  const work = mkdtempSync(join(tmpdir(), "kms-bad-content-"));
  workDirs.push(work);
  const contentDir = join(work, "content");
  cpSync(CONTENT_DIR, contentDir, { recursive: true });
  edit(contentDir);
  const run = spawnSync(process.execPath, [ASTRO, "build"], {
    cwd: ROOT,
    env: { ...process.env, KMS_CONTENT_DIR: contentDir, NO_COLOR: "1", FORCE_COLOR: "0" },
    encoding: "utf8",
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

function replaceInFile(path: string, from: string, to: string) {
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(path, text.replace(from, to));
}

const families = readFamilies();
const rowWithN = families
  .flatMap(({ file, family }) =>
    family.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.map((row) => ({ file, row })))),
  )
  .find(({ row }) => row.key.includes("N"));

describe("astro build", () => {
  it("succeeds on an unchanged copy of content/", () => {
    const { status, output } = buildEdited(() => {});
    expect(status, output).toBe(0);
  });

  it("fails on a checksum typo, naming the file, the edition and the problem", () => {
    if (!rowWithN) throw new Error("no key with an N in content/");
    const { file, row } = rowWithN;
    const { status, output } = buildEdited((dir) =>
      replaceInFile(join(dir, file), row.key, checksumTypo(row.key)),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toContain(`"${row.names[0]}"`);
    expect(output).toContain("fails the product-key checksum");
  });

  it("fails on a key listed in two files, naming both files and editions", () => {
    const [a, b] = families;
    const keyA = a?.family.sections[0]?.groups[0]?.rows[0];
    const keyB = b?.family.sections[0]?.groups[0]?.rows[0];
    if (!a || !b || !keyA || !keyB) throw new Error("need two families with rows");
    const { status, output } = buildEdited((dir) =>
      replaceInFile(join(dir, b.file), keyB.key, keyA.key),
    );
    expect(status).not.toBe(0);
    expect(output).toContain("A key or anchor is listed more than once");
    expect(output).toContain(a.file);
    expect(output).toContain(b.file);
    expect(output).toContain(`"${keyA.names[0]}"`);
    expect(output).toContain(`"${keyB.names[0]}"`);
  });
});
