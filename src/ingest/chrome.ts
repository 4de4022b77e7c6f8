/**
 * Separates portal chrome from the circular. Nothing is dropped: each non-blank source
 * line ends up either in the body or in `noise`, so a reader can audit the cut. The
 * portal's metadata fields (发文字号：…, 成文日期：…) are read on the way, with their lines,
 * as evidence for the header.
 */
import { CHROME_LINE_PATTERNS, CHROME_MAX_LENGTH, PORTAL_FIELD_LABELS, RELATED_LINKS_HEADING, SPAM_LINE, type PortalFieldLabel } from "../config/chrome.ts";
import { isBlank } from "../text/chars.ts";
import { compactKey, lineKey } from "../text/keys.ts";

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

const LABELS = [...PORTAL_FIELD_LABELS].sort((a, b) => b.length - a.length).join("|");
/**
 * A field as portals print it, on a key without spaces: "发文字号:X", "•发文字号:X",
 * "【发文字号】X", "[文号]X".
 */
const FIELD_RE = new RegExp(`^[•·●◆■▪◇○*-]*(?:(${LABELS}):|【(${LABELS})】|\\[(${LABELS})\\])(.*)$`);
/** Several fields on one line: "信息来源:X 发布日期:2020-02-26 浏览次数:". */
const INLINE_FIELD_RE = new RegExp(`(${LABELS})\\s*:\\s*([^:]*?)(?=\\s+\\S+\\s*:|$)`, "g");

function portalField(line: string): { label: PortalFieldLabel; value: string } | null {
  const m = FIELD_RE.exec(compactKey(line));
  if (!m) return null;
  return { label: (m[1] ?? m[2] ?? m[3]) as PortalFieldLabel, value: m[4]!.trim() };
}

function inlineFields(key: string): Array<{ label: PortalFieldLabel; value: string }> {
  return [...key.matchAll(INLINE_FIELD_RE)].map((m) => ({ label: m[1] as PortalFieldLabel, value: m[2]!.trim() }));
}

/** A table row as text: "文号 | 潍政办字〔2019〕33号 | 发布机构 | 潍坊市人民政府办公室 |". */
function tableFields(key: string): Array<{ label: PortalFieldLabel; value: string }> | null {
  if (!/[|｜]/.test(key)) return null;
  const cells = key.split(/[|｜]/).map((c) => c.replace(/\s+/g, "").replace(/[:：]$/, "")).filter(Boolean);
  const out: Array<{ label: PortalFieldLabel; value: string }> = [];
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
  return spam !== null && /关于.{2,80}(通知|意见|决定|通报|公告|通告|报告|批复|函|方案|要点|办法|规定|细则)/.test(key.slice(0, spam.index));
}

export function isChromeLine(line: string): boolean {
  const key = lineKey(line);
  if (key === "") return false;
  if (isMarkupResidue(line)) return true;
  return key.length <= CHROME_MAX_LENGTH && !/。/.test(key) && CHROME_LINE_PATTERNS.some((re) => re.test(key)) && !titleBeforeSpam(key);
}

/** A line listing another page: a title (关于…的通知), perhaps with its date, and no sentence. */
function isLinkedTitle(key: string): boolean {
  return key.length <= 80 && !/[。；;]/.test(key) && /(关于|通知|意见|方案|办法|规定|要点|决定|通报|公告|规划|细则)/.test(key);
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
    const table = tableFields(key);
    if (table) {
      isNoise[i] = true;
      for (const f of table) keep(f.label, f.value, i + 1);
      continue;
    }
    const inline = inlineFields(key);
    const field = inline.length > 1 ? null : portalField(line);
    if (field) {
      isNoise[i] = true;
      let value = field.value;
      let at = i;
      const next = lines[i + 1];
      // The value stands on the very next line when the label line has none.
      if (value === "" && next !== undefined && !isBlank(next) && !portalField(next)) {
        value = lineKey(next);
        isNoise[i + 1] = true;
        at = ++i;
      }
      keep(field.label, value, at + 1);
      continue;
    }
    if (isNoise[i] || isChromeLine(line)) {
      isNoise[i] = true;
      // Under 相关文件: the linked titles, up to the first line that is not one.
      if (RELATED_LINKS_HEADING.test(key)) {
        while (i + 1 < lines.length && (isBlank(lines[i + 1]!) || isLinkedTitle(lineKey(lines[i + 1]!)))) {
          i++;
          if (!isBlank(lines[i]!)) isNoise[i] = true;
        }
        continue;
      }
      for (const f of inline) keep(f.label, f.value, i + 1);
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
