/**
 * What a document's page, database or text says of its force: 时效性 as a field states it
 * (时效性：现行有效, status: 已废止), read into one of the statuses the library shows (a word it
 * cannot read with certainty, 部分失效 or 待定, states nothing), and its own term (有效期5年).
 */
import type { Evidence, ValidityStatus, ValidityTerm } from "../../model/circular.ts";
import { CN_NUMERAL_CLASS, chineseNumber } from "../../text/chars.ts";
import { lineKey } from "../../text/keys.ts";
import type { BodyLine } from "../chrome.ts";
import { readDate } from "../dates.ts";
import { fieldCandidate, type PortalValue } from "./fields.ts";

const STATED: Array<[RegExp, ValidityStatus]> = [
  [/^(尚未生效|尚未施行|未生效|尚未实施)$/, "not-yet-in-force"],
  [/^(已被修改|已修改|已修正|已修订|被修改|修改)$/, "amended"],
  [/^(已废止|废止|已被废止|已撤销)$/, "repealed"],
  [/^(失效|已失效|已过期|过期|否|无效)$/, "expired"],
  [/^(有效|现行有效|现行|是|有效的|合法有效)$/, "in-force"],
];

export interface StatedValidity {
  status: ValidityStatus;
  text: string;
  evidence: Evidence;
}

/** The first field that states a status this library can show, or null. */
export function statedValidity(fields: PortalValue[]): StatedValidity | null {
  for (const f of fields) {
    const word = lineKey(f.value).replace(/\s+/g, "");
    const status = STATED.find(([re]) => re.test(word))?.[1];
    if (!status) continue;
    const { value: _value, ...evidence } = fieldCandidate(f, status);
    return { status, text: f.value.trim(), evidence };
  }
  return null;
}

const NUMERAL = `[${CN_NUMERAL_CLASS}0-9]+`;
const DATE = `\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}`;
/** 有效期5年, 有效期为三年, 试行期2年, 有效期两个月. */
const PERIOD = new RegExp(
  `(?:有效期|试行期|暂行期|执行期|实施期)(?:限)?(?:为|是)?(?:自[^，。；]{0,24}?起)?(${NUMERAL})\\s*(年|个月)|(?:试行|暂行)(${NUMERAL})\\s*(年|个月)`,
);
/** 有效期至2025年12月31日, 有效期截至…. */
const UNTIL = new RegExp(
  `(?:有效期|执行期|实施期|试行期)(?:限)?(?:为)?(?:[^，。；]{0,24}?)(?:至|到|截至|截止到|截止至|截止)\\s*(${DATE})`,
);

/**
 * The document's term as its text states it (有效期5年, 有效期至2025年12月31日, 试行2年), or as a
 * page's 失效日期 field gives it. The first statement found; null when none is stated — a
 * term is never assumed from the genre (暂行, 试行) alone.
 */
export function validityTerm(lines: BodyLine[], fields: PortalValue[]): ValidityTerm | null {
  for (const l of lines) {
    // The document's own term, not a licence's (许可证有效期为5年): in a sentence about the
    // document (本通知…有效期, 本办法有效期至…) or about its taking effect (自印发之日起施行，有效期5年).
    const sentence =
      l.key
        .split(/[。；;]/)
        .find((s) => /有效期|试行期|暂行期|执行期|实施期|(试行|暂行)[一二三四五六七八九十两\d]/.test(s)) ?? "";
    const own =
      /本(通知|办法|规定|意见|方案|细则|决定|规则|预案|制度|措施|条例|实施意见|实施方案|实施细则|标准|要点|规范|指南|文件)(的)?(有效期|试行期|暂行期|执行期|实施期|试行|暂行)/;
    if (!own.test(sentence) && !/(施行|实施|执行)[，,、\s]*(有效期|试行期|暂行期|试行|暂行)/.test(sentence)) continue;
    const until = UNTIL.exec(sentence);
    const date = until ? readDate(until[1]!)?.date : null;
    if (until && date) return { text: until[0], line: l.sourceLine, months: null, until: date };
    const period = PERIOD.exec(sentence);
    if (period) {
      const n = chineseNumber(period[1] ?? period[3]!);
      const unit = period[2] ?? period[4]!;
      if (n && n > 0 && n <= 50)
        return { text: period[0], line: l.sourceLine, months: unit === "年" ? n * 12 : n, until: null };
    }
  }
  for (const f of fields) {
    const date = readDate(f.value)?.date;
    if (date) return { text: `「${f.label}」${f.value.trim()}`, line: f.line, months: null, until: date };
  }
  return null;
}
