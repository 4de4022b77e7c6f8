/**
 * Body lines → heading tree and clauses. Nesting follows the official order of label
 * kinds (章 > 条 > 一、 > （一） > 1. > （1） > ①), so skipped levels (一、 straight to 1.)
 * nest correctly. A label is accepted only when its number continues a sequence, so a
 * line that merely starts with "3." inside running text stays text.
 */
import type { ClauseBody, LabelKind, SectionNode, Warning } from "../model/circular.ts";
import type { BodyLine } from "./chrome.ts";
import { anchorSegment, partPath } from "../model/labels.ts";
import { matchLabel, rank, type LabelMatch } from "./labels.ts";
import { lineKey, toSimplified } from "../text/keys.ts";
import { CJK_BASIC } from "../text/chars.ts";
import { extractResponsible } from "./responsible.ts";

/** Spaces between two Han characters (headings spaced out for display). */
const SPACE_IN_HAN = new RegExp(String.raw`(?<=[${CJK_BASIC}])\s+(?=[${CJK_BASIC}])`, "g");

interface Draft {
  kind: LabelKind;
  /** Where it nests: its kind's rank, or a chapter's for a numbered heading over articles (1.  总 则). */
  rank: number;
  number: number;
  label: string;
  heading: string | null;
  start: number;
  /** Last line index with content (inclusive). */
  end: number;
  /** Prefix of the start line (space + label) cut off from the text. */
  prefixLength: number;
  children: Draft[];
}

export interface Outline {
  /** The heading tree; a clause's node carries its full text, children included, verbatim. */
  sections: SectionNode[];
  /** Text before the first label (preamble), verbatim; "" when none. */
  preamble: string;
  warnings: Warning[];
}

const LEAD_MAX = 25;
const HEADING_LINE_MAX = 40;

/** The lead phrase of an item: a short heading line, or the words before the first 。 */
/** A clause's text with who is responsible for it; 責任單位 and 牽頭 are read in simplified script. */
function clauseBody(text: string): ClauseBody {
  const { responsible, leads } = extractResponsible(toSimplified(text));
  return { text, responsible, leads };
}

export function leadPhrase(rest: string): string | null {
  // Spaced-out headings (总　　则) read as one word.
  const key = lineKey(rest).replace(SPACE_IN_HAN, "");
  if (key === "") return null;
  // A short line with no sentence end is a heading, commas and all (强化红线意识,提高政治站位).
  if (!/[。;；:：!！?？]/.test(key) && key.length <= HEADING_LINE_MAX) return key;
  const m = /^([^。;；:：,，!！?？]{1,25})[。;；:：!！?？]/.exec(key);
  return m && m[1]!.length <= LEAD_MAX ? m[1]!.trim() : null;
}

/**
 * Builds the tree. `breaks` are body indices (signature blocks, 附件 lines, 版记) that
 * close every open item and belong to none.
 */
export function buildOutline(lines: BodyLine[], breaks: Set<number>): Outline {
  const roots: Draft[] = [];
  const stack: Draft[] = [];
  const lastNumberOfKind = new Map<LabelKind, number>();
  const warnings: Warning[] = [];
  let lastContent = -1;
  let firstLabel = -1;

  const closeTo = (depth: number) => {
    while (stack.length > depth) stack.pop()!.end = Math.max(lastContent, 0);
  };
  // Every open node ends no earlier than the last line of content it absorbed.
  const extendOpen = (i: number) => {
    for (const d of stack) d.end = i;
  };

  const matches = lines.map((l, i) => (breaks.has(i) || l.key === "" ? null : matchLabel(l.text)));
  const ranks = chapterLikeHeadings(matches);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (breaks.has(i)) {
      closeTo(0);
      continue;
    }
    if (line.key === "") continue;
    const m = matches[i]!;
    const depth = m ? (acceptedDepth(m, ranks[i]!, stack, roots, lastNumberOfKind) ?? startedRun(m, i)) : null;
    if (m && depth !== null) {
      closeTo(depth);
      const siblings = depth === 0 ? roots : stack[depth - 1]!.children;
      const prev = [...siblings].reverse().find((s) => s.kind === m.kind);
      if (
        m.number !== 1 &&
        prev &&
        m.number > prev.number + 1 &&
        m.number !== (lastNumberOfKind.get(m.kind) ?? 0) + 1
      ) {
        warnings.push({ line: line.sourceLine, message: `编号从“${prev.label}”跳到“${m.label}”` });
      }
      const draft: Draft = {
        kind: m.kind,
        rank: ranks[i]!,
        number: m.number,
        label: m.label,
        heading: leadPhrase(m.rest),
        start: i,
        end: i,
        prefixLength: m.prefix.length,
        children: [],
      };
      siblings.push(draft);
      stack.push(draft);
      lastNumberOfKind.set(m.kind, m.number);
      if (firstLabel < 0) firstLabel = i;
    } else if (m) {
      warnings.push({ line: line.sourceLine, message: `“${m.label}”不接续此处的编号，按正文处理` });
    }
    lastContent = i;
    extendOpen(i);
  }
  closeTo(0);

  /**
   * A numbering whose first parts are missing (a page cut at the top, articles printed
   * without their labels) starts where it stands when the next two labels of its kind
   * continue it: 第五条, 第六条, 第七条. It opens at the top, or under the open node it ranks below.
   */
  function startedRun(m: LabelMatch, at: number): number | null {
    if (lastNumberOfKind.has(m.kind)) return null;
    const next = matches
      .slice(at + 1)
      .filter((x): x is LabelMatch => x !== null && x.kind === m.kind)
      .slice(0, 2);
    if (next.length < 2 || next[0]!.number !== m.number + 1 || next[1]!.number !== m.number + 2) return null;
    let depth = stack.length;
    while (depth > 0 && stack[depth - 1]!.rank >= ranks[at]!) depth--;
    return depth;
  }

  const text = (from: number, to: number, cut: number): string =>
    lines
      .slice(from, to + 1)
      .map((l, k) => (k === 0 ? l.text.slice(cut) : l.text))
      .join("\n")
      .replace(/\n+$/, "");

  const itemKinds = chooseItemKinds(roots);
  const usedIds = new Set<string>();

  const finish = (d: Draft, ancestors: Draft[], insideClause: boolean): SectionNode => {
    const segs = [...ancestors, d];
    const articleAt = segs.map((s) => s.kind).lastIndexOf("article");
    const anchorSegs = (articleAt >= 0 ? segs.slice(articleAt) : segs).map((s) => anchorSegment(s.kind, s.number));
    let id = (/^\d/.test(anchorSegs[0]!) ? "p" : "") + anchorSegs.join("-");
    if (usedIds.has(id)) {
      let k = 2;
      while (usedIds.has(`${id}_${k}`)) k++;
      id = `${id}_${k}`;
    }
    usedIds.add(id);
    const ownEnd = d.children.length ? d.children[0]!.start - 1 : d.end;
    const own = text(d.start, ownEnd, d.prefixLength);
    const path = partPath(segs);
    const node: SectionNode = {
      id,
      path,
      kind: d.kind,
      label: d.label,
      number: d.number,
      heading: d.heading,
      text: own.trim() === "" ? null : own,
      lines: [lines[d.start]!.sourceLine, lines[d.end]!.sourceLine],
      clause: itemKinds.has(d.kind) && !insideClause ? clauseBody(text(d.start, d.end, d.prefixLength)) : null,
      children: [],
    };
    node.children = d.children.map((c) => finish(c, segs, insideClause || node.clause !== null));
    return node;
  };
  const sections = roots.map((r) => finish(r, [], false));
  const preambleEnd = firstLabel < 0 ? lines.length : firstLabel;
  const preamble = lines
    .slice(0, preambleEnd)
    .filter((_, i) => !breaks.has(i))
    .map((l) => l.text)
    .join("\n")
    .trim();
  return { sections, preamble, warnings };
}

