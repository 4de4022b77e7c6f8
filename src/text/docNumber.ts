/**
 * 发文字号: 机关代字〔年份〕序号号. Scraped pages break it (lost brackets, ASCII or
 * half brackets, the closing bracket dropped so year and serial run together); every
 * form is normalised to 〔〕 and the repair is reported. Browser-safe: the search page runs
 * it to read a 文号 typed in any form. (Callers fold the 机关代字 to simplified script, so
 * 國辦發 and 国办发 are one number.)
 */
import { DIGIT_CLASS, DOC_NUMBER_CLOSE, DOC_NUMBER_OPEN, classOf, halfWidthDigits } from "./chars.ts";

export interface DocNumberMatch {
  /** As written in the source. */
  raw: string;
  /** 机关代字〔年份〕序号号 */
  normalized: string;
  prefix: string;
  year: number;
  serial: number;
  /** What was repaired, or null when the number was already in standard form. */
  repair: string | null;
  index: number;
}

const OPEN = classOf(DOC_NUMBER_OPEN);
const CLOSE = classOf(DOC_NUMBER_CLOSE);
const D = DIGIT_CLASS;
// 机关代字: CJK characters (and the odd letter, e.g. 国办发明电). Year, optional close, serial, 号.
const DOC_NUMBER_RE = new RegExp(
  `([\\u4e00-\\u9fa5A-Za-z]{1,12})[ \\u3000\\u00a0]*([${OPEN}]?)[ \\u3000\\u00a0]*([12１２][${D}]{3})[ \\u3000\\u00a0]*([${CLOSE}]?)[ \\u3000\\u00a0]*第?[ \\u3000\\u00a0]*([${D}]{1,4})[ \\u3000\\u00a0]*[号號]`,
  "g",
);

/** Words that run into a 文号 in prose and are not part of its 机关代字. */
const LEADING_WORDS = /^.*(?:按照|根据|依据|依照|参照|关于|印发|转发|执行|落实|贯彻|详见|参见|另见|见|文件|通知|意见|文号|字号|和|及|与|或|的|是|为|以)/;

export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of text.matchAll(DOC_NUMBER_RE)) {
    let prefix = m[1]!;
    const cut = LEADING_WORDS.exec(prefix);
    if (cut && cut[0].length < prefix.length) prefix = prefix.slice(cut[0].length);
    else if (cut) continue;
    const year = Number(halfWidthDigits(m[3]!));
    if (year < 1949 || year > 2100) continue;
    const open = m[2]!;
    const close = m[4]!;
    const serial = Number(halfWidthDigits(m[5]!));
    const start = m.index! + (m[1]!.length - prefix.length);
    const raw = text.slice(start, m.index! + m[0].length);
    const normalized = `${prefix}〔${year}〕${serial}号`;
    let repair: string | null = null;
    if (raw !== normalized) {
      if (open && !close) repair = "closing bracket was missing";
      else if (!open && !close) repair = "brackets were missing";
      else if (open !== "〔" || close !== "〕") repair = `brackets ${open}${close} replaced by 〔〕`;
      else repair = "spacing or digit width normalised";
    }
    out.push({ raw, normalized, prefix, year, serial, repair, index: start });
  }
  return out;
}

/** Normalises one 文号 written in any form; null if it is not one. */
export function normalizeDocNumber(s: string): string | null {
  return findDocNumbers(s)[0]?.normalized ?? null;
}
