/**
 * Separates portal chrome from the circular. Nothing is dropped: each non-blank source
 * line ends up either in the body or in `noise`, so a reader can audit the cut. The
 * portal's metadata fields (发文字号：…, 成文日期：…) are read on the way, with their lines,
 * as evidence for the header.
 */
import {
  CHROME_LINE_PATTERNS,
  CHROME_MAX_LENGTH,
  PORTAL_FIELD_LABELS,
  RELATED_LINKS_HEADING,
  SPAM_LINE,
  type PortalFieldLabel,
} from "../config/chrome.ts";
import { CJK_BASIC, isBlank } from "../text/chars.ts";
import { compactKey, lineKey } from "../text/keys.ts";

/** The next label of a run-together metadata row, and all after it. */
const NEXT_LABEL = new RegExp(String.raw`\s+[${CJK_BASIC}]{2,6}\s*[:：].*$`);

/** One line of the document body, with its 1-based line number in the source file. */
export interface BodyLine {
  text: string;
  sourceLine: number;
  /** Matching key: simplified, half-width, trimmed. */
  key: string;
}

/** A value of the portal's metadata, and the source line it was read on. */
export interface PortalField {
  value: string;
  line: number;
}

export interface ChromeResult {
  body: BodyLine[];
  noise: Array<{ line: number; text: string }>;
  /** Values of the portal's metadata table, by label (e.g. 发布机构 → 应急管理局). */
  portalFields: Partial<Record<PortalFieldLabel, PortalField>>;
}

/** Every label, longest first, each character of it allowed apart (索 引 号, 文  号). */
const LABELS = [...PORTAL_FIELD_LABELS].sort((a, b) => b.length - a.length);
const SPACED = LABELS.map((l) => [...l].join("\\s*")).join("|");
/**
 * A label where a field starts: at the line's start (after a bullet or an item number: •, -,
 * 1.) or after a gap; bracketed ([发文字号], 【文号】) or not, a compound such as 备注/文号
 * taken by its last part; then a colon, a gap or the line's end.
 */
const LABEL_AT = new RegExp(
  `(?:^|(?<=[\\s|｜]))(?:[•·●◆■▪◇○*-]\\s*|\\d{1,2}[.、．]\\s*)?[【\\[]?(?:[${CJK_BASIC}]{1,4}/)?` +
    `(${SPACED})(?:[】\\]]\\s*[:：]?|\\s*(?:[:：]|(?=\\s)|$))`,
  "g",
);

export interface FieldToken {
  label: PortalFieldLabel;
  value: string;
}

/**
 * The fields of a line that holds nothing else: 发文字号：X, •发文字号:X, 【发文字号】X,
 * "索引号 620722087/2020-00915 发文字号 民政发〔2020〕110号", "1. [成文日期] 2020-01-13",
 * "发布机构: X 成文日期: 2023年08月10日", a label alone (its value on a line below). Without
 * colons or brackets a line needs two labels to be fields (a sentence may start with 名称).
 * Null for any other line.
 */
export function fieldsOfLine(key: string): FieldToken[] | null {
  const hits = [...key.matchAll(LABEL_AT)];
  if (hits.length === 0 || hits[0]!.index !== 0) return null;
  const out: FieldToken[] = [];
  let marked = false;
  hits.forEach((h, i) => {
    const label = h[1]!.replace(/\s+/g, "") as PortalFieldLabel;
    marked ||= /[:：】\]]\s*$/.test(h[0]);
    // A value ends where another field the list does not know begins (… 浏览次数: 字体:[ ]).
    const value = key.slice(h.index! + h[0].length, hits[i + 1]?.index ?? key.length).replace(NEXT_LABEL, "");
    out.push({ label, value: value.trim() });
  });
  const alone = out.length === 1 && out[0]!.value === "";
  return marked || alone || out.length >= 2 ? out : null;
}

/** A table row as text: "文号 | 潍政办字〔2019〕33号 | 发布机构 | 潍坊市人民政府办公室 |". */
function tableFields(key: string): FieldToken[] | null {
  if (!/[|｜]/.test(key)) return null;
  const cells = key
    .split(/[|｜]/)
    .map((c) => c.replace(/\s+/g, "").replace(/[:：]$/, ""))
    .filter(Boolean);
  const out: FieldToken[] = [];
  for (let i = 0; i + 1 < cells.length; i++) {
    if ((PORTAL_FIELD_LABELS as readonly string[]).includes(cells[i]!)) {
      out.push({ label: cells[i] as PortalFieldLabel, value: cells[i + 1]! });
      i++;
    }
  }
  return out.length ? out : null;
}

