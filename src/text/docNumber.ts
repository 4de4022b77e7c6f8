/**
 * 发文字号: 机关代字〔年份〕序号号. Scraped pages break it (lost brackets, ASCII or
 * half brackets, the closing bracket dropped so year and serial run together); every
 * form is normalised to 〔〕 and the repair is reported. Browser-safe: the search page runs
 * it to read a 文号 typed in any form. (Callers fold the 机关代字 to simplified script, so
 * 國辦發 and 国办发 are one number.)
 */
import { DIGIT_CLASS, DOC_NUMBER_CLOSE, DOC_NUMBER_OPEN, chineseNumber, classOf, halfWidthDigits } from "./chars.ts";

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

// A lost bracket often comes out of a broken encoding as "?".
const OPEN = classOf(DOC_NUMBER_OPEN) + "?？";
const CLOSE = classOf(DOC_NUMBER_CLOSE) + "?？";
const D = DIGIT_CLASS;
const GAP = "[ \\u3000\\u00a0]*";
// 机关代字: Han characters (and the odd letter, e.g. 国办发明电). Year, optional close,
// serial, 号 — which may be lost when the year stands in brackets.
const DOC_NUMBER_RE = new RegExp(
  `([\\p{Script=Han}A-Za-z]{1,12})${GAP}([${OPEN}]?)${GAP}([12１２][${D}]{3})${GAP}([${CLOSE}]?)` +
    `${GAP}第?${GAP}([${D}]{1,4})(?:${GAP}([号號])|(?=$|[\\s，,。；;、）)\\]】]))`,
  "gu",
);

/** Words that run into a 文号 in prose and are not part of its 机关代字. */
const LEADING_WORDS =
  /^.*(?:按照|根据|依据|依照|参照|对照|遵照|关于|印发|转发|执行|落实|贯彻|详见|参见|另见|见|请|按|经|文件|通知|意见|要求|文号|字号|和|及|与|或|的|是|为|以|在|由)/u;

/** What was repaired to read a 文号, in Chinese; null when it was written in standard form. */
function repairOf(raw: string, normalized: string, open: string, close: string, hasHao: boolean): string | null {
  if (raw === normalized) return null;
  const repairs: string[] = [];
  if (open === "?" || open === "？" || close === "?" || close === "？")
    repairs.push("括号显示为“?”（编码损坏），改为〔〕");
  else if (open && !close) repairs.push("缺右括号，补“〕”");
  else if (!open && !close) repairs.push("缺括号，补“〔〕”");
  else if (open !== "〔" || close !== "〕") repairs.push(`括号“${open}${close}”改为“〔〕”`);
  if (!hasHao) repairs.push("缺“号”字，补上");
  if (repairs.length === 0 && /[號發辦]/u.test(raw)) repairs.push("繁体字改为简体");
  if (repairs.length === 0) repairs.push("空格或全角数字已规范");
  return repairs.join("；");
}

export function findDocNumbers(text: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  for (const m of text.matchAll(DOC_NUMBER_RE)) {
    let prefix = m[1]!;
    const cut = LEADING_WORDS.exec(prefix);
    if (cut && cut[0].length < prefix.length) prefix = prefix.slice(cut[0].length);
    else if (cut) continue;
    const open = m[2]!;
    const close = m[4]!;
    const hasHao = m[6] !== undefined;
    // Without 号, only a year in brackets makes it a 文号 (not 2019年… or a count).
    if (!hasHao && !(open && close)) continue;
    const year = Number(halfWidthDigits(m[3]!));
    if (year < 1949 || year > 2100) continue;
    const serial = Number(halfWidthDigits(m[5]!));
    const start = m.index! + (m[1]!.length - prefix.length);
    const raw = text.slice(start, m.index! + m[0].length);
    const normalized = `${prefix}〔${year}〕${serial}号`;
    out.push({
      raw,
      normalized,
      prefix,
      year,
      serial,
      repair: repairOf(raw, normalized, open, close, hasHao),
      index: start,
    });
  }
  return out;
}

/** An order number (令号) a law or regulation is promulgated by: 国务院令第708号, 应急管理部第2号令. */
export interface OrderNumberMatch {
  raw: string;
  /** 机关令第N号, without 中华人民共和国. */
  normalized: string;
  /** The body whose order it is: 国务院, 应急管理部, 主席. */
  issuer: string;
  serial: number;
  index: number;
}

const ORDER_RE = new RegExp(
  `(?:中华人民共和国|中華人民共和國)?([\\p{Script=Han}]{2,24}?)(?:令${GAP}第${GAP}([${D}〇零一二三四五六七八九十百千]{1,6})` +
    `${GAP}[号號]|第${GAP}([${D}]{1,6})${GAP}[号號]令)`,
  "gu",
);

export function findOrderNumbers(text: string): OrderNumberMatch[] {
  const out: OrderNumberMatch[] = [];
  for (const m of text.matchAll(ORDER_RE)) {
    const issuer = m[1]!.replace(LEADING_WORDS, "");
    const serial = chineseNumber(halfWidthDigits(m[2] ?? m[3]!));
    if (!issuer || serial === null || serial <= 0) continue;
    out.push({ raw: m[0], normalized: `${issuer}令第${serial}号`, issuer, serial, index: m.index! });
  }
  return out;
}

/** Normalises one 文号 written in any form; null if it is not one. */
export function normalizeDocNumber(s: string): string | null {
  return findDocNumbers(s)[0]?.normalized ?? null;
}
