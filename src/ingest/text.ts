/**
 * Keys for recognising things in text. A key is never shown or stored as the
 * circular's text: extractors match on keys and cut the original characters.
 */
import * as OpenCC from "opencc-js/t2cn";

const toSimplifiedChars = OpenCC.Converter({ from: "t", to: "cn" });

/** Space-like characters found in scraped circulars: NBSP, 　, BOM, zero-width. */
export const SPACE_CLASS = "\\s\\u00a0\\u3000\\ufeff\\u200b\\u200c\\u200d\\u2002-\\u200a";
const LEADING_SPACE = new RegExp(`^[${SPACE_CLASS}]+`);
const TRAILING_SPACE = new RegExp(`[${SPACE_CLASS}]+$`);
const ANY_SPACE = new RegExp(`[${SPACE_CLASS}]+`, "g");

export function trimSpace(s: string): string {
  return s.replace(LEADING_SPACE, "").replace(TRAILING_SPACE, "");
}

export function isBlank(s: string): boolean {
  return trimSpace(s) === "";
}

/** Traditional → simplified script (mirror sites serve circulars in 繁體). */
export function toSimplified(s: string): string {
  return toSimplifiedChars(s);
}

/**
 * The matching key of a line: simplified script, NFKC (full-width letters, digits
 * and punctuation become half-width; 　 and NBSP become spaces), trimmed.
 */
export function lineKey(s: string): string {
  return trimSpace(toSimplified(s).normalize("NFKC"));
}

/** Full-width digits (０-９) → ASCII digits; nothing else changes. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A key with all space removed, for comparing names written with odd gaps. */
export function compactKey(s: string): string {
  return lineKey(s).replace(ANY_SPACE, "");
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9, 兩: 2, 貳: 2, 參: 3, 陸: 6,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Chinese numerals (一, 十二, 二十三, 一百零五, 二〇一九) → number; null if not one. */
export function chineseNumber(s: string): number | null {
  if (s === "" ) return null;
  if (/^\d+$/.test(s)) return Number(s);
  // Digit-by-digit form used in years: 二〇一九.
  if ([...s].every((c) => c in CN_DIGITS) && s.length > 1) {
    return Number([...s].map((c) => CN_DIGITS[c]).join(""));
  }
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

export const CN_NUMERAL_CLASS = "〇零一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟兩貳參陸";
