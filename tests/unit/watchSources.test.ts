/**
 * `npm run source:watch`, with local copies of Microsoft's pages standing in for the internet
 * (this machine has none): unchanged pages are confirmed with the run's date in
 * content/sources.json; a changed page fails the run with its differences and keeps its date.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { readSources, SOURCES } from "../../src/lib/upstream/sources";
import { CONTENT_DIR } from "../helpers/content";
import { sourcePageFiles } from "../helpers/sourceFixtures";

const run = promisify(execFile);
const temp = mkdtempSync(join(tmpdir(), "kms-watch-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of content/ and, as Microsoft would serve them, each page's newest fixture. */
function setUp(name: string, edit?: { id: string; from: string; to: string }) {
  const dir = join(temp, name);
  cpSync(CONTENT_DIR, join(dir, "content"), { recursive: true });
  for (const { id } of SOURCES) {
    let text = readFileSync(sourcePageFiles(id).at(-1) ?? "", "utf8");
    if (edit?.id === id) {
      expect(text).toContain(edit.from);
      text = text.replace(edit.from, edit.to);
    }
    writeFileSync(join(dir, `${id}.md`), text);
  }
  return dir;
}

async function watch(dir: string, today: string) {
  const args = ["src/cli/watchSources.ts", "--from", dir, "--content", join(dir, "content")];
  try {
    const { stdout } = await run("node_modules/.bin/tsx", [
      ...args,
      "--today",
      today,
      "--save",
      join(dir, "saved"),
    ]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const confirmedIn = (dir: string) =>
  Object.fromEntries(
    readSources(JSON.parse(readFileSync(join(dir, "content", "sources.json"), "utf8"))).map((s) => [
      s.id,
      s.confirmed,
    ]),
  );

describe("npm run source:watch", () => {
  it("confirms every unchanged page with the run's date, the AVMA page's shared keys included", async () => {
    const dir = setUp("unchanged");
    const { code, out } = await watch(dir, "2026-11-30");
    expect(out).toContain("automatic-vm-activation: unchanged since its 2023-09-19 revision");
    expect(code).toBe(0);
    expect(confirmedIn(dir)).toEqual(Object.fromEntries(SOURCES.map((s) => [s.id, "2026-11-30"])));
  });

  it("fails on a changed page, names what changed, saves it, and keeps its date", async () => {
    const dir = setUp("changed", {
      id: "office-gvlks",
      from: "ms.date: 09/18/2024",
      to: "ms.date: 03/02/2026",
    });
    const { code, out } = await watch(dir, "2026-12-07");
    expect(code).toBe(1);
    expect(out).toContain(
      "office-gvlks: CHANGED. Microsoft's page is now the 2026-03-02 revision; content/ holds 2024-09-18.",
    );
    expect(readdirSync(join(dir, "saved"))).toEqual(["office-gvlks.2026-03-02.md"]);
    const confirmed = confirmedIn(dir);
    expect(confirmed["office-gvlks"]).toBeUndefined();
    expect(confirmed["kms-client-activation-keys"]).toBe("2026-12-07");
  });

  it("lists a changed key as added and removed", async () => {
    const dir = setUp("key", {
      id: "automatic-vm-activation",
      from: "DBGBW-NPF86-BJVTX-K3WKJ-MTB6V",
      to: "DBGBW-NPF86-BJVTX-K3WKJ-MTB6X",
    });
    const { code, out } = await watch(dir, "2026-12-07");
    expect(code).toBe(1);
    expect(out).toContain(
      '+ DBGBW-NPF86-BJVTX-K3WKJ-MTB6X "Windows Server 2012 R2 Standard" in avma.md',
    );
    expect(out).toContain('- DBGBW-NPF86-BJVTX-K3WKJ-MTB6V "Windows Server 2012 R2 Standard"');
  });

  it("says which page it could not read, and exits 2", async () => {
    const dir = setUp("unreadable");
    rmSync(join(dir, "automatic-vm-activation.md"));
    const { code, out } = await watch(dir, "2026-12-07");
    expect(code).toBe(2);
    expect(out).toContain("automatic-vm-activation: could not be read");
    expect(confirmedIn(dir)["office-gvlks"]).toBe("2026-12-07");
  });
});