/** A line left by HTML that was not rendered: tags and entities, perhaps after a number label. */
export function isMarkupResidue(line: string): boolean {
  if (!/<\/?[a-z][^>]*>|&(nbsp|lt|gt|amp|quot|#\d+);/i.test(line)) return false;
  const text = line.replace(/<\/?[a-z][^>]*>|<!--.*?-->|&(nbsp|lt|gt|amp|quot|#\d+);/gi, "");
  return /^[\s\d.、．（）()一二三四五六七八九十]*$/.test(text);
}

/** A title with advertising glued after it (…的通知-【澳门新葡京】): a title line, its tail cut off later. */
function titleBeforeSpam(key: string): boolean {
  const spam = SPAM_LINE.exec(key);
  return (
    spam !== null &&
    /关于.{2,80}(通知|意见|决定|通报|公告|通告|报告|批复|函|方案|要点|办法|规定|细则)/.test(key.slice(0, spam.index))
  );
}

export function isChromeLine(line: string): boolean {
  const key = lineKey(line);
  if (key === "") return false;
  if (isMarkupResidue(line)) return true;
  return (
    key.length <= CHROME_MAX_LENGTH &&
    !/。/.test(key) &&
    CHROME_LINE_PATTERNS.some((re) => re.test(key)) &&
    !titleBeforeSpam(key)
  );
}

/** A date as lists print it beside a link: 2021-02-05, [2021-02-05], （2021年2月5日）. */
const LIST_DATE = String.raw`[[【(（]?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[\]】)）]?`;
const DATED_LINK = new RegExp(String.raw`^(?:${LIST_DATE}\s*)?(.+?)(?:\s*${LIST_DATE})?$`);

/** A link to another page with its date: 关于做好春节期间安全生产工作的通知 2021-02-05, [2021-02-05] 关于…. */
function datedLink(key: string): boolean {
  const m = DATED_LINK.exec(key);
  return (
    m !== null &&
    m[1] !== key &&
    isLinkedTitle(m[1]!) &&
    /(通知|意见|方案|办法|规定|要点|决定|通报|公告|规划|细则|函|预案)$/.test(m[1]!)
  );
}

/** A line listing another page: a title (关于…的通知), perhaps with its date, and no sentence. */
function isLinkedTitle(key: string): boolean {
  return (
    key.length <= 80 &&
    !/[。；;]/.test(key) &&
    /(关于|通知|意见|方案|办法|规定|要点|决定|通报|公告|规划|细则)/.test(key)
  );
}

/**
 * `known`: 1-based lines the file's format already knows to be chrome (a page's menu, a
 * PDF's running head); they are noise, and their fields are still read.
 */
export function stripChrome(lines: string[], known: ReadonlySet<number> = new Set()): ChromeResult {
  const isNoise = lines.map((_, i) => known.has(i + 1));
  const portalFields: ChromeResult["portalFields"] = {};
  const keep = (label: PortalFieldLabel, value: string, line: number) => {
    if (value !== "" && !(label in portalFields)) portalFields[label] = { value, line };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const key = lineKey(line);
    const fields = tableFields(key) ?? fieldsOfLine(key);
    if (fields) {
      isNoise[i] = true;
      for (const [k, f] of fields.entries()) {
        // A label standing alone has its value on the next line with text (blank lines between allowed).
        if (f.value === "" && k === fields.length - 1) {
          let j = i + 1;
          while (j < lines.length && j <= i + 2 && isBlank(lines[j]!)) j++;
          const next = lines[j];
          if (next !== undefined && !isBlank(next) && !fieldsOfLine(lineKey(next)) && lineKey(next).length <= 80) {
            keep(f.label, lineKey(next), j + 1);
            isNoise[j] = true;
            i = j;
          }
          continue;
        }
        keep(f.label, f.value, i + 1);
      }
      continue;
    }
    if (isNoise[i] || isChromeLine(line)) {
      isNoise[i] = true;
      // Under 相关文件: the linked titles, up to the first line that is not one (in a list of dated
      // links, up to the first without a date: the document's own title may follow the list).
      if (RELATED_LINKS_HEADING.test(key)) {
        let dated = false;
        while (i + 1 < lines.length && (isBlank(lines[i + 1]!) || isLinkedTitle(lineKey(lines[i + 1]!)))) {
          const next = lineKey(lines[i + 1]!);
          if (dated && next !== "" && !datedLink(next)) break;
          dated ||= datedLink(next);
          i++;
          if (!isBlank(lines[i]!)) isNoise[i] = true;
        }
      }
      continue;
    }
    // A sidebar: two or more lines in a row, each another page's title with its date.
    if (datedLink(key)) {
      const run = [i];
      for (let j = i + 1; j < lines.length && run.length < 50; j++) {
        if (isBlank(lines[j]!)) continue;
        if (!datedLink(lineKey(lines[j]!))) break;
        run.push(j);
      }
      if (run.length >= 2) {
        for (const j of run) isNoise[j] = true;
        i = run.at(-1)!;
      }
    }
  }
  const noise: ChromeResult["noise"] = [];
  const body: BodyLine[] = [];
  lines.forEach((text, i) => {
    if (isNoise[i]) noise.push({ line: i + 1, text });
    else body.push({ text, sourceLine: i + 1, key: lineKey(text) });
  });
  // Leading and trailing blank lines are not part of the document.
  while (body.length && body[0]!.key === "") body.shift();
  while (body.length && body[body.length - 1]!.key === "") body.pop();
  return { body, noise, portalFields };
}
