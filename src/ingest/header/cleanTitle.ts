/**
 * Cleaning a title candidate: what portals and scrapers glue to a title is cut off and
 * kept as noise (a portal's prefix or suffix, a trailing date, anti-scraping junk between
 * the characters, pinyin annotations), and a 文号 in brackets after it is read as the
 * document's own. The title that is left is the document's words only.
 */
import { findDocNumbers, type DocNumberMatch } from "../../text/docNumber.ts";
import { offsetBeforePinyin, stripPinyin } from "../../text/normalize.ts";
import { trimSpace } from "../../text/chars.ts";
import { compactKey, lineKey, toSimplified } from "../../text/keys.ts";
import { TITLE_END } from "../metadata.ts";

export interface CleanTitle {
  title: string;
  /** Pieces cut out of the line, verbatim, in order. */
  removed: string[];
  /** Anti-scraping junk or pinyin found inside the title (already in `removed`). */
  junk: string[];
  /** A 文号 written after the title (…的通知（泰政办发〔2021〕8号）) or glued before it by a portal (梁政发【2023】7号关于…). */
  docNumber: DocNumberMatch | null;
  /** Where that 文号 stood. */
  docNumberAt: "before" | "after" | null;
}

/** Labels and tags portals put before a title. */
const PREFIX_LABELS = String.raw`标\s*题|题\s*名|名\s*称|文件名称|法规标题|详见|详情见|全文见|原文|原文链接`;
const PREFIX_TAGS = "通知|公告|通告|转载|原创|置顶|最新|政策文件|文件|通知公告";
const PREFIX = new RegExp(
  String.raw`^([•·●◆■▪◇*\s]*((${PREFIX_LABELS})\s*[:：])?\s*([【\[](${PREFIX_TAGS})[】\]])?\s*)`,
);
/** A site's or section's name a page prints before the title on the same line (…网 法规首页 <title>). */
export const SITE_OR_SECTION =
  /(门户网站|政府网站|网站|网|首页|频道|栏目|专栏|专题|平台|门户|法规库|数据库|文件库|信息公开|政务公开|政策文件|规范性文件|通知公告|政策法规)$/;
/** What may follow a title's last word on a portal: a separator and a site or section name, or a date. */
const SUFFIX =
  /^\s*([_|｜—–\-]+.*|[（(]?\s*(发布时间|发布日期|时间|日期)?\s*[:：]?\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[）)]?.*|\s{2,}.*)$/;
/**
 * Junk a scraper's trap puts between characters: a run of Latin letters and digits with a
 * lower-case letter in it (titles write acronyms in capitals: LNG, PM2.5 stays).
 */
const JUNK = /(?<=[\p{Script=Han}）》”])[A-Za-z0-9]*[a-z][A-Za-z0-9]*(?=[\p{Script=Han}（《“]|$)/gu;

/** Where the parts of a line set off by spaces start (spaces inside brackets, as in 會(huì ), set off nothing). */
function segmentStarts(t: string): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if ("(（[【《".includes(c)) depth++;
    else if (")）]】》".includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[\s\u3000]/.test(c) && i + 1 < t.length && !/[\s\u3000]/.test(t[i + 1]!) && i > 0)
      starts.push(i + 1);
  }
  return starts;
}

export function cleanTitle(raw: string): CleanTitle {
  const removed: string[] = [];
  const junk: string[] = [];
  let t = trimSpace(raw);
  // Matched on the script fold (one character for one) without pinyin: 詳見(jiàn): is 详见:.
  const prefix = t.slice(0, offsetBeforePinyin(t, PREFIX.exec(toSimplified(stripPinyin(t)))![0].length));
  if (prefix.trim()) removed.push(prefix.trim());
  t = t.slice(prefix.length);
  // Site and section names before the title, set off by spaces: cut, as noise.
  const starts = segmentStarts(t);
  let lead = 0;
  const segment = (k: number) => t.slice(starts[k]!, starts[k + 1] ?? t.length);
  while (
    lead < starts.length - 1 &&
    SITE_OR_SECTION.test(compactKey(segment(lead))) &&
    segment(lead).trim().length <= 20
  )
    lead++;
  if (lead > 0) {
    const rest = lineKey(t.slice(starts[lead]!)).replace(/\s+/g, "");
    if (TITLE_END.test(rest) || /关于/.test(rest)) {
      removed.push(trimSpace(t.slice(0, starts[lead]!)));
      t = t.slice(starts[lead]!);
    }
  }
  // A 文号 in brackets at the end: the document's own number, not part of the title.
  let docNumber: DocNumberMatch | null = null;
  let docNumberAt: CleanTitle["docNumberAt"] = null;
  const bracketed = /[（(]\s*([^（）()]{4,30})\s*[）)]\s*$/.exec(t);
  if (bracketed) {
    const found = findDocNumbers(bracketed[1]!);
    if (found.length === 1 && found[0]!.raw.replace(/\s/g, "") === bracketed[1]!.replace(/\s/g, "")) {
      docNumber = { ...found[0]!, index: bracketed.index };
      docNumberAt = "after";
      t = trimSpace(t.slice(0, bracketed.index));
    }
  }
  // A 文号 a portal's headline glues before the title: 筑府办函〔2020〕78号市人民政府办公厅关于….
  if (!docNumber) {
    const lead = findDocNumbers(t)[0];
    if (
      lead &&
      lead.index === 0 &&
      /号|號/.test(lead.raw) &&
      /[\p{Script=Han}《]/u.test(t.slice(lead.raw.length, lead.raw.length + 1))
    ) {
      docNumber = lead;
      docNumberAt = "before";
      removed.push(lead.raw);
      t = trimSpace(t.slice(lead.raw.length));
    }
  }
  // Cut what follows the last word that ends a title, when it is a portal's suffix.
  const key = lineKey(t);
  if (!TITLE_END.test(key)) {
    for (let i = t.length - 1; i > 0; i--) {
      if (TITLE_END.test(lineKey(t.slice(0, i))) && SUFFIX.test(t.slice(i))) {
        removed.push(trimSpace(t.slice(i)));
        t = trimSpace(t.slice(0, i));
        break;
      }
    }
  }
  const withoutPinyin = stripPinyin(t);
  if (withoutPinyin !== t) {
    for (const m of t.matchAll(/[(（][^()（）]*[)）]/g)) if (!withoutPinyin.includes(m[0])) junk.push(m[0]);
    t = withoutPinyin;
  }
  for (const m of t.matchAll(JUNK)) junk.push(m[0]);
  t = t.replace(JUNK, "");
  removed.push(...junk);
  return { title: t, removed, junk, docNumber, docNumberAt };
}
