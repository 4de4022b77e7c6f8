/**
 * Character classes of Chinese official text, in one place: white space as scraped pages
 * write it, Han characters, full-width digits, every bracket kind, Chinese numerals.
 * Browser-safe: no Node APIs.
 */

/**
 * The one white-space class: JavaScript's \s (which holds NBSP, 　, BOM and the en/em
 * spaces) plus the zero-width characters scraped pages leave between characters.
 */
export const SPACE_CLASS = "\\s\\u200b\\u200c\\u200d\\u2060";
const LEADING_SPACE = new RegExp(`^[${SPACE_CLASS}]+`);
const TRAILING_SPACE = new RegExp(`[${SPACE_CLASS}]+$`);
export const ANY_SPACE = new RegExp(`[${SPACE_CLASS}]+`, "g");

export function trimSpace(s: string): string {
  return s.replace(LEADING_SPACE, "").replace(TRAILING_SPACE, "");
}

export function isBlank(s: string): boolean {
  return trimSpace(s) === "";
}

export function removeSpace(s: string): string {
  return s.replace(ANY_SPACE, "");
}

/** A Han character (any CJK block, extensions and compatibility ideographs included). */
export const HAN = /\p{Script=Han}/u;
/**
 * The basic CJK Unified Ideographs block (U+4E00–U+9FFF), as a character-class range for
 * patterns built with new RegExp: the Han of titles, issuers and headings.
 */
export const CJK_BASIC = "\\u4e00-\\u9fff";

export const FULL_WIDTH_DIGIT_CLASS = "０-９";
/** ASCII and full-width digits. */
export const DIGIT_CLASS = `0-9${FULL_WIDTH_DIGIT_CLASS}`;

/** Full-width digits (０-９) → ASCII digits; nothing else changes. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Opening and closing brackets, each at the same position as its partner: 〔〕 (文号),
 * ［］ [], （） (), ﹝﹞, 【】, 〖〗, ﹙﹚, and the title marks 《》 〈〉.
 */
export const OPEN_BRACKETS = "〔［[（(﹝【〖﹙《〈";
export const CLOSE_BRACKETS = "〕］]）)﹞】〗﹚》〉";
/** Round brackets only (the ones that enclose notes and 责任单位 lists). */
export const OPEN_PAREN = "（(﹙";
export const CLOSE_PAREN = "）)﹚";
/** The brackets a 文号's year may stand in, as scraped pages write them. */
export const DOC_NUMBER_OPEN = "〔［[（(【﹝〖";
export const DOC_NUMBER_CLOSE = "〕］]）)】﹞〗";

/** Escapes a set of characters for use inside a RegExp character class. */
export function classOf(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, (c) => `\\${c}`);
}

/**
 * Chinese numerals as circulars write them: 〇 and ○ (a white circle typed for 〇 in
 * dates such as 二○一六年), 零, 一 … 九, 两, the financial forms and the units.
 */
const CN_DIGITS: Record<string, number> = {
  〇: 0,
  "○": 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
  兩: 2,
  貳: 2,
  參: 3,
  陸: 6,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export const CN_NUMERAL_CLASS = Object.keys(CN_DIGITS).join("") + Object.keys(CN_UNITS).join("");

/** Chinese numerals (一, 十二, 二十三, 一百零五, 二〇一九, 二○一六) or digits → number; null if not one. */
export function chineseNumber(s: string): number | null {
  if (s === "") return null;
  const half = halfWidthDigits(s);
  if (/^\d+$/.test(half)) return Number(half);
  // Digit-by-digit form used in years: 二〇一九.
  if (s.length > 1 && [...s].every((c) => c in CN_DIGITS)) return Number([...s].map((c) => CN_DIGITS[c]).join(""));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in CN_DIGITS) current = CN_DIGITS[c]!;
    else if (c in CN_UNITS) {
      total += (current === 0 ? 1 : current) * CN_UNITS[c]!;
      current = 0;
    } else return null;
  }
  return total + current;
}

const CN_DIGIT_CHARS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 23 → 二十三, 105 → 一百零五: the form labels and citations are written in. */
export function toChineseNumeral(n: number): string {
  if (n < 10) return CN_DIGIT_CHARS[n]!;
  if (n < 20) return "十" + CN_DIGIT_CHARS[n % 10]!;
  if (n < 100) return CN_DIGIT_CHARS[Math.floor(n / 10)]! + "十" + CN_DIGIT_CHARS[n % 10]!;
  const rest = n % 100;
  return (
    CN_DIGIT_CHARS[Math.floor(n / 100)]! +
    "百" +
    (rest === 0
      ? ""
      : rest < 10
        ? "零" + CN_DIGIT_CHARS[rest]
        : rest < 20
          ? "一" + toChineseNumeral(rest)
          : toChineseNumeral(rest))
  );
}

/** Lead and trail bytes of the GB2312 hanzi block (rows 16-55 level 1, 56-87 level 2). */
export const GB2312_BYTE_RANGE = { lead: [0xb0, 0xf7], trail: [0xa1, 0xfe] } as const;
