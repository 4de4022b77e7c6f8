/**
 * The body in reading order as text runs and top-level sections, so a page can show
 * the whole circular (header, preamble, signature, attachment titles) and not only
 * its numbered parts.
 */
import type { Circular, SectionNode } from "./circular.ts";

export type Segment = { kind: "text"; text: string; lines: [number, number] } | { kind: "section"; node: SectionNode };

export function bodySegments(m: Pick<Circular, "body" | "bodyLineNumbers" | "sections">): Segment[] {
  const lines = m.body.split("\n");
  const indexOfSource = new Map(m.bodyLineNumbers.map((src, i) => [src, i]));
  const out: Segment[] = [];
  let next = 0;
  const pushText = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a <= b && lines[a]!.trim() === "") a++;
    while (b >= a && lines[b]!.trim() === "") b--;
    if (a <= b)
      out.push({
        kind: "text",
        text: lines.slice(a, b + 1).join("\n"),
        lines: [m.bodyLineNumbers[a]!, m.bodyLineNumbers[b]!],
      });
  };
  for (const node of m.sections) {
    const start = indexOfSource.get(node.lines[0])!;
    const end = indexOfSource.get(node.lines[1])!;
    pushText(next, start - 1);
    out.push({ kind: "section", node });
    next = end + 1;
  }
  pushText(next, lines.length - 1);
  return out;
}

/**
 * The source text as the parser read it (a file's decoded text, or what its format gave):
 * every line of the body and every whole line of noise at its place, blank lines blank.
 */
export function sourceText(m: Pick<Circular, "body" | "bodyLineNumbers" | "noise">): string {
  const lines: string[] = [];
  m.body.split("\n").forEach((text, i) => (lines[m.bodyLineNumbers[i]! - 1] = text));
  for (const n of m.noise) if (!n.part) lines[n.line - 1] = n.text;
  return Array.from(lines, (l) => l ?? "").join("\n") + "\n";
}
