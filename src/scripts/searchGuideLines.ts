/**
 * The search box's answers from the guide pages' data, for a search that found no key: a
 * question about KMS hosts ("2019 host 2025", from /kms-hosts.json) or about converting an
 * edition ("pro to enterprise", from /conversions.json). Loaded with such a question only.
 */
import type { HostKeys } from "../lib/kmsHosts/hostKeySchema";
import { answerHostQuestion, readHostQuestion } from "../lib/kmsHosts/hostQuestion";
import { answerConversion, type Conversions } from "../lib/conversions/conversionQuestion";
import { line } from "./searchView";

interface GuideAnswer {
  summary: string;
  points: string[];
  anchor: string;
}

/** A host question's answer from the first table (today the only one: Windows), or none. */
export function hostLines(value: string, tables: readonly HostKeys[], pageUrl: string): Node[] {
  const [table] = tables;
  if (table === undefined) return [];
  const groups = table.hostKeys.map(({ group }) => group);
  const answer = answerHostQuestion(table, readHostQuestion(value, table.versions, groups));
  return guideLines(answer, pageUrl, "KMS host keys");
}

/** A conversion question's answer, or none when the tables don't speak to it. */
export function conversionLines(value: string, data: Conversions, pageUrl: string): Node[] {
  const answer = answerConversion(value, data);
  return answer === undefined ? [] : guideLines(answer, pageUrl, "Convert an edition");
}

/** The verdict (what is announced), its points, and the page's section that says more. */
function guideLines(
  { summary, points, anchor }: GuideAnswer,
  pageUrl: string,
  page: string,
): Node[] {
  const list = document.createElement("ul");
  list.className = "list-disc pl-5";
  list.append(
    ...points.map((point) => Object.assign(document.createElement("li"), { textContent: point })),
  );
  const link = Object.assign(document.createElement("a"), {
    href: anchor === "" ? pageUrl : `${pageUrl}#${anchor}`,
    textContent: page,
  });
  return [line(summary), list, line("From Microsoft's tables, on the page ", link, ".")];
}
