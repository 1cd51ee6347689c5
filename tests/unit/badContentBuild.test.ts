/**
 * Bad content must stop the build with a message that names the file, the edition and the
 * problem. Each case copies the project (its own config, src/ and content/) to a temporary
 * folder, breaks one thing (derived from the real data, so no key is retyped) and runs
 * `astro sync` there: the content collection is loaded and validated exactly as `astro build`
 * loads it, without building the pages (the real build is npm test's "build" stage).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { familyRows } from "../../src/lib/keys/familySchema";
import { readFamilies } from "../helpers/content";
import { checksumTypo } from "../helpers/keyMutations";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PROJECT = ["astro.config.mjs", "tsconfig.json", "package.json", "src", "content"];
const workDirs: string[] = [];

afterAll(() => {
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** Loads a copy of the project after `edit` has changed its content/; returns the exit code and all output. */
function syncEdited(edit: (contentDir: string) => void) {
  const work = mkdtempSync(join(tmpdir(), "kms-bad-content-"));
  workDirs.push(work);
  for (const entry of PROJECT) cpSync(join(ROOT, entry), join(work, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "dir");
  edit(join(work, "content"));
  const run = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/astro/bin/astro.mjs"), "sync"],
    {
      cwd: work,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      encoding: "utf8",
    },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

function replaceInFile(path: string, from: string, to: string) {
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(path, text.replace(from, to));
}

const families = readFamilies();
const rowWithN = families
  .flatMap(({ file, family }) => familyRows(family).map(({ row }) => ({ file, row })))
  .find(({ row }) => row.key.includes("N"));

describe("loading content/ (as astro build does)", () => {
  it("fails on a checksum typo, naming the file, the edition and the problem", () => {
    if (!rowWithN) throw new Error("no key with an N in content/");
    const { file, row } = rowWithN;
    const { status, output } = syncEdited((dir) =>
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
    const { status, output } = syncEdited((dir) =>
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

describe("loading content/errors (as astro build does)", () => {
  it("fails on a code in another spelling, naming the file and the problem", () => {
    const { status, output } = syncEdited((dir) =>
      replaceInFile(
        join(dir, "errors", "0xC004F074.mdx"),
        'code: "0xC004F074"',
        'code: "0xc004f074"',
      ),
    );
    expect(status).not.toBe(0);
    expect(output).toContain("0xC004F074.mdx");
    expect(output).toContain("must be written 0x and eight upper-case hex digits");
  });

  it("fails on a code listed twice, naming both files", () => {
    const { status, output } = syncEdited((dir) => {
      const text = readFileSync(join(dir, "errors", "0xC004F038.mdx"), "utf8");
      writeFileSync(join(dir, "errors", "0xC004F039.mdx"), text);
    });
    expect(status).not.toBe(0);
    expect(output).toContain("0xC004F039.mdx: 0xC004F038 is already listed in");
    expect(output).toContain("0xC004F038.mdx");
  });
});
