/** The standard Chinese citation of a clause: 《标题》（文号）二、（三） */
import type { Circular, Clause } from "../model/circular.ts";

/** "二.（三）.5" → "二、（三）5." — each segment written as a label. */
export function citationLabel(path: string): string {
  return path
    .split(".")
    .map((seg) => (/^[一二三四五六七八九十百零〇两]+$/.test(seg) ? `${seg}、` : /^\d+$/.test(seg) ? `${seg}.` : seg))
    .join("");
}

export function citationText(doc: Pick<Circular, "title" | "docNumber">, clause?: Pick<Clause, "path">): string {
  const head = `《${doc.title}》${doc.docNumber ? `（${doc.docNumber}）` : ""}`;
  return clause ? head + citationLabel(clause.path) : head;
}
