/** Dates as circulars write them → ISO 8601 with their real precision. */
import type { PartialDate } from "../model/circular.ts";
import { CN_NUMERAL_CLASS, chineseNumber, halfWidthDigits } from "../text/chars.ts";

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

/** The first date in `s`, or null. */
export function parseDate(s: string): PartialDate | null {
  const cn = CN_DATE.exec(s);
  if (cn) {
    const y = num(cn[1]);
    if (y !== null) return isoDate(y, num(cn[2]), cn[3] === undefined ? null : num(cn[3]));
  }
  const n = NUM_DATE.exec(s);
  if (n) return isoDate(Number(n[1]), Number(n[2]), Number(n[3]));
  return null;
}

/** A line that is nothing but a date: the 成文日期 under a signature. */
export function dateLine(key: string): PartialDate | null {
  const k = key.replace(/\s+/g, "");
  if (k.length > 20) return null;
  if (!new RegExp(`^(?:${N}{4}年${N}{1,3}月${N}{1,3}[日号]|(?:19|20)\\d{2}[-/.]\\d{1,2}[-/.]\\d{1,2})$`).test(k)) return null;
  return parseDate(k);
}
