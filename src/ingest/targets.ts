/**
 * Deadlines (到2019年6月底前, 2020年底前, 到2035年, 于2023年7月10日前, and 6月15日前 in
 * the circular's own year) and quantitative targets (下降37%以上, 不少于3人) in its text.
 */
import type { PartialDate } from "../model/circular.ts";
import { isoDate } from "./dates.ts";
import { halfWidthDigits } from "../text/chars.ts";

export interface FoundTarget {
  kind: "deadline" | "quantity";
  text: string;
  date: PartialDate | null;
  index: number;
}

const D = "[0-9０-９]";

// Year, then month (年 sometimes lost in scraping: 20197月底前) and day, then 底/末/前.
const DEADLINE = new RegExp(
  `(?:(到|至|于|在|截至|截止)\\s*)?((?:19|20)${D}{2})\\s*` +
    `(?:年\\s*(?:(${D}{1,2})\\s*月(?:\\s*(${D}{1,2})\\s*[日号])?)?|(${D}{1,2})\\s*月)` +
    `\\s*(?:(底|末|中旬|上旬|下旬|初|中)\\s*)?(前|以前|之前|完成|止)?`,
  "g",
);
// No year: 6月15日前, 7月底前 — the circular's own year. Not after a digit or 年 (those are above).
const YEARLESS_DEADLINE = new RegExp(
  `(?<![0-9０-９年])(?:(到|于|在)\\s*)?(${D}{1,2})\\s*月\\s*(?:(${D}{1,2})\\s*[日号]|(底|末))\\s*(前|以前|之前)`,
  "g",
);

const QUANTITY = new RegExp(
  `(下降|降低|减少|压降|提高|提升|增长|增加|达到|达|不低于|不少于|不超过|控制在|低于|超过|至少|覆盖率达|` +
    `完成率达)\\s*(${D}+(?:[.．]${D}+)?)\\s*(%|％|个百分点|人|家|个|座|项|处|户|次|条|所|万元|亿元)(以上|以下|以内|左右)?`,
  "g",
);

/** `year`: the circular's, for deadlines written without one (null: left undated). */
export function findTargets(text: string, year: number | null = null): FoundTarget[] {
  const out: FoundTarget[] = [];
  for (const m of text.matchAll(DEADLINE)) {
    const lead = m[1];
    const month = m[3] ?? m[5];
    const day = m[4];
    const part = m[6];
    const tail = m[7];
    // A bare year is a date, not a deadline: it needs 到…, a 底/末, or a 前.
    if (!lead && !tail && !part) continue;
    if (!lead && !tail && part && !month && part !== "底" && part !== "末") continue;
    const y = Number(halfWidthDigits(m[2]!));
    const mo = month ? Number(halfWidthDigits(month)) : part === "底" || part === "末" ? 12 : null;
    out.push({
      kind: "deadline",
      text: m[0].trim(),
      date: isoDate(y, mo, day && mo ? Number(halfWidthDigits(day)) : null),
      index: m.index!,
    });
  }
  for (const m of text.matchAll(YEARLESS_DEADLINE)) {
    const mo = Number(halfWidthDigits(m[2]!));
    const date = year === null ? null : isoDate(year, mo, m[3] ? Number(halfWidthDigits(m[3])) : null);
    out.push({ kind: "deadline", text: m[0].trim(), date, index: m.index! });
  }
  for (const m of text.matchAll(QUANTITY)) {
    out.push({ kind: "quantity", text: m[0], date: null, index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index);
}
