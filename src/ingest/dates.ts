/**
 * Dates as circulars write them → ISO 8601 with their real precision. Also the forms
 * scraped pages break: ○ typed for 〇 (二○一六年), 月 lost (2016年1013日), everything run
 * together (2021519); these are read where only one reading is possible, and the repair
 * is said.
 */
import type { PartialDate } from "../model/circular.ts";
import { CN_NUMERAL_CLASS, chineseNumber, halfWidthDigits, removeSpace } from "../text/chars.ts";

const pad = (n: number) => String(n).padStart(2, "0");

export function isoDate(year: number, month?: number | null, day?: number | null): PartialDate | null {
  if (!(year >= 1949 && year <= 2100)) return null;
  if (month == null) return String(year);
  if (!(month >= 1 && month <= 12)) return null;
  if (day == null) return `${year}-${pad(month)}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!(day >= 1 && day <= last)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const N = `[0-9０-９${CN_NUMERAL_CLASS}]`;
/** 2020年12月1日, 二〇二〇年十二月一日, 2019年04月26日, 2020年2月. */
const CN_DATE = new RegExp(`(${N}{4})\\s*年\\s*(${N}{1,3})\\s*月(?:\\s*(${N}{1,3})\\s*[日号])?`);
/** 2020-02-26, 2020/2/26, 2020.2.26 */
const NUM_DATE = /((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})/;

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  return chineseNumber(halfWidthDigits(s));
}

/** A date read, and what had to be repaired to read it (in Chinese), if anything. */
export interface ReadDate {
  date: PartialDate;
  repair: string | null;
}

/** The first date in `s`, or null. */
export function parseDate(s: string): PartialDate | null {
  return readDate(s)?.date ?? null;
}

/** Month and day run together (1013, 519): the one reading that is a real date, else null. */
function splitMonthDay(year: number, digits: string): PartialDate | null {
  const readings = [1, 2]
    .filter((k) => digits.length - k >= 1 && digits.length - k <= 2)
    .map((k) => isoDate(year, Number(digits.slice(0, k)), Number(digits.slice(k))))
    .filter((d): d is PartialDate => d !== null);
  return readings.length === 1 ? readings[0]! : null;
}

/** A year in Chinese numerals typed with the letter O for 〇 (二OO九年): the letter read as 〇. */
const LETTER_O_YEAR = new RegExp(
  `(?<=[${CN_NUMERAL_CLASS}OoＯｏ])[OoＯｏ]|[OoＯｏ](?=[${CN_NUMERAL_CLASS}OoＯｏ]*\\s*年)`,
  "g",
);

function withoutLetterO(raw: string): string {
  return raw.replace(new RegExp(`[${CN_NUMERAL_CLASS}OoＯｏ]{4}(?=\\s*年)`, "g"), (year) =>
    /[OoＯｏ]/.test(year) && /[^OoＯｏ]/.test(year) ? year.replace(LETTER_O_YEAR, "〇") : year,
  );
}

export function readDate(raw: string): ReadDate | null {
  const unO = withoutLetterO(raw);
  const s = halfWidthDigits(unO);
  const cn = CN_DATE.exec(s);
  if (cn) {
    const y = num(cn[1]);
    const date = y === null ? null : isoDate(y, num(cn[2]), cn[3] === undefined ? null : num(cn[3]));
    const repair = unO !== raw ? "年份中的字母“O”按“〇”读" : cn[0].includes("○") ? "“○”按“〇”读" : null;
    if (date) return { date, repair };
  }
  const n = NUM_DATE.exec(s);
  if (n) {
    const date = isoDate(Number(n[1]), Number(n[2]), Number(n[3]));
    if (date) return { date, repair: null };
  }
  // 2016年1013日: 月 lost between month and day.
  const glued = /((?:19|20)\d{2})\s*年\s*(\d{3,4})\s*[日号]/.exec(s);
  if (glued) {
    const date = splitMonthDay(Number(glued[1]), glued[2]!);
    if (date) return { date, repair: `“${glued[0]}”缺“月”字，读作 ${date}` };
  }
  return null;
}

/** A line that is nothing but a date: the 成文日期 under a signature. */
export function dateLine(key: string): ReadDate | null {
  // 年, 月 and 日 lost, the numbers kept apart by spaces ({ 2017 6 23): read when it is a date.
  const spaced = /^[^\p{Script=Han}\d]{0,2}((?:19|20)\d{2})\s+(\d{1,2})\s+(\d{1,2})\s*$/u.exec(
    halfWidthDigits(key).trim(),
  );
  if (spaced) {
    const date = isoDate(Number(spaced[1]), Number(spaced[2]), Number(spaced[3]));
    if (date) return { date, repair: `“${key.trim()}”缺“年月日”，读作 ${date}` };
  }
  const k = removeSpace(halfWidthDigits(withoutLetterO(key)));
  if (k.length > 20) return null;
  if (
    new RegExp(
      `^(?:${N}{4}年${N}{1,3}月${N}{1,3}[日号]|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2}|(?:19|20)\\d{2}年\\d{3,4}[日号])$`,
    ).test(k)
  )
    return readDate(removeSpace(halfWidthDigits(key)));
  // 2021519, 20210519: digits alone, read when only one reading is a date.
  const digits = /^((?:19|20)\d{2})(\d{3,4})$/.exec(k);
  if (digits) {
    const date = splitMonthDay(Number(digits[1]), digits[2]!);
    if (date) return { date, repair: `“${k}”数字连写，读作 ${date}` };
  }
  return null;
}
