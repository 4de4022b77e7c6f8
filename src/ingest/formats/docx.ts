/**
 * A Word file (.docx) → lines, read from its OOXML. Items numbered by Word's own list
 * numbering carry no "1." in their text: each label is rebuilt from the numbering
 * definitions (numId → abstractNum, the level's format and text, counters that continue
 * across the document and restart where Word restarts them), so they are clauses exactly
 * as in a typed text. A table row is one line with its cells between " | "; headers and
 * footers are chrome.
 */
import { toChineseNumeral } from "../../text/chars.ts";
import { LineSink, type ExtractResult } from "./extracted.ts";
import { attr, child, childrenNamed, descendants, local, parseXml, type XmlNode } from "./xml.ts";
import { entryText, readZip } from "./zip.ts";

interface Level {
  start: number;
  format: string;
  text: string;
  /** Restart after this (1-based) level is used; 0 never; undefined: after any shallower level. */
  restart: number | undefined;
}

interface Numbering {
  /** numId → abstractNumId and its start overrides by level. */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
}

function readNumbering(xml: string | null): Numbering {
  const nums: Numbering["nums"] = new Map();
  const abstracts: Numbering["abstracts"] = new Map();
  if (!xml) return { nums, abstracts };
  const root = descendants(parseXml(xml), "numbering")[0];
  if (!root) return { nums, abstracts };
  for (const a of childrenNamed(root, "abstractNum")) {
    const levels = new Map<number, Level>();
    for (const lvl of childrenNamed(a, "lvl")) {
      const val = (name: string) => {
        const c = child(lvl, name);
        return c ? attr(c, "val") : undefined;
      };
      const restart = val("lvlRestart");
      levels.set(Number(attr(lvl, "ilvl") ?? 0), {
        start: Number(val("start") ?? 1),
        format: val("numFmt") ?? "decimal",
        text: val("lvlText") ?? "",
        restart: restart === undefined ? undefined : Number(restart),
      });
    }
    abstracts.set(attr(a, "abstractNumId") ?? "", levels);
  }
  for (const n of childrenNamed(root, "num")) {
    const starts = new Map<number, number>();
    for (const o of childrenNamed(n, "lvlOverride")) {
      const s = child(o, "startOverride");
      if (s) starts.set(Number(attr(o, "ilvl") ?? 0), Number(attr(s, "val") ?? 1));
    }
    nums.set(attr(n, "numId") ?? "", { abstract: attr(child(n, "abstractNumId")!, "val") ?? "", starts });
  }
  return { nums, abstracts };
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const GAN = "甲乙丙丁戊己庚辛壬癸";

/** One counter value in a level's number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "taiwaneseCounting":
    case "japaneseCounting":
      return toChineseNumeral(n);
    case "ideographTraditional":
      return GAN[(n - 1) % 10]!;
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return CIRCLED[n - 1] ?? String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "upperLetter":
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case "lowerLetter":
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    case "upperRoman":
    case "lowerRoman": {
      const romans: Array<[number, string]> = [
        [1000, "M"],
        [900, "CM"],
        [500, "D"],
        [400, "CD"],
        [100, "C"],
        [90, "XC"],
        [50, "L"],
        [40, "XL"],
        [10, "X"],
        [9, "IX"],
        [5, "V"],
        [4, "IV"],
        [1, "I"],
      ];
      let r = "";
      for (let v = n, i = 0; v > 0;)
        if (v >= romans[i]![0]) {
          r += romans[i]![1];
          v -= romans[i]![0];
        } else i++;
      return format === "lowerRoman" ? r.toLowerCase() : r;
    }
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
}

/** Counters of Word's lists, kept per abstract numbering as Word keeps them. */
class ListCounters {
  private readonly counters = new Map<string, number[]>();
  private readonly seenNums = new Set<string>();
  private readonly numbering: Numbering;
  constructor(numbering: Numbering) {
    this.numbering = numbering;
  }

  /** The label of the next item at (numId, ilvl), or null when it has none. */
  next(numId: string, ilvl: number): string | null {
    const num = this.numbering.nums.get(numId);
    const levels = num && this.numbering.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return null;
    const counts = this.counters.get(num.abstract) ?? [];
    this.counters.set(num.abstract, counts);
    // A list instance that overrides its start restarts the count where it first appears.
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [l, start] of num.starts) counts[l] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // Deeper levels start again, unless a level says it restarts only after a shallower one.
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levels.get(deeper)?.restart;
      if (restart === 0 || (restart !== undefined && restart - 1 < ilvl)) continue;
      counts[deeper] = (levels.get(deeper)?.start ?? 1) - 1;
    }
    if (level.format === "bullet" || level.format === "none") return "";
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const l = Number(k) - 1;
      const lv = levels.get(l);
      return formatNumber(counts[l] ?? lv?.start ?? 1, lv?.format ?? "decimal");
    });
  }
}

