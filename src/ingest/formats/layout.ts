/**
 * Text placed on pages (a PDF's text layer, an OFD's text objects) → the lines the parser
 * reads. Pieces on one baseline make a line, left to right; page furniture (page numbers
 * — 1 —, -1-, 第1页 共5页, a head or footer repeated on most pages) is chrome; lines the
 * layout wrapped are joined into their paragraph — a paragraph ends where the layout says
 * so (the next line indented, this one short of the margin, a centred line, another font
 * size), so a clause that crosses a page is one line. Radical code points some CJK fonts
 * map characters to (⽣ for 生) are folded and counted.
 */
import type { SourceFormat } from "../../model/circular.ts";
import { foldRadicals } from "../../text/normalize.ts";
import { LineSink, type Extracted } from "./extracted.ts";

/** A run of text at a position: x to the right, y downwards, in the page's units. */
export interface Piece {
  x: number;
  y: number;
  /** Advance width of the whole run. */
  w: number;
  size: number;
  text: string;
}

interface Line {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/** A page number as printed: - 3 -, 第3页（共5页）, 3/5, 3, －三－. */
const PAGE_NUMBER_FORMS = [
  String.raw`[-—–－]\s*\d+\s*[-—–－]`,
  String.raw`第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?`,
  String.raw`\d+\s*\/\s*\d+`,
  String.raw`\d{1,4}`,
  String.raw`[-—–－]\s*[一二三四五六七八九十百]+\s*[-—–－]`,
];
const PAGE_NUMBER = new RegExp(`^(${PAGE_NUMBER_FORMS.join("|")})$`);

/** One page's pieces → its lines, top to bottom. */
export function pageLines(pieces: Piece[]): Line[] {
  const sorted = pieces.filter((p) => p.text.trim() !== "").sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Piece[][] = [];
  for (const p of sorted) {
    const g = groups.find((g) => Math.abs(g[0]!.y - p.y) <= Math.max(g[0]!.size, p.size) * 0.4);
    if (g) g.push(p);
    else groups.push([p]);
  }
  return groups
    .map((parts) => {
      parts.sort((a, b) => a.x - b.x);
      let text = "";
      let end = -Infinity;
      for (const p of parts) {
        // A gap wider than a character is a space (spaced-out headings: 总    则).
        if (text && p.x - end > p.size * 0.9) text += " ";
        text += p.text;
        end = p.x + p.w;
      }
      return {
        x0: parts[0]!.x,
        x1: Math.max(...parts.map((p) => p.x + p.w)),
        y: parts[0]!.y,
        size: Math.max(...parts.map((p) => p.size)),
        text: text.trim(),
      };
    })
    .sort((a, b) => a.y - b.y);
}

/** Page numbers at a page's edge, and heads or footers repeated on most pages. */
function furniture(pages: Line[][]): Set<Line> {
  const out = new Set<Line>();
  const key = (l: Line) => `${Math.round(l.y / 4)}|${l.text.replace(/\d+/g, "#")}`;
  const counts = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(lines.map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const lines of pages) {
    const edge = new Set([lines[0], lines[1], lines.at(-1), lines.at(-2)]);
    for (const l of lines) {
      if (!edge.has(l)) continue;
      const repeated = pages.length >= 3 && counts.get(key(l))! >= Math.ceil(pages.length / 2);
      if (PAGE_NUMBER.test(l.text.replace(/\s+/g, " ").trim()) || repeated) out.add(l);
    }
  }
  return out;
}

const mode = (xs: number[]) => {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
};

/** The pages' lines as paragraphs, furniture as chrome. */
export function paragraphs(pages: Line[][], format: SourceFormat, encoding: string): Extracted {
  const all = pages.flat();
  const skip = furniture(pages);
  const body = all.filter((l) => !skip.has(l));
  const left = mode(body.map((l) => l.x0));
  const size = mode(body.map((l) => l.size)) || 12;
  const right = [...body.map((l) => l.x1)].sort((a, b) => a - b)[Math.floor(body.length * 0.9)] ?? 0;
  const centred = (l: Line) => l.x0 > left + 2 * size && l.x1 < right - 2 * size;
  /** `next` goes on with the paragraph `prev` ends: prev runs to the margin, next is not indented. */
  const continues = (prev: Line, next: Line) =>
    prev.x1 >= right - 1.5 * size &&
    next.x0 < left + size &&
    !centred(prev) &&
    !centred(next) &&
    Math.abs(prev.size - next.size) < 1;

  const sink = new LineSink();
  let radicals = 0;
  const fold = (t: string) => {
    const folded = foldRadicals(t);
    radicals += folded.count;
    return folded.text;
  };
  let last: Line | null = null;
  let text = "";
  // Page furniture met inside a paragraph waits until the paragraph is written: it does not end it.
  let furnitureWaiting: string[] = [];
  const flush = () => {
    if (last) sink.push(fold(text));
    for (const f of furnitureWaiting) sink.push(fold(f), true);
    last = null;
    text = "";
    furnitureWaiting = [];
  };
  for (const line of all) {
    if (skip.has(line)) {
      if (last) furnitureWaiting.push(line.text);
      else sink.push(fold(line.text), true);
    } else if (last && continues(last, line)) {
      text += line.text;
      last = line;
    } else {
      flush();
      last = line;
      text = line.text;
    }
  }
  flush();
  const warnings = radicals
    ? [{ line: null, message: `字体把 ${radicals} 个汉字映射为部首码位（如“⽣”“⺠”），已改为标准汉字` }]
    : [];
  return sink.done(format, encoding, warnings);
}

/** Too little text to be read: a scan. */
export const textLength = (pages: Line[][]) => pages.flat().reduce((n, l) => n + l.text.replace(/\s/g, "").length, 0);