/**
 * Each line's nesting rank: its label kind's, but a numbered heading (1.  总 则, 一、总则) of a
 * document with articles, standing alone and followed by an article, is a chapter, as law
 * databases that print chapters as a list write them.
 */
function chapterLikeHeadings(matches: Array<LabelMatch | null>): number[] {
  const hasArticles = matches.some((m) => m?.kind === "article");
  return matches.map((m, i) => {
    if (!m) return -1;
    if (
      !hasArticles ||
      (m.kind !== "num" && m.kind !== "cnItem") ||
      /[。；;，,：:]/.test(m.rest) ||
      m.rest.trim().length > 30
    )
      return rank(m.kind);
    const next = matches.slice(i + 1).find((x) => x !== null);
    return next?.kind === "article" ? rank("chapter") : rank(m.kind);
  });
}

/**
 * Depth in the stack at which this label opens a node, or null when it does not
 * continue any numbering there (then it is running text).
 */
function acceptedDepth(
  m: LabelMatch,
  own: number,
  stack: Draft[],
  roots: Draft[],
  lastNumberOfKind: Map<LabelKind, number>,
): number | null {
  let depth = stack.length;
  while (depth > 0 && stack[depth - 1]!.rank >= own) depth--;
  const siblings = depth === 0 ? roots : stack[depth - 1]!.children;
  const prev = [...siblings].reverse().find((s) => s.kind === m.kind);
  if (m.number === 1) return depth;
  if (prev && m.number > prev.number) return depth;
  // Numbering that runs on across sections (兴化: 一、1. 2. 二、3. …).
  const last = lastNumberOfKind.get(m.kind);
  if (!prev && last !== undefined && m.number === last + 1) return depth;
  return null;
}

/**
 * The item kinds. 条 when the document has articles. Otherwise a kind most of whose parts
 * hold numbered parts of their own is a section kind (一、 over （一） or 1.); of the other
 * kinds, those used at least half as often as the most used one are items, and a clause
 * is an outermost part of an item kind. 寿光: 一、×9 all sections; （一）×3 and 1.×34 →
 * the 34. A circular whose 三、 holds （一）（二） and whose 四、 holds 1. 2. → both.
 */
function chooseItemKinds(roots: Draft[]): Set<LabelKind> {
  const counts = new Map<LabelKind, { parts: number; withChildren: number }>();
  const count = (ds: Draft[]) =>
    ds.forEach((d) => {
      const c = counts.get(d.kind) ?? { parts: 0, withChildren: 0 };
      c.parts++;
      if (d.children.length) c.withChildren++;
      counts.set(d.kind, c);
      count(d.children);
    });
  count(roots);
  if (counts.has("article")) return new Set(["article"]);
  // The deepest kind has no children, so some kind is always left.
  const items = [...counts].filter(([, c]) => c.withChildren * 2 < c.parts);
  const max = Math.max(...items.map(([, c]) => c.parts));
  return new Set(items.filter(([, c]) => c.parts * 2 >= max).map(([kind]) => kind));
}
