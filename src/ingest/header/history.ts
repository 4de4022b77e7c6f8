/**
 * The history of a law or regulation, as the national database prints it under the title —
 * one act a line, each starting with its date:
 *   2018年5月24日 上海市第十五届人民代表大会常务委员会第四次会议《关于修改…》第二次修正
 *   2019年2月17日 中华人民共和国国务院令第708号公布
 *   2019年4月1日 施行
 * — or as a bracketed note: （2010年7月30日…通过　根据2018年9月29日…《关于修改…的决定》修正）.
 * The version in force is the latest act that made or changed the text (not 施行); its
 * maker is the issuer; 施行 gives the date it takes effect.
 */
import type { PartialDate } from "../../model/circular.ts";
import { findOrderNumbers } from "../../text/docNumber.ts";
import { CJK_BASIC, CN_NUMERAL_CLASS } from "../../text/chars.ts";
import type { BodyLine } from "../chrome.ts";
import { readDate } from "../dates.ts";

/** Who approved or published a regulation, in its history line. */
const APPROVED_BY = new RegExp(
  String.raw`(国务院|[${CJK_BASIC}]{2,20}(?:人民政府|部|委员会|总局|局))(?:批准|发布|公布)`,
);

export type ActKind = "adopted" | "revised" | "amended" | "promulgated" | "approved" | "effective";

export interface Act {
  date: PartialDate;
  kind: ActKind;
  /** The body that made the act: 上海市人民代表大会常务委员会, 国务院; null when the line names none. */
  maker: string | null;
  /** The order (令) it was promulgated by: 国务院令第708号. */
  order: string | null;
  /** Source line number. */
  line: number;
}

const DATE =
  `(?:\\d{4}|[${CN_NUMERAL_CLASS}]{4})\\s*年` +
  `\\s*[0-9${CN_NUMERAL_CLASS}]{1,3}\\s*月\\s*[0-9${CN_NUMERAL_CLASS}]{1,3}\\s*日`;
const ACT_WORDS: Array<[RegExp, ActKind]> = [
  [/(起)?施行$|生效$/, "effective"],
  [/修订$/, "revised"],
  [/修正$|修改$/, "amended"],
  [/(公布|发布|颁布|印发)$/, "promulgated"],
  [/批准$/, "approved"],
  [/通过$/, "adopted"],
];

/** The maker of one act, from its wording. */
export function makerOf(text: string): string | null {
  // …批准的2021年12月29日青岛市第十六届…会议关于修改…的决定: the approved decision's body made the change.
  const approved = new RegExp(`批准的\\s*(?:${DATE})?\\s*(?!《)(.+)$`).exec(text);
  if (approved) {
    const inner = makerOf(approved[1]!);
    if (inner) return inner;
  }
  const order = findOrderNumbers(text)[0];
  if (order) return order.issuer === "主席" ? "国家主席" : order.issuer;
  // …省第十三届人民代表大会常务委员会…批准的《郑州市人民代表大会常务委员会关于修改…的决定》修正:
  // the decision's body made the change; the province only approved it.
  // (Up to 关于 only: databases misplace the title's marks — 《…关于修改》〈…〉…的决定》.)
  const approvedDecision = /批准的《([^《》]{2,40}?)关于/.exec(text);
  if (approvedDecision && !/^(本市|本省)/.test(approvedDecision[1]!))
    return approvedDecision[1]!.replace(/^中华人民共和国/, "");
  // 上海市第十五届人民代表大会常务委员会第四次会议 → 上海市人民代表大会常务委员会; 第十届全国人民代表大会… → 全国….
  const congress = new RegExp(
    `^(?:.*?[\\s　])?([${CJK_BASIC}]{0,12}?)第[${CN_NUMERAL_CLASS}\\d]+届(全国)?(人民代表大会(?:常务委员会)?)`,
  ).exec(text);
  if (congress) return `${congress[2] ?? congress[1]!}${congress[3]!}`;
  // 《国务院关于修改部分行政法规的决定》 → 国务院; 《X省人民代表大会常务委员会关于修改…的决定》.
  const decision = /《([^《》]{2,40}?)关于[^《》]*决定》/.exec(text);
  if (decision && !/^(本市|本省)/.test(decision[1]!)) return decision[1]!.replace(/^中华人民共和国/, "");
  const approvedBy = APPROVED_BY.exec(text);
  return approvedBy ? approvedBy[1]!.replace(/^中华人民共和国/, "") : null;
}

/** Said of a promulgation: it takes effect the same day (…发布　自发布之日起施行). */
const SAME_DAY = /[\s，,　]*自(?:公布|发布|颁布|印发)之日(?:起)?(?:施行|生效|实施)$/;

/** One act (its date first), or two when a promulgation says it takes effect the same day. */
function acts(text: string, line: number): Act[] {
  const d = new RegExp(`^\\s*(${DATE})`).exec(text);
  if (!d) return [];
  const date = readDate(d[1]!)?.date;
  if (!date) return [];
  let rest = text
    .slice(d[0].length)
    .replace(/[）)\s。，,；;》]+$/, "")
    .trim();
  const sameDay = SAME_DAY.test(rest);
  if (sameDay) rest = rest.replace(SAME_DAY, "");
  const kind = ACT_WORDS.find(([re]) => re.test(rest))?.[1];
  if (!kind) return [];
  const made: Act = {
    date,
    kind,
    maker: kind === "effective" ? null : makerOf(rest),
    order: findOrderNumbers(rest)[0]?.normalized ?? null,
    line,
  };
  return sameDay && kind !== "effective" ? [made, { date, kind: "effective", maker: null, order: null, line }] : [made];
}

