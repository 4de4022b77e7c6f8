/**
 * 成文日期, 发布日期 and 施行日期. The 成文日期 comes from the signature, a regulation's
 * version in force, the file's name, the portal, else the 文号's year (inferred, said so).
 */
import type { PartialDate } from "../../model/circular.ts";
import { compactKey } from "../../text/keys.ts";
import { isoDate, readDate, type ReadDate } from "../dates.ts";
import type { BodyLine } from "../chrome.ts";
import { candidate, choose, type Candidate } from "./evidence.ts";
import { fieldCandidate, type FieldChoice, type PortalValue } from "./fields.ts";
import { versionInForce, type Act } from "./history.ts";

export interface DateEvidence {
  signature: { date: ReadDate; line: number | null } | null;
  fileName: { title: string | null; date: PartialDate | null };
  /** The chosen title: a file named after it dates the version it holds. */
  title: string;
  acts: Act[];
  /** The database's and the page's 成文日期 fields. */
  fields: PortalValue[];
  docNumber: { year: number | null; line: number | null } | null;
}

export function dateCandidates(ev: DateEvidence): Array<Candidate<PartialDate>> {
  const out: Array<Candidate<PartialDate>> = [];
  if (ev.signature) out.push(candidate(ev.signature.date.date, "signature", ev.signature.line, "high", "落款日期"));
  const inForce = versionInForce(ev.acts);
  if (inForce)
    out.push(
      candidate(
        inForce.date,
        "history",
        inForce.line,
        "high",
        ev.acts.length > 1 ? "历史沿革中最后一次制定或修改的日期" : "历史沿革中的日期",
      ),
    );
  // A file named with its title and a date (上海市防汛条例(2021-11-25).txt) may date the version it
  // holds, or only the day it was published or saved: below the text's own history.
  if (ev.fileName.date) {
    const short = (t: string) => compactKey(t).replace(/中华人民共和国/g, "");
    const sameTitle = ev.fileName.title !== null && short(ev.fileName.title) === short(ev.title);
    out.push(candidate(ev.fileName.date, "file-name", null, sameTitle ? "medium" : "low", "文件名中的日期"));
  }
  out.push(...datesOf(ev.fields));
  const docYear = ev.docNumber?.year ? isoDate(ev.docNumber.year) : null;
  if (docYear) out.push(candidate(docYear, "docNumber", ev.docNumber!.line, "low", "文号中的年份（推定）", true));
  return out;
}

export function chooseDate(ev: DateEvidence): FieldChoice<PartialDate> {
  const { chosen, lost } = choose(dateCandidates(ev));
  const warnings: FieldChoice<PartialDate>["warnings"] = [];
  if (ev.signature?.date.repair && chosen?.from === "signature")
    warnings.push({ line: ev.signature.line, message: `落款日期${ev.signature.date.repair}` });
  const named = lost.find((c) => c.from === "file-name");
  if (chosen?.from === "history" && named)
    warnings.push({
      line: chosen.line,
      message: `成文日期取正文历史沿革所载的 ${chosen.value}；文件名所示日期 ${named.value} 正文未载`,
    });
  if (chosen?.from === "file-name")
    warnings.push({ line: null, message: `成文日期 ${chosen.value} 取自文件名，正文中没有` });
  if (chosen?.inferred)
    warnings.push({ line: chosen.line, message: `成文日期不详：年份 ${chosen.value} 取自文号，为推定` });
  else if (chosen?.from === "portal-field")
    warnings.push({ line: chosen.line, message: `成文日期 ${chosen.value} 取自网站的${chosen.rule}，正文中没有` });
  else if (!chosen) warnings.push({ line: null, message: "成文日期不详：没有落款日期、历史沿革或网站字段" });
  return { chosen, lost, warnings };
}

/** The dates the fields hold, as candidates. */
function datesOf(fields: PortalValue[]): Array<Candidate<PartialDate>> {
  return fields.flatMap((f) => {
    const date = readDate(f.value)?.date;
    return date ? [fieldCandidate(f, date)] : [];
  });
}

/** 发布日期: only the page's or database's fields say it. */
export function choosePublished(fields: PortalValue[]): FieldChoice<PartialDate> {
  return { ...choose(datesOf(fields)), warnings: [] };
}

export interface EffectiveEvidence {
  acts: Act[];
  /** The database's and the page's 施行日期 fields. */
  fields: PortalValue[];
  lines: BodyLine[];
}

export function effectiveCandidates(ev: EffectiveEvidence): Array<Candidate<PartialDate>> {
  const out: Array<Candidate<PartialDate>> = [];
  const inEffect = [...ev.acts].reverse().find((a) => a.kind === "effective");
  if (inEffect) out.push(candidate(inEffect.date, "history", inEffect.line, "high", "历史沿革中的施行日期"));
  out.push(...datesOf(ev.fields));
  for (const l of ev.lines) {
    const m = /自\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起(?:施行|实施|生效|执行)/.exec(l.key);
    const d = m ? readDate(m[1]!)?.date : null;
    if (d) out.push(candidate(d, "body", l.sourceLine, "medium", "正文“自…起施行”"));
  }
  return out;
}

export function chooseEffective(ev: EffectiveEvidence): FieldChoice<PartialDate> {
  return { ...choose(effectiveCandidates(ev)), warnings: [] };
}
