/** The status outputs the tests paste: Microsoft's published samples and this project's own set. */
import { readFileSync, readdirSync } from "node:fs";

const DIR = new URL("../fixtures/status/", import.meta.url);

/** The code blocks of status-output-samples.md, in the file's order. */
export function microsoftSamples(): string[] {
  const text = readFileSync(new URL("status-output-samples.md", DIR), "utf8");
  return [...text.matchAll(/```\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
}

/** Microsoft's first sample: a Windows 7 KMS client in notification, `slmgr /dlv`. */
export function windows7Sample(): string {
  return microsoftSamples()[0] ?? "";
}

/** One of this project's samples, by file name. */
export function ownSample(name: string): string {
  return readFileSync(new URL(name, DIR), "utf8");
}

/** Every file of this project's set. */
export function ownSampleNames(): string[] {
  return readdirSync(DIR).filter((name) => name.endsWith(".txt"));
}
