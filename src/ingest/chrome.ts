/**
 * Separates portal chrome from the circular. Nothing is dropped: each non-blank source
 * line ends up either in the body or in `noise`, so a reader can audit the cut.
 */
import { CHROME_LINE_PATTERNS, CHROME_MAX_LENGTH, PORTAL_FIELD_LABELS, RELATED_LINKS_HEADING } from "../config/chrome.ts";
import { isBlank } from "../text/chars.ts";
import { compactKey, lineKey } from "../text/keys.ts";

/** One line of the document body, with its 1-based line number in the source file. */
export interface BodyLine {
  text: string;
  sourceLine: number;
  /** Matching key: simplified, half-width, trimmed. */
  key: string;
}

export interface ChromeResult {
  body: BodyLine[];
  noise: Array<{ line: number; text: string }>;
  /** Values of the portal's metadata table, by label (e.g. 发布机构 → 应急管理局). */
  portalFields: Record<string, string>;
}

const LABEL_RE = new RegExp(`^(${PORTAL_FIELD_LABELS.join("|")}):(.*)$`);

/** A portal field label at the start of a line, e.g. "索 引 号:" or "发布机构：应急管理局". */
function portalField(line: string): { label: string; value: string } | null {
  const m = LABEL_RE.exec(compactKey(line));
  if (!m) return null;
  return { label: m[1]!, value: m[2]!.trim() };
}

/** Several fields on one line: "信息来源:X 发布日期:2020-02-26 浏览次数:". */
function inlineFields(key: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /(信息来源|来源|发布日期|发布时间|发文日期|成文日期|发布机构|文号)\s*:\s*([^:]*?)(?=\s+\S+\s*:|$)/g;
  for (const m of key.matchAll(re)) out[m[1]!] = m[2]!.trim();
  return out;
}

/** A line listing another page: a title (关于…的通知), perhaps with its date, and no sentence. */
function isLinkedTitle(key: string): boolean {
  return key.length <= 80 && !/[。；;]/.test(key) && /(关于|通知|意见|方案|办法|规定|要点|决定|通报|公告|规划|细则)/.test(key);
}

export function isChromeLine(line: string): boolean {
  const key = lineKey(line);
  return key !== "" && key.length <= CHROME_MAX_LENGTH && !/。/.test(key) && CHROME_LINE_PATTERNS.some((re) => re.test(key));
}

export function stripChrome(lines: string[]): ChromeResult {
  const isNoise = new Array<boolean>(lines.length).fill(false);
  const portalFields: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const inline = inlineFields(lineKey(line));
    const field = Object.keys(inline).length > 1 ? null : portalField(line);
    if (field) {
      isNoise[i] = true;
      let value = field.value;
      const next = lines[i + 1];
      // The value stands on the very next line when the label line has none.
      if (value === "" && next !== undefined && !isBlank(next) && !portalField(next)) {
        value = lineKey(next);
        isNoise[i + 1] = true;
        i++;
      }
      if (value !== "" && !(field.label in portalFields)) portalFields[field.label] = value;
      continue;
    }
    if (isChromeLine(line)) {
      isNoise[i] = true;
      // Under 相关文件: the linked titles, up to the first line that is not one.
      if (RELATED_LINKS_HEADING.test(lineKey(line))) {
        while (i + 1 < lines.length && (isBlank(lines[i + 1]!) || isLinkedTitle(lineKey(lines[i + 1]!)))) {
          i++;
          if (!isBlank(lines[i]!)) isNoise[i] = true;
        }
        continue;
      }
      for (const [label, value] of Object.entries(inline)) {
        if (value !== "" && !(label in portalFields)) portalFields[label] = value;
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
