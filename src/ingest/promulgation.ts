/**
 * The note under a regulation's title, which states when and by whom it was made:
 * （2019年11月29日吉林省第十三届人民代表大会常务委员会第十六次会议通过） or
 * （2016年6月3日国家安全生产监督管理总局令第88号公布，根据2019年7月11日应急管理部令第2号修正）.
 * The first act (before any 根据…修正) is the regulation's own.
 */
import type { PartialDate } from "../model/circular.ts";
import type { BodyLine } from "./chrome.ts";
import { parseDate } from "./dates.ts";
import { isOrgName } from "./metadata.ts";

export interface Promulgation {
  date: PartialDate | null;
  /** The body that made it: 吉林省人民代表大会常务委员会, 国家安全生产监督管理总局. */
  issuer: string | null;
  /** Body index of the note. */
  index: number;
}

const NOTE = /^[（(](.*\d{4}\s*年.*(通过|公布|发布|修订|修正|批准|施行)[^）)]*)[）)]$/;
const LEADING_DATE = /^\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\S{1,3}?\s*月\s*(\S{1,3}?\s*日)?)?/;
const NUMERAL = "[0-9〇零一二三四五六七八九十百]+";

/** Looks in the first lines of the body (the note stands right under the title). */
export function findPromulgation(lines: BodyLine[]): Promulgation | null {
  const limit = Math.min(lines.length, 12);
  for (let index = 0; index < limit; index++) {
    const m = NOTE.exec(lines[index]!.key);
    if (!m) continue;
    const act = m[1]!.split(/[，,；;]/)[0]!;
    const rest = act.replace(LEADING_DATE, "");
    const order = new RegExp(`^(.+?)令\\s*(第\\s*${NUMERAL}\\s*号)?`).exec(rest);
    const maker = order
      ? order[1]!
      : rest
          .replace(/(通过|公布|发布|批准|修订|修正|施行)$/, "")
          .replace(new RegExp(`第${NUMERAL}(届|次)`, "g"), "")
          .replace(/(全体|常务)?会议$/, "");
    return { date: parseDate(act), issuer: isOrgName(maker) ? maker : null, index };
  }
  return null;
}
