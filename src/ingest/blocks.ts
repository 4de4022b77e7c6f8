/**
 * The blocks of a document, found before any field is read, wherever they stand: its head
 * (版头, title, 文号 — the lines above its text), the notice's text (from its 主送机关 line,
 * else its first sentence or numbered item), the 落款 that closes the notice (issuers and
 * date, either of which may be missing), and what follows the 落款 (a publication note, the
 * attached document). Fields are read from the block they belong to: a title or 文号 from
 * the head, never from an attachment or a document the notice forwards; the date from the
 * notice's own 落款, wherever the page is cut after it.
 */
import { BREADCRUMB } from "../config/chrome.ts";
import { findDocNumbers } from "../text/docNumber.ts";
import { lineKey } from "../text/keys.ts";
import type { BodyLine } from "./chrome.ts";
import { matchLabel } from "./labels.ts";
import { dateLine, type ReadDate } from "./dates.ts";
import { TITLE_END, isOrgLine, isOrgName, splitAddressees, splitOrgs } from "./metadata.ts";

export interface SignatureBlock {
  /** Organisations signing, as written (trimmed). */
  issuers: string[];
  /** The date under them; null for a 落款 without one. */
  date: ReadDate | null;
  /** Body indices of the block's lines (organisation lines and the date line). */
  indices: number[];
}

/** How far down the text's start is looked for by its 主送机关 line. */
const ADDRESSEE_LOOKAHEAD = 60;

export interface Blocks {
  /** Index of the first line of the notice's text: its 主送机关 line, else its first sentence or numbered item. */
  textStart: number;
  /** What marked the start. */
  startBy: "addressees" | "text" | "none";
  /** 主送机关 and its line, when the notice has one. */
  addressees: { list: string[]; index: number; docNumberPrefix: boolean } | null;
  /** The notice's 落款: the first signature after its text starts. */
  signature: SignatureBlock | null;
  /** Every dated signature block in the document (the notice's and any later ones, for the outline). */
  signatures: SignatureBlock[];
}

/** A paragraph of running text: not a title, a field or a heading. */
export function isRunningText(key: string): boolean {
  return /[。；;！？!?]/.test(key) ? key.length > 15 : key.length > 60 && /[，,]/.test(key);
}

/**
 * A 主送机关 line: units, ending in a colon (各市（州）人民政府，省政府各部门：), perhaps after the
 * document's 文号 run onto it. Not a sentence that ends in a colon (现将有关事项通知如下：).
 */
export function addresseeLine(line: BodyLine): { list: string[]; afterDocNumber: boolean } | null {
  const key = line.key.trim();
  if (!/[:：]$/.test(key) || BREADCRUMB.test(key) || /如下|下列|以下|如次|[。；;]/.test(key)) return null;
  let text = line.text.trim();
  const number = findDocNumbers(text)[0];
  const afterDocNumber = number !== undefined && text.startsWith(number.raw.trim());
  if (afterDocNumber) text = text.slice(number.raw.trim().length).trim();
  if (matchLabel(text) || text.length > 200) return null;
  // The units as written; recognised on their simplified key.
  const list = splitAddressees(text.replace(/[:：]\s*$/, ""));
  const unit = (a: string) => {
    const bare = lineKey(a).replace(/[（(][^）)]*[）)]/g, "");
    return isOrgName(bare) || /^各/.test(bare) || /(单位|部门|企业|机构|学校|医院|成员|直属机构)$/.test(bare);
  };
  return list.length > 0 && list.some(unit) && list.every((a) => a.length <= 60) ? { list, afterDocNumber } : null;
}

/** Signatures: a date line with up to three organisation lines above it. */
export function findSignatures(lines: BodyLine[]): SignatureBlock[] {
  const blocks: SignatureBlock[] = [];
  lines.forEach((line, i) => {
    const date = dateLine(line.key);
    if (!date) return;
    const indices = [i];
    const issuers: string[] = [];
    // Up to three organisation lines above the date, blank lines between allowed.
    for (let j = i - 1, seen = 0; j >= 0 && seen < 3; j--) {
      const k = lines[j]!.key;
      if (k === "") continue;
      if (!isOrgLine(k)) break;
      issuers.unshift(...splitOrgs(k));
      indices.unshift(j);
      seen++;
    }
    blocks.push({ issuers, date, indices });
  });
  return blocks;
}

/** A publication note under a 落款: （此件公开发布）, (信息公开形式：主动公开). */
const PUBLICATION_NOTE = /^[（(](此件|信息公开|公开方式|此页)/;

/**
 * The notice's own 落款 without a date: the first organisation line after its text that ends
 * it (the last line, or the last before a publication note or 附件), below running text.
 */
function undatedSignature(lines: BodyLine[], from: number): SignatureBlock | null {
  const content = lines.map((l, i) => ({ key: l.key, i })).filter(({ key, i }) => i >= from && key !== "");
  for (let k = 1; k < content.length; k++) {
    const { key, i } = content[k]!;
    const after = content[k + 1]?.key;
    const ends = after === undefined || PUBLICATION_NOTE.test(after) || /^附件/.test(after);
    if (ends && isOrgLine(key) && isRunningText(content[k - 1]!.key))
      return { issuers: splitOrgs(key), date: null, indices: [i] };
  }
  return null;
}

/** The next `n` lines with text after `from`. */
function nextLines(lines: BodyLine[], from: number, n: number): number[] {
  const out: number[] = [];
  for (let i = from + 1; i < lines.length && out.length < n; i++) if (lines[i]!.key !== "") out.push(i);
  return out;
}

/** A line that is a title by its shape: ends as titles end, no sentence in it. */
function isTitleLine(key: string): boolean {
  const k = key.replace(/\s+/g, "");
  return k.length >= 6 && k.length <= 100 && !/[。；;！？!?，,]/.test(k) && TITLE_END.test(k) && !dateLine(key);
}

export function findBlocks(lines: BodyLine[], isItem: (i: number) => boolean): Blocks {
  const signatures = findSignatures(lines);
  let addressees: Blocks["addressees"] = null;
  for (let i = 0; i < Math.min(lines.length, ADDRESSEE_LOOKAHEAD); i++) {
    const a = addresseeLine(lines[i]!);
    if (a) {
      addressees = { list: a.list, index: i, docNumberPrefix: a.afterDocNumber };
      break;
    }
  }
  let textStart = addressees?.index ?? -1;
  let startBy: Blocks["startBy"] = addressees ? "addressees" : "none";
  if (textStart < 0) {
    const startsText = (i: number) => isItem(i) || (isRunningText(lines[i]!.key) && !dateLine(lines[i]!.key));
    textStart = lines.findIndex((_, i) => startsText(i));
    // A paragraph a page puts above the document (a news lead, a content farm's comment) is
    // no start of its text when a title follows it: the text starts after that title.
    for (let guard = 0; textStart >= 0 && !isItem(textStart) && guard < 3; guard++) {
      const title = nextLines(lines, textStart, 3).find((i) => isTitleLine(lines[i]!.key));
      if (title === undefined) break;
      const after = lines.findIndex((_, i) => i > title && startsText(i));
      if (after < 0) break;
      textStart = after;
    }
    startBy = textStart >= 0 ? "text" : "none";
    if (textStart < 0) textStart = lines.length;
  }
  const signature = signatures.find((s) => s.indices[0]! > textStart) ?? undatedSignature(lines, textStart + 1);
  return { textStart, startBy, addressees, signature, signatures };
}
