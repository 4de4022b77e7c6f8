/**
 * 标题: the head's title lines, the portal's or database's title field, the file's name,
 * and (weakest) the subject of a 印发 sentence. A title is the document's own words: what
 * a portal glued to it was cut off by cleanTitle; the fuller form of the same title (with
 * its issuer before 关于) is preferred.
 */
import { TITLE_END } from "../metadata.ts";
import { compactKey } from "../../text/keys.ts";
import { isoDate } from "../dates.ts";
import type { PartialDate } from "../../model/circular.ts";
import { cleanTitle } from "./cleanTitle.ts";
import { candidate, choose, type Candidate } from "./evidence.ts";
import type { FieldChoice, PortalValue } from "./fields.ts";
import type { TitleCandidate } from "./headLines.ts";

export interface TitleEvidence {
  head: TitleCandidate[];
  portal: PortalValue | null;
  fileName: string | null;
  issuedSubject: Candidate<string> | null;
}

/** What a file's name says: 上海市防汛条例(2021-11-25).txt, 关于…的通知_20210519.docx. */
export function fileNameFacts(fileName: string): { title: string | null; date: PartialDate | null } {
  const stem = fileName.split(/[\\/]/).at(-1)!.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  const m = /^(.*?)\s*(?:[（(]\s*(\d{4}-\d{2}-\d{2})\s*[）)]|[_-](\d{4}-?\d{2}-?\d{2}))\s*$/.exec(stem);
  const title = (m ? m[1]! : stem).trim();
  const digits = m ? (m[2] ?? m[3]!).replace(/-/g, "") : null;
  const date = digits ? isoDate(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))) : null;
  return { title: /[\u4e00-\u9fff]{4}/.test(title) && TITLE_END.test(compactKey(title)) ? title : null, date };
}

/** Every title candidate, most trusted source first. */
export function titleCandidates(ev: TitleEvidence): Array<Candidate<string>> {
  const out: Array<Candidate<string>> = [...ev.head];
  if (ev.portal) {
    const cleaned = cleanTitle(ev.portal.value);
    if (/[\u4e00-\u9fff]{4}/.test(cleaned.title)) out.push(candidate(cleaned.title, "portal-field", ev.portal.line, "medium", `「${ev.portal.label}」字段`));
  }
  if (ev.fileName) out.push(candidate(ev.fileName, "file-name", null, "low", "文件名"));
  if (ev.issuedSubject) out.push(ev.issuedSubject);
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

export function chooseTitle(ev: TitleEvidence, pageTitle: string | null): FieldChoice<string> & { line: TitleCandidate | null } {
  const all = titleCandidates(ev);
  const best = choose(all, (a, b) => compactKey(a) === compactKey(b));
  const chosen = best.chosen ? fullerForm(best.chosen, all) : null;
  const line = chosen && "indices" in chosen ? (chosen as TitleCandidate) : null;
  const warnings: FieldChoice<string>["warnings"] = [];
  if (chosen?.from === "portal-field") warnings.push({ line: chosen.line, message: `正文中没有标题行；标题取自网站的「${ev.portal!.label}」字段` });
  if (pageTitle && line) warnings.push({ line: line.line, message: `页面“${pageTitle}”包着正文，取正文自身的标题` });
  if (chosen?.from === "file-name") warnings.push({ line: null, message: "正文中没有标题行；标题取自文件名" });
  if (chosen?.from === "body") warnings.push({ line: chosen.line, message: `正文中没有标题行；标题取自第 ${chosen.line} 行“印发”一句所印发的《${chosen.value}》` });
  const lost = chosen ? best.lost.filter((c) => compactKey(c.value) !== compactKey(chosen.value)) : best.lost;
  return { chosen, lost, warnings, line };
}

/** No title anywhere: （无标题） and the 文号, said in a warning. */
export function untitled(docNumber: string | null): FieldChoice<string> {
  return {
    chosen: candidate(`（无标题）${docNumber ?? ""}`, "head", null, "low", "未找到标题"),
    lost: [],
    warnings: [{ line: null, message: "未找到标题：正文中没有标题行，网站字段和“印发”一句也未给出标题" }],
  };
}
