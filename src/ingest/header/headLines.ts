/**
 * The head of a document: the lines above its text that carry its 版头 (issuer banner),
 * title, 文号 and 主送机关. Scraped pages put anything there (a site's blurb, a breadcrumb,
 * the whole page on one line, a news headline), so the head is searched for evidence, not
 * read by position: every title-like line is a candidate, and so is a 文号 standing alone.
 */
import { BREADCRUMB, SECTION_NAME } from "../../config/chrome.ts";
import { findDocNumbers, type DocNumberMatch } from "../../text/docNumber.ts";
import { compactKey, toSimplified } from "../../text/keys.ts";
import { stripPinyin } from "../../text/normalize.ts";
import type { BodyLine } from "../chrome.ts";
import { dateLine } from "../dates.ts";
import { candidate, type Candidate } from "./evidence.ts";
import { matchLabel } from "../labels.ts";
import { TITLE_END, genreOf, isOrgLine, isOrgName, splitOrgs } from "../metadata.ts";
import type { Blocks } from "../blocks.ts";
import { SITE_OR_SECTION, cleanTitle, type CleanTitle } from "./cleanTitle.ts";
import { CJK_BASIC } from "../../text/chars.ts";

/** A title run into other text: an issuer, 关于, and a document kind. */
const TITLE_IN_TEXT = new RegExp(
  String.raw`(?:[${CJK_BASIC}]{2,30}?)?关于[^。；;，,：:\s]{2,80}?(通知|意见|决定|通报|公告|通告|报告|批复|函|方案|要点|办法|规定|细则|规划|计划)`,
);

/** A space between two Han characters. */
const SPACE_IN_HAN = new RegExp(String.raw`(?<=[${CJK_BASIC}]) (?=[${CJK_BASIC}])`, "g");

/** How far down a title is looked for (scraped pages put a lot above it). */
const HEAD_LINES = 40;
const TITLE_MAX = 120;

export interface TitleCandidate extends Candidate<string> {
  /** Body indices of its lines (empty when it is not a line of its own). */
  indices: number[];
  /** Issuers named above it (版头) as part of it. */
  banner: string[];
  cleaned: CleanTitle;
}

export interface Head {
  titles: TitleCandidate[];
  docNumbers: Array<Candidate<DocNumberMatch> & { index: number | null }>;
  /** Issuers of a red-header banner (X X X 文件) or the lines above the title. */
  banners: Array<Candidate<string[]>>;
  addressees: string[];
  addresseeIndex: number | null;
  /** The title as the page framed it, when the circular proper sits inside it (征求意见 反馈). */
  pageTitle: string | null;
}

/** A line that could be (part of) a title: not a field, a breadcrumb, a section name, a date, a 文号, a sentence. */
function titleLike(key: string): boolean {
  if (key === "" || key.length > TITLE_MAX || BREADCRUMB.test(key) || SECTION_NAME.test(compactKey(key))) return false;
  // A site's or section's name (…法规库, …门户网站), and markup left by a page, are no title.
  if (SITE_OR_SECTION.test(compactKey(key)) || /^\s*<\/?[a-z]|<[a-z]+\s+[a-z-]+=/i.test(key)) return false;
  // A link to the document's interpretation (…政策文件 政策解读：关于…的解读).
  if (/^(.{0,40}\s)?(政策解读|相关解读|图文解读|图解|一图读懂)\s*[:：]/.test(key)) return false;
  if (/^[•·●◆]?\s*(索引号|发布机构|发文机关|发文字号|文号|成文日期|发布日期|主题分类)\s*[:：]/.test(key)) return false;
  if (/[。！？!?；;]$/.test(key) || /[:：]$/.test(key)) return false;
  return true;
}

/** The red-header banner: 吉林省人民政府文件, 中共X委办公室 X人民政府办公室文件 (letters spaced out). */
function bannerIssuers(key: string): string[] | null {
  const k = key.replace(/\s+/g, " ").trim();
  const m = /^(.+?)\s*文\s*件$/.exec(k);
  if (!m) return null;
  const orgs = splitOrgs(m[1]!.replace(SPACE_IN_HAN, m[1]!.includes("  ") ? " " : ""));
  // Bodies, not a site's sections (政府文件, …法规库 政策文件): each a name of some length, no site words in it.
  return orgs.every((o) => isOrgName(o) && o.length >= 4 && !/(网|库|平台|文件|频道|栏目)/.test(o)) ? orgs : null;
}

const joined = (lines: BodyLine[], indices: number[]) => indices.map((i) => lines[i]!.text.trim()).join("");

