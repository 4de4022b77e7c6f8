/**
 * 责任单位 of a clause: "(责任单位:A、B和相关部门)", "（A、B牵头，各有关部门分工负责）",
 * "（A会同有关部门分工负责）", also when the closing bracket was lost.
 */
import { CLOSE_PAREN, OPEN_PAREN } from "../text/chars.ts";
import { splitTopLevel } from "../text/split.ts";

export interface Responsibility {
  responsible: string[];
  leads: string[];
  /** The parentheticals as written, space-separated. */
  raw: string | null;
}

const LABELLED = /[（(﹙]\s*(责任单位|责任部门|牵头单位|主办单位|负责单位|牵头部门|责任主体)\s*[:：]/g;
/** Verbs that make a bracketed list a list of responsible units. */
const DUTY_WORDS = /(牵头|负责|配合|会同|落实|参与)\s*$/;

/** The bracketed text from `start` (at an opening bracket) to its match, or to the line's end. */
function bracketed(text: string, start: number): { inner: string; raw: string; closed: boolean } {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN_PAREN.includes(ch)) depth++;
    else if (CLOSE_PAREN.includes(ch) && --depth === 0)
      return { inner: text.slice(start + 1, i), raw: text.slice(start, i + 1), closed: true };
    else if (ch === "\n") break;
  }
  const end = text.indexOf("\n", start);
  const raw = text.slice(start, end < 0 ? text.length : end).replace(/[。;；\s]+$/, "");
  return { inner: raw.slice(1), raw, closed: false };
}

export function parseResponsibleList(inner: string): { responsible: string[]; leads: string[] } {
  const responsible: string[] = [];
  const leads: string[] = [];
  for (let seg of splitTopLevel(inner, "，,；;")) {
    seg = seg.replace(
      /^(责任单位|责任部门|牵头单位|主办单位|负责单位|牵头部门|配合单位|协办单位|参与单位|责任主体)\s*[:：]\s*/,
      (m) => (m.startsWith("牵头") ? "\u0001" : ""),
    );
    let isLead = seg.startsWith("\u0001");
    seg = seg.replace(/^\u0001/, "");
    if (/牵头(负责)?\s*$/.test(seg)) isLead = true;
    seg = seg.replace(/(按职责)?(分工|共同|牵头)?(负责|牵头|配合|落实|参与)\s*$/, "").trim();
    // "等部门、单位", "等相关部门": an "and others", not a unit.
    seg = seg.replace(/等(相关|有关|其他)?(部门|单位)([、和及](部门|单位))*$/, "").trim();
    const units = splitTopLevel(seg, "、")
      .flatMap((u) => u.split(/会同|(?:和|及|以及)(?=(?:市|省|县|区)?(?:各|相关|有关|其他))/))
      .map((u) => u.trim())
      .filter((u) => u !== "" && !/^(等|和|及)$/.test(u));
    for (const u of units) {
      if (!responsible.includes(u)) responsible.push(u);
      if (isLead && !leads.includes(u)) leads.push(u);
    }
  }
  return { responsible, leads };
}

/**
 * Every 责任单位 parenthetical of a clause, merged in order: a clause with sub-items
 * (1、… （县应急局负责） 2、… （县住建局负责）) names the units of each.
 */
export function extractResponsible(clauseText: string): Responsibility {
  const labelled = [...clauseText.matchAll(LABELLED)].map((m) => bracketed(clauseText, m.index!));
  // Unlabelled: brackets at the end of a line whose list ends in a duty word.
  const re = /[（(﹙]([^（()）﹙﹚\n]*(?:[（(﹙][^（()）﹙﹚\n]*[）)﹚][^（()）﹙﹚\n]*)*)(?:[）)﹚][。；;]?\s*$|$)/gm;
  const found = labelled.length
    ? labelled.map((b) => ({ inner: b.inner, raw: b.raw }))
    : [...clauseText.matchAll(re)]
        .map((m) => ({ inner: m[1]!.trim(), raw: m[0].trim() }))
        .filter((b) => DUTY_WORDS.test(b.inner) && b.inner.length < 200);
  const out: Responsibility = {
    responsible: [],
    leads: [],
    raw: found.length ? found.map((b) => b.raw).join(" ") : null,
  };
  for (const b of found) {
    const r = parseResponsibleList(b.inner);
    for (const u of r.responsible) if (!out.responsible.includes(u)) out.responsible.push(u);
    for (const u of r.leads) if (!out.leads.includes(u)) out.leads.push(u);
  }
  return out;
}
