/**
 * Numbered parts, named in one place: (kind, number) → the label as official text writes
 * it, the segment of a part's path, its anchor, and the citation of a part or document
 * (GB/T 15834: a title mark inside a title mark is written 〈〉).
 */
import { toChineseNumeral } from "../text/chars.ts";
import type { CircularMeta, Clause, LabelKind } from "./circular.ts";

/** The normalised label: 二、 （三） 5. 第五条. */
export function canonicalLabel(kind: LabelKind, n: number): string {
  switch (kind) {
    case "part":
      return `第${toChineseNumeral(n)}编`;
    case "chapter":
      return `第${toChineseNumeral(n)}章`;
    case "subchapter":
      return `第${toChineseNumeral(n)}节`;
    case "article":
      return `第${toChineseNumeral(n)}条`;
    case "cnItem":
      return `${toChineseNumeral(n)}、`;
    case "cnParen":
      return `（${toChineseNumeral(n)}）`;
    case "num":
      return `${n}.`;
    case "numParen":
      return `（${n}）`;
    case "circled":
      return String.fromCharCode(0x2460 + n - 1);
  }
}

/** Path segment: 二 （三） 5 第五条 — the label without its trailing punctuation. */
export function pathSegment(kind: LabelKind, n: number): string {
  return canonicalLabel(kind, n).replace(/[、.]$/, "");
}

/** A part's path from its own and its ancestors' (kind, number), outermost first: "二.（三）.5". */
export function partPath(parts: ReadonlyArray<{ kind: LabelKind; number: number }>): string {
  return parts.map((p) => pathSegment(p.kind, p.number)).join(".");
}

/** Anchor segment: URL-safe and stable. Articles are numbered through the whole document. */
export function anchorSegment(kind: LabelKind, n: number): string {
  switch (kind) {
    case "part":
      return `pt${n}`;
    case "chapter":
      return `ch${n}`;
    case "subchapter":
      return `sec${n}`;
    case "article":
      return `art${n}`;
    default:
      return String(n);
  }
}

/** "二.（三）.5" → "二、（三）5." — each segment written as a label. */
export function citationLabel(path: string): string {
  return path
    .split(".")
    .map((seg) => (/^[一二三四五六七八九十百零〇两]+$/.test(seg) ? `${seg}、` : /^\d+$/.test(seg) ? `${seg}.` : seg))
    .join("");
}

/** A title inside 《》: title marks in it become 〈〉, as a quotation inside a quotation. */
export function titleMarked(title: string): string {
  return `《${title.replace(/《/g, "〈").replace(/》/g, "〉")}》`;
}

/** The standard citation: 《标题》（文号）二、（三）. */
export function citationText(doc: Pick<CircularMeta, "title" | "docNumber">, clause?: Pick<Clause, "path">): string {
  const head = `${titleMarked(doc.title)}${doc.docNumber ? `（${doc.docNumber}）` : ""}`;
  return clause ? head + citationLabel(clause.path) : head;
}
