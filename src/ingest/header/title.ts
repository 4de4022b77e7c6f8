/**
 * 标题: the head's title lines, the portal's or database's title field, the file's name. A
 * title is the document's own words: what a portal glued to it was cut off by cleanTitle;
 * the fuller form of the same title (with its issuer before 关于) is preferred. The subject
 * of a 印发 sentence is the attachment's title, not the notice's: with no other title it
 * only says what the untitled notice issues.
 */
import { TITLE_END } from "../metadata.ts";
import { compactKey } from "../../text/keys.ts";
import { isoDate } from "../dates.ts";
import type { PartialDate } from "../../model/circular.ts";
import { cleanTitle } from "./cleanTitle.ts";
import { candidate, choose, type Candidate } from "./evidence.ts";
import { fieldCandidate, type FieldChoice, type PortalValue } from "./fields.ts";
import type { TitleCandidate } from "./headLines.ts";
import { CJK_BASIC } from "../../text/chars.ts";

/** Four Han characters in a row: the least a title holds. */
const FOUR_HAN = new RegExp(String.raw`[${CJK_BASIC}]{4}`);

export interface TitleEvidence {
  head: TitleCandidate[];
  /** The database's and the page's title fields. */
  fields: PortalValue[];
  fileName: string | null;
}

/** What a file's name says: 上海市防汛条例(2021-11-25).txt, 关于…的通知_20210519.docx. */
export function fileNameFacts(fileName: string): { title: string | null; date: PartialDate | null } {
  const stem = fileName
    .split(/[\\/]/)
    .at(-1)!
    .replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const m = /^(.*?)\s*(?:[（(]\s*(\d{4}-\d{2}-\d{2})\s*[）)]|[_-](\d{4}-?\d{2}-?\d{2}))\s*$/.exec(stem);
  const title = (m ? m[1]! : stem).trim();
  const digits = m ? (m[2] ?? m[3]!).replace(/-/g, "") : null;
  const date = digits
    ? isoDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)))
    : null;
  return { title: FOUR_HAN.test(title) && TITLE_END.test(compactKey(title)) ? title : null, date };
}

/** Every title candidate, most trusted source first. */
export function titleCandidates(ev: TitleEvidence): Array<Candidate<string>> {
  const out: Array<Candidate<string>> = [...ev.head];
  for (const f of ev.fields) {
    const cleaned = cleanTitle(f.value);
    if (FOUR_HAN.test(cleaned.title)) out.push(fieldCandidate(f, cleaned.title));
  }
  if (ev.fileName) out.push(candidate(ev.fileName, "file-name", null, "low", "文件名"));
  return out;
}

/** The fuller form of a title: the same 事由+文种 with its issuer before 关于, where one was found. */
function fullerForm(chosen: Candidate<string>, all: Array<Candidate<string>>): Candidate<string> {
  const key = compactKey(chosen.value);
  const fuller = all.find((c) => {
    const k = compactKey(c.value);
    return k.length > key.length && k.endsWith(key) && /^.{2,40}关于/.test(k) && key.startsWith("关于");
  });
  return fuller ? { ...fuller, confidence: chosen.confidence } : chosen;
}

export function chooseTitle(
  ev: TitleEvidence,
  pageTitle: string | null,
): FieldChoice<string> & { line: TitleCandidate | null } {
  const all = titleCandidates(ev);
  const best = choose(all, (a, b) => compactKey(a) === compactKey(b));
  const chosen = best.chosen ? fullerForm(best.chosen, all) : null;
  const line = chosen && "indices" in chosen ? (chosen as TitleCandidate) : null;
  const warnings: FieldChoice<string>["warnings"] = [];
  if (chosen?.from === "portal-field")
    warnings.push({ line: chosen.line, message: `正文中没有标题行；标题取自网站的${chosen.rule}` });
  if (pageTitle && line) warnings.push({ line: line.line, message: `页面“${pageTitle}”包着正文，取正文自身的标题` });
  if (chosen?.from === "file-name") warnings.push({ line: null, message: "正文中没有标题行；标题取自文件名" });
  const lost = chosen ? best.lost.filter((c) => compactKey(c.value) !== compactKey(chosen.value)) : best.lost;
  return { chosen, lost, warnings, line };
}

/**
 * No title anywhere: （无标题） and the 文号, or what the notice issues (（无标题）印发《…》), said in
 * a warning. Never shown as the document's title: its name is unknown.
 */
export function untitled(docNumber: string | null, issued: Candidate<string> | null): FieldChoice<string> {
  const hint = docNumber ?? (issued ? `${/转发|轉發/.test(issued.rule) ? "转发" : "印发"}《${issued.value}》` : "");
  const why = issued
    ? `正文中没有标题行，网站字段也未给出标题；第 ${issued.line} 行所印发的《${issued.value}》是附件的标题，不是本件的`
    : "正文中没有标题行，网站字段也未给出标题";
  return {
    chosen: candidate(`（无标题）${hint}`, "head", null, "low", "未找到标题"),
    lost: [],
    warnings: [{ line: null, message: `未找到标题：${why}` }],
  };
}