/** The head's evidence: the lines above the notice's text (blocks.ts), where its 版头, title and 文号 stand. */
export function readHead(lines: BodyLine[], blocks: Blocks): Head {
  const textStart = blocks.textStart;
  const end = Math.min(textStart, HEAD_LINES, lines.length);
  const docNumbers: Head["docNumbers"] = [];
  const banners: Head["banners"] = [];
  const titles: TitleCandidate[] = [];
  const used = new Set<number>();

  // 文号 standing on a line of its own (with 签发人 and the like beside it; pinyin annotations aside).
  for (let i = 0; i < end; i++) {
    let text = stripPinyin(lines[i]!.text);
    // A 文号 a narrow page broke at its line's end (安委办〔2011〕1 / 2号) is read across the break.
    const next = lines[i + 1]?.text.trim() ?? "";
    if (/[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d*\s*$/.test(text.trim()) && /^\d*\s*[号號]/.test(next))
      text = text.trimEnd() + next;
    const found = findDocNumbers(text);
    const rest = compactKey(text.replace(found[0]?.raw ?? "", "")).replace(/^(签发人|签发)[:：].*$/, "");
    if (found.length === 1 && rest.length <= 2) {
      docNumbers.push({ ...candidate(found[0]!, "head", lines[i]!.sourceLine, "high", "文号行"), index: i });
      used.add(i);
    }
  }
  for (let i = 0; i < end; i++) {
    const b = bannerIssuers(lines[i]!.key);
    if (b) {
      banners.push(candidate(b, "head", lines[i]!.sourceLine, "high", "版头“…文件”"));
      used.add(i);
    }
  }

  // Title lines: the first part ends with a title's last word, or wraps onto the next lines.
  for (let i = 0; i < end; i++) {
    // An organisation's name alone is a 版头 or a site's name: it joins a title only from above.
    if (used.has(i) || !titleLike(lines[i]!.key) || dateLine(lines[i]!.key) || isOrgLine(lines[i]!.key)) continue;
    const indices = [i];
    const endsTitle = () => TITLE_END.test(compactKey(cleanTitle(joined(lines, indices)).title));
    while (!endsTitle() && indices.length < 4) {
      // The next line with text: pages that put a blank line after every line wrap titles over them too.
      let next = indices.at(-1)! + 1;
      while (next < end && lines[next]!.key === "" && next - indices.at(-1)! <= 2) next++;
      if (next >= end || !titleLike(lines[next]!.key) || used.has(next)) break;
      // A line that begins a title of its own (…关于…) does not continue a line without 关于: that was a
      // headline — unless that line ends in 转发/印发 (X转发 / Y关于…的通知: one title).
      const forwards = /(转发|印发|批转|转批)$/.test(lines[indices.at(-1)!]!.key);
      if (/关于/.test(lines[next]!.key) && !indices.some((k) => /关于/.test(lines[k]!.key)) && !forwards) break;
      // Nor does a line that is a whole title by itself and starts as titles start (中华人民共和国…法, 吉林省…条例).
      const alone = compactKey(cleanTitle(lines[next]!.text).title);
      if (
        !forwards &&
        !indices.some((k) => /关于/.test(lines[k]!.key)) &&
        TITLE_END.test(alone) &&
        /^(中华人民共和国|关于)/.test(alone)
      )
        break;
      indices.push(next);
    }
    const cleaned = cleanTitle(joined(lines, indices));
    const key = compactKey(cleaned.title);
    if (!TITLE_END.test(key) || key.length < 4 || isOrgName(key)) continue;
    // A title names its subject: 关于…, or it is the first line (a regulation's name), or it has a 文种.
    const strong = /关于/.test(key) || (i === firstContent(lines) && genreOf(cleaned.title) !== null);
    // Issuer lines directly above belong to it (版头 + 事由 + 文种), unless it names its issuer itself.
    const banner: string[] = [];
    if (!/^.{2,60}?关于/.test(key)) {
      for (let j = i - 1; j >= 0 && i - j <= 3 && !used.has(j); j--) {
        const k = lines[j]!.key;
        // Only lines next to it in the source: a site's name above a breadcrumb and fields is no 版头.
        if (lines[j + 1]!.sourceLine - lines[j]!.sourceLine !== 1) break;
        if (k === "") continue;
        if (!isOrgLine(k)) break;
        indices.unshift(j);
        banner.unshift(...splitOrgs(k));
      }
    }
    const title = banner.length ? cleanTitle(joined(lines, indices)) : cleaned;
    titles.push({
      ...candidate(
        title.title,
        "head",
        lines[indices[0]!]!.sourceLine,
        strong ? "high" : "medium",
        strong ? "标题行" : "标题行（无“关于”）",
      ),
      indices,
      banner,
      cleaned: title,
    });
    i = indices.at(-1)!;
  }
  // The 发文机关标志 above the title, with a rule line or the 文号 between (红头: 贵阳市人民政府办公厅 / ——— / 文号 / 标题).
  for (const t of titles) {
    if (t.banner.length || t.indices.length === 0) continue;
    for (let j = t.indices[0]! - 1; j >= 0 && j >= t.indices[0]! - 6; j--) {
      const k = lines[j]!.key;
      if (lines[j + 1]!.sourceLine - lines[j]!.sourceLine !== 1) break;
      if (k === "" || /^[—\-_=━─－―]+$/.test(k.replace(/\s+/g, "")) || docNumbers.some((d) => d.index === j)) continue;
      if (isOrgLine(k))
        banners.push(candidate(splitOrgs(k), "head", lines[j]!.sourceLine, "high", "版头的发文机关标志"));
      break;
    }
  }
  // A title in 《》 on a line of its own (a database page that prints 《XX办法》 first).
  for (let i = 0; i < end && titles.length === 0; i++) {
    const m = /^《([^《》]{4,80})》$/.exec(compactKey(lines[i]!.text));
    if (m && TITLE_END.test(m[1]!)) {
      const cleaned = cleanTitle(lines[i]!.text.trim().replace(/^《|》$/g, ""));
      titles.push({
        ...candidate(cleaned.title, "head", lines[i]!.sourceLine, "medium", "书名号中的标题"),
        indices: [i],
        banner: [],
        cleaned,
      });
    }
  }
  // A news item that publishes the document: …发布《…的通知》。全文如下：
  if (titles.length === 0) {
    for (let i = 0; i < Math.min(lines.length, textStart + 1, HEAD_LINES); i++) {
      // On the script fold alone (one character for one), so the title is cut from the text as written.
      const m =
        /(?:发布|印发|公布|发出|下发)了?《([^《》]{6,100})》[。，,]?\s*(?:全文如下|内容如下|原文如下|通知如下)/.exec(
          toSimplified(lines[i]!.text),
        );
      if (!m || !genreOf(m[1]!)) continue;
      const at = m.index + m[0].indexOf("《") + 1;
      const cleaned = cleanTitle(lines[i]!.text.slice(at, at + m[1]!.length));
      titles.push({
        ...candidate(cleaned.title, "head", lines[i]!.sourceLine, "medium", "导语中“全文如下”所发布的文件"),
        indices: [],
        banner: [],
        cleaned,
      });
      break;
    }
  }
  // A title inside a long line: the whole page scraped onto one line, or a blurb before it.
  if (!titles.some((t) => t.confidence === "high")) {
    for (let i = 0; i < end; i++) {
      const text = lines[i]!.text;
      if (text.length <= TITLE_MAX) continue;
      const m = TITLE_IN_TEXT.exec(text);
      if (!m) continue;
      const cleaned = cleanTitle(m[0]);
      titles.push({
        ...candidate(cleaned.title, "head", lines[i]!.sourceLine, "medium", "长行中的标题"),
        indices: [],
        banner: [],
        cleaned,
      });
    }
  }

  // 文号 run onto the 主送机关 line (交安监发〔2011〕777号 各省、自治区…：).
  const addressed = blocks.addressees;
  if (addressed?.docNumberPrefix) {
    const found = findDocNumbers(stripPinyin(lines[addressed.index]!.text))[0];
    if (found)
      docNumbers.push({
        ...candidate(found, "head", lines[addressed.index]!.sourceLine, "high", "主送机关前的文号"),
        index: null,
      });
  }

  // A page that wraps the circular (征求意见的结果反馈 …) names it in 《》: use the circular's own title.
  let pageTitle: string | null = null;
  const first = titles[0];
  if (first && !genreOf(first.value)) {
    for (const m of first.value.matchAll(/《([^》]+)》/g)) {
      const inner = m[1]!;
      const at = lines.findIndex(
        (l, i) => i > (first.indices.at(-1) ?? -1) && compactKey(l.text) === compactKey(inner),
      );
      if (at >= 0 && genreOf(inner)) {
        pageTitle = first.value;
        titles[0] = {
          ...candidate(lines[at]!.text.trim(), "head", lines[at]!.sourceLine, "high", "页面所附正文的标题"),
          indices: [at],
          banner: [],
          cleaned: cleanTitle(lines[at]!.text),
        };
        break;
      }
    }
  }
  return {
    titles,
    docNumbers,
    banners,
    addressees: addressed?.list ?? [],
    addresseeIndex: addressed?.index ?? null,
    pageTitle,
  };
}

function firstContent(lines: BodyLine[]): number {
  return lines.findIndex((l) => l.key !== "");
}

/** A title from a 印发/转发 sentence: 现将《2021年安全生产工作要点》印发给你们. */
export function issuedSubject(lines: BodyLine[], limit = 20): Candidate<string> | null {
  for (const l of lines.slice(0, limit)) {
    const m = /(?:现将|現將|特将|特將|将|將|把)《([^《》]{4,80})》(?:印发|印發|转发|轉發)/.exec(l.text);
    if (m)
      return candidate(
        m[1]!,
        "body",
        l.sourceLine,
        "low",
        /转发|轉發/.test(m[0]) ? "“转发”一句所转发的文件" : "“印发”一句所印发的文件",
      );
  }
  return null;
}
