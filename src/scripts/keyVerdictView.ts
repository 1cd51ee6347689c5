/**
 * What the checker says about a key that is not listed, as DOM nodes built from text only:
 * shared by the /check/ page and the search box, so both give the same answer.
 */
import type { Suspect, Verdict } from "../lib/keys/keyChecker";
import { withBase } from "../site/url";

type UnlistedVerdict = Exclude<Verdict, { kind: "listed" }>;

export function paragraph(text: string, lead?: string): HTMLParagraphElement {
  const p = document.createElement("p");
  if (lead) p.append(Object.assign(document.createElement("strong"), { textContent: lead }), " ");
  p.append(text);
  return p;
}

/** The verdict in a sentence or two, then every listed key the input is close to. */
export function unlistedVerdict(verdict: UnlistedVerdict): Node[] {
  switch (verdict.kind) {
    case "unlisted":
      return [
        paragraph(
          "It is well-formed and its checksum is valid, but it is not one of the keys listed here (the KMS client keys of Windows and Office, and the AVMA keys). It may be a MAK or a retail key; this site cannot tell more.",
          "Not a key we list.",
        ),
        ...suspects(verdict.key, verdict.suspects),
      ];
    case "unlisted-shape-only":
      return [
        paragraph(
          "Keys without an N (the Windows Vista, 7 and Server 2008 format) carry no checksum that can be checked offline, so only their shape can be. This one is well-formed, but it is not one of the keys listed here.",
          "Well-formed, not a key we list.",
        ),
        ...suspects(verdict.key, verdict.suspects),
      ];
    case "checksum-fails":
      return [
        paragraph(
          "The key is well-formed, but its checksum does not match: most likely a character was mistyped.",
          "Checksum fails.",
        ),
        ...(verdict.suspects.length > 0
          ? suspects(verdict.key, verdict.suspects)
          : [paragraph("Re-check each group of five against where you copied it from.")]),
      ];
    case "malformed":
      return [paragraph(verdict.message, "Not a product key.")];
  }
}

/**
 * "Not this key: the closest listed key is ABCDE-…", the characters that differ from what
 * was typed marked, and the same said in words (marks are not read out).
 */
function suspects(typed: string, list: Suspect[]): Node[] {
  return list.map(({ listed, groups, positions }, i) => {
    const p = document.createElement("p");
    p.dataset["suspect"] = "";
    const where = groups.length === 1 ? `group ${groups[0]}` : `groups ${groups.join(" and ")}`;
    const differences = positions
      .map(
        (at) =>
          `group ${Math.floor(at / 6) + 1}, character ${(at % 6) + 1}: yours has “${typed.charAt(at)}”, the listed key “${listed.key.charAt(at)}”`,
      )
      .join("; ");
    const link = Object.assign(document.createElement("a"), { href: withBase(listed.path) });
    link.textContent = "Open its row";
    p.append(
      Object.assign(document.createElement("strong"), {
        textContent: i === 0 ? "Not this key: the closest listed key is" : "Also close:",
      }),
      " ",
      markedKey(listed.key, positions),
      ` (${listed.names.join(" / ")}). Marked: ${differences}. Re-check ${where}. `,
      link,
    );
    return p;
  });
}

/** The key in <code>, each character that differs in <mark>. */
function markedKey(key: string, positions: readonly number[]): HTMLElement {
  const code = document.createElement("code");
  code.className = "whitespace-nowrap";
  let from = 0;
  for (const at of positions) {
    code.append(key.slice(from, at));
    code.append(Object.assign(document.createElement("mark"), { textContent: key.charAt(at) }));
    from = at + 1;
  }
  code.append(key.slice(from));
  return code;
}
