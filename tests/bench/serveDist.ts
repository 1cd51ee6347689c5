/** Benchmarks serve the built site as a host would: tests/helpers/staticServer.ts, gzip on. */
import { serveStatic } from "../helpers/staticServer";

export function serveDist(port: number) {
  return serveStatic([{ base: "/", dir: "dist" }], port);
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}
