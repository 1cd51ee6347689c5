/**
 * The search box's answer to a question about KMS hosts ("2019 host 2025"), from
 * /kms-hosts.json. Loaded with such a question only, so a first search of words loads none of it.
 */
import type { HostKeys } from "../lib/kmsHosts/hostKeySchema";
import {
  answerHostQuestion,
  readHostQuestion,
  type HostQuestion,
} from "../lib/kmsHosts/hostQuestion";
import { line } from "./searchView";

/** The question as the tables read it: the first table's (today the only one: Windows). */
export function readQuestion(value: string, tables: readonly HostKeys[]): HostQuestion | undefined {
  const [table] = tables;
  if (table === undefined) return undefined;
  return readHostQuestion(
    value,
    table.versions,
    table.hostKeys.map(({ group }) => group),
  );
}

/** The verdict (what is announced), its points, and the host-key page's answer to the same question. */
export function hostAnswerLines(
  question: HostQuestion,
  tables: readonly HostKeys[],
  pageUrl: string,
): Node[] {
  const [table] = tables;
  if (table === undefined) return [];
  const { summary, points, anchor } = answerHostQuestion(table, question);
  const list = document.createElement("ul");
  list.className = "list-disc pl-5";
  list.append(
    ...points.map((point) => {
      const item = document.createElement("li");
      item.textContent = point;
      return item;
    }),
  );
  const link = Object.assign(document.createElement("a"), {
    href: anchor === "" ? pageUrl : `${pageUrl}#${anchor}`,
  });
  link.textContent = "KMS host keys";
  return [line(summary), list, line("From Microsoft's tables, on the page ", link, ".")];
}