/**
 * A history line's acts: a date starts an act where it stands first, after a break, or after
 * 根据/并/又/并经 (…通过并经2021年12月3日…批准), but not inside one (…批准的2021年12月29日…的决定).
 */
const ACT_START = new RegExp(`(?<=^|[\\s　，,；;。（(]|根据|并经|并|又|经)(?=${DATE})`);

/** A history line that is whole: its brackets closed, and it ends in an act's word. */
function complete(text: string): boolean {
  const open = (text.match(/[《〈（(]/g) ?? []).length;
  const close = (text.match(/[》〉）)]/g) ?? []).length;
  return open <= close && acts(text, 0).length > 0;
}

/** Lines a note or a history runs over: how far the history is looked for, and how long it may be. */
const HISTORY_LOOKAHEAD = 16;
const HISTORY_MAX_LINES = 80;

/**
 * The acts of the history lines (or bracketed note) right under the title. A note may run
 * over several lines, broken anywhere (（2014年7月23日…通 / 过 2015年3月26日…批准）), and a
 * history of many acts over many lines; what comes before the first act (a 文号 line) is
 * skipped, and the history ends at the first line that is neither an act nor blank.
 */
export function readHistory(lines: BodyLine[], from: number): Act[] {
  const found: Act[] = [];
  for (let i = from; i < lines.length && i < from + HISTORY_MAX_LINES; i++) {
    if (!found.length && i >= from + HISTORY_LOOKAHEAD) break;
    const { key, sourceLine } = lines[i]!;
    if (key === "") continue;
    let text = key;
    let last = i;
    // A bracketed note not closed on its line continues on the next ones.
    if (/^[（(]/.test(text) && !/[）)]\s*$/.test(text)) {
      for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
        text += lines[j]!.key;
        if (/[）)]\s*$/.test(lines[j]!.key)) {
          last = j;
          break;
        }
      }
      if (last === i) text = key;
    }
    // An act a narrow page wrapped (…《关于修改 / 〈X条例〉的决定》第一次修正): its line goes on
    // on the next ones, up to a balanced line that ends in an act's word.
    if (new RegExp(`^${DATE}`).test(text)) {
      for (let j = last + 1; j < lines.length && j <= i + 3 && !complete(text); j++) {
        const k = lines[j]!.key;
        if (k === "" || new RegExp(`^${DATE}`).test(k) || /^第[一二三四五六七八九十]+[章条]/.test(k)) break;
        text += k;
        last = j;
      }
    }
    const note = /^[（(](.*)[）)]$/.exec(text);
    if (note || new RegExp(`^${DATE}`).test(text)) {
      // A note holds several acts: …通过　根据…修正；…
      const parts = (note ? note[1]! : text)
        .split(ACT_START)
        .map((p) => p.replace(/[\s，,；;　]*(根据|并经|并|又|经)?[\s，,；;　]*$/, ""));
      const read = parts.flatMap((p) => acts(p, sourceLine));
      if (read.length) {
        found.push(...read);
        i = last;
        continue;
      }
    }
    if (found.length) break;
  }
  return found;
}

/** The version in force: the latest act that made or changed the text. */
export function versionInForce(acts: Act[]): Act | null {
  const making = acts.filter((a) => a.kind !== "effective");
  return making.reduce<Act | null>((latest, a) => (!latest || a.date >= latest.date ? a : latest), null);
}

/**
 * The body that made the version in force: the maker of the latest act that adopted, revised,
 * amended or promulgated it (an approval by a higher body, 批准, makes no one the maker).
 */
export function makerInForce(acts: Act[]): Act | null {
  const making = acts.filter((a) => a.maker && a.kind !== "effective" && a.kind !== "approved");
  const latest = making.reduce<Act | null>((found, a) => (!found || a.date >= found.date ? a : found), null);
  return latest && { ...latest, maker: withPlaceName(latest.maker!, making) };
}

/**
 * A maker written without its place, as databases print a body's later sessions
 * (2010年9月29日 市第三届人民代表大会常务委员会…修订 under 重庆市第一届…通过), takes the place of
 * another act's maker of the same level: 重庆市人民代表大会常务委员会, not 市人民代表大会常务委员会.
 */
function withPlaceName(maker: string, acts: Act[]): string {
  const bare = /^(市|省|自治区|自治州|州|县|区|旗)((?:人民代表大会|人民政府).*)$/.exec(maker);
  if (!bare) return maker;
  for (const a of acts) {
    const place = new RegExp(`^(\\p{Script=Han}{1,12}?${bare[1]})(?:人民代表大会|人民政府)`, "u").exec(a.maker ?? "");
    if (place && place[1] !== bare[1]) return place[1] + bare[2]!;
  }
  return maker;
}
