/**
 * This build's identity, shown on every page and kept by the service worker: when it was
 * built and, where git knows, from which commit. BUILD_DATE and BUILD_REVISION override both
 * (a reproducible build, or tests that build twice).
 */
import { execFileSync } from "node:child_process";

export interface BuildInfo {
  /** ISO date and time of the build. */
  date: string;
  /** The commit built from, abbreviated; empty when unknown. */
  revision: string;
  /** Both in one string: what pages and the service worker compare. */
  id: string;
}

function gitRevision(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

export function buildInfo(env: NodeJS.ProcessEnv = process.env): BuildInfo {
  const date = env["BUILD_DATE"] ?? new Date().toISOString();
  const revision = env["BUILD_REVISION"] ?? gitRevision();
  return { date, revision, id: revision ? `${date} ${revision}` : date };
}