/** A paragraph's numbering: its own numPr, or its style's (and the style's base styles'). */
function numberingOf(
  p: XmlNode,
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>,
): { numId: string; ilvl: number } | null {
  const pPr = child(p, "pPr");
  const numPr = pPr && child(pPr, "numPr");
  if (numPr) {
    const numId = attr(child(numPr, "numId") ?? numPr, "val");
    const ilvl = Number(attr(child(numPr, "ilvl") ?? numPr, "val") ?? 0);
    return numId && numId !== "0" ? { numId, ilvl } : null;
  }
  let styleId = pPr && child(pPr, "pStyle") ? attr(child(pPr, "pStyle")!, "val") : undefined;
  for (let hops = 0; styleId && hops < 10; hops++) {
    const s = styles.get(styleId);
    if (s?.numId) return s.numId === "0" ? null : { numId: s.numId, ilvl: s.ilvl ?? 0 };
    styleId = s?.basedOn;
  }
  return null;
}

function readStyles(xml: string | null): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
  const out = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (!xml) return out;
  for (const s of descendants(parseXml(xml), "style")) {
    const pPr = child(s, "pPr");
    const numPr = pPr && child(pPr, "numPr");
    const basedOn = child(s, "basedOn");
    out.set(attr(s, "styleId") ?? "", {
      numId: numPr && child(numPr, "numId") ? attr(child(numPr, "numId")!, "val") : undefined,
      ilvl: numPr && child(numPr, "ilvl") ? Number(attr(child(numPr, "ilvl")!, "val")) : undefined,
      basedOn: basedOn ? attr(basedOn, "val") : undefined,
    });
  }
  return out;
}

/** The text of a paragraph's runs: w:t, tabs and breaks; deleted text (tracked changes) left out. */
function runText(p: XmlNode): string {
  let out = "";
  const walk = (n: XmlNode) => {
    const name = local(n);
    // Text boxes are read as paragraphs of their own.
    if (
      name === "del" ||
      name === "Fallback" ||
      name === "instrText" ||
      name === "pPr" ||
      name === "rPr" ||
      name === "txbxContent"
    )
      return;
    if (name === "t") out += n.children.map((c) => c.text).join("");
    else if (name === "tab") out += "\t";
    else if (name === "br" || name === "cr") out += "\n";
    else n.children.forEach(walk);
  };
  p.children.forEach(walk);
  return out;
}

export function extractDocx(bytes: Uint8Array): ExtractResult {
  const zip = readZip(
    bytes,
    (name) =>
      /^word\/(document|numbering|styles|header\d*|footer\d*)\.xml$/.test(name) || name === "[Content_Types].xml",
  );
  if (!zip.ok) return { ok: false, message: zip.message };
  const documentXml = entryText(zip.files, "word/document.xml");
  if (!documentXml) return { ok: false, message: "not a Word document: no word/document.xml in the .docx" };
  const counters = new ListCounters(readNumbering(entryText(zip.files, "word/numbering.xml")));
  const styles = readStyles(entryText(zip.files, "word/styles.xml"));
  const sink = new LineSink();
  const part = (name: string) =>
    [...zip.files.keys()].filter((k) => new RegExp(`^word/${name}\\d*\\.xml$`).test(k)).sort();
  const paragraphLines = (nodes: XmlNode[], noise: boolean) => {
    const body = descendants(nodes, "body")[0];
    const blocks = body ? body.children : nodes.flatMap((n) => n.children);
    const emit = (n: XmlNode) => {
      const name = local(n);
      if (name === "p") {
        const numbering = numberingOf(n, styles);
        const label = numbering ? counters.next(numbering.numId, numbering.ilvl) : null;
        sink.push((label ?? "") + runText(n), noise);
        // Text boxes (a red 版头 is often one) hold paragraphs of their own.
        for (const box of descendants(n.children, "txbxContent", (c) => local(c) === "Fallback"))
          box.children.forEach(emit);
      } else if (name === "tbl") {
        for (const row of descendants([n], "tr")) {
          const cells = descendants([row], "tc").map((tc) =>
            descendants([tc], "p").map(runText).join(" ").replace(/\s+/g, " ").trim(),
          );
          sink.push(cells.join(" | "), noise);
        }
      } else if (name === "sdt" || name === "sdtContent" || name === "customXml") n.children.forEach(emit);
    };
    blocks.forEach(emit);
  };
  for (const header of part("header")) paragraphLines(parseXml(entryText(zip.files, header)!), true);
  paragraphLines(parseXml(documentXml), false);
  for (const footer of part("footer")) paragraphLines(parseXml(entryText(zip.files, footer)!), true);
  return { ok: true, value: sink.done("docx", "Word (OOXML)") };
}
