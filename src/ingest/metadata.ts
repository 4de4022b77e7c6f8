/**
 * The header and footer of a circular: 标题, 发文字号, 主送机关, 发文机关 (版头, title
 * prefix, signature), 成文日期, 文种. Works on body lines after chrome is removed.
 */
import { GENRES, type Genre, type PartialDate } from "../model/circular.ts";
import type { BodyLine } from "./chrome.ts";
import { dateLine } from "./dates.ts";
import { findDocNumbers, type DocNumberMatch } from "../text/docNumber.ts";
import { matchLabel } from "./labels.ts";
import { splitTopLevel } from "../text/split.ts";
import { compactKey, lineKey } from "../text/keys.ts";

/** Names of organisations end like this (局, 厅, 委员会, 人民政府 …). */
const ORG_END = /(局|厅|委员会|委|办公室|办公厅|政府|部|办|中心|院|会|室|处|队|组|公司|集团|管委会|指挥部|署|所|站|馆|社|联|团委|总工会|党委|党组)$/;
/** What titles of circulars end with, beyond the 15 genres. */
const TITLE_END = /(通知|意见|决定|决议|命令|令|公报|公告|通告|通报|报告|请示|批复|议案|函|纪要|方案|要点|办法|规定|细则|规划|计划|规则|措施|条例|制度|标准|指南|反馈|答复|说明|解读|清单|目录|安排|总结)$/;

export interface SignatureBlock {
  /** Organisations signing, as written (trimmed). */
  issuers: string[];
  date: PartialDate;
  /** Body indices of the block's lines (org lines and the date line). */
  indices: number[];
}

export interface Header {
  title: string | null;
  /** Body indices of the title's lines. */
  titleIndices: number[];
  /** The title as the page framed it, when the circular proper sits inside it (征求意见 反馈). */
  pageTitle: string | null;
  /** Issuer named above the title (版头) or before 关于 in it. */
  headIssuers: string[];
  docNumber: DocNumberMatch | null;
  docNumberIndex: number | null;
  addressees: string[];
  addresseeIndex: number | null;
}

export function isOrgName(key: string): boolean {
  const k = key.replace(/\s+/g, "");
  return k.length >= 2 && k.length <= 40 && !/[。，,；;：:！？、《》“”"]/.test(k) && ORG_END.test(k);
}

/** Joint issuers written on one line, separated by spaces: 中共X委办公厅　X人民政府办公厅. */
function splitOrgs(key: string): string[] {
  const parts = key.split(/[\s\u3000]+/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => isOrgName(p)) ? parts : [key.replace(/\s+/g, "")];
}

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
      if (!isOrgName(k.replace(/\s+/g, "")) && !splitOrgs(k).every(isOrgName)) break;
      issuers.unshift(...splitOrgs(k));
      indices.unshift(j);
      seen++;
    }
    blocks.push({ issuers, date, indices });
  });
  return blocks;
}

/** A paragraph of running text: where the header stops. */
function isRunningText(key: string): boolean {
  return key.length > 60 || (/[。；;]$/.test(key) && key.length > 25);
}

export function genreOf(title: string): Genre | null {
  const t = lineKey(title).replace(/[\s》」』”"]+$/, "");
  const byLength = [...GENRES].sort((a, b) => b.length - a.length);
  for (const g of byLength) if (t.endsWith(g)) return g;
  if (t.endsWith("令")) return "命令";
  return null;
}

/**
 * Reads the header: lines before the first paragraph of running text or numbered item.
 * `keys` are simplified-script keys, so 繁體 titles are recognised too.
 */
export function readHeader(lines: BodyLine[]): Header {
  let zoneEnd = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const k = lines[i]!.key;
    if (k === "") continue;
    if (isRunningText(k) || (matchLabel(lines[i]!.text) && !dateLine(k)) || /[:：]$/.test(k)) {
      zoneEnd = /[:：]$/.test(k) && !isRunningText(k) ? i + 1 : i;
      break;
    }
  }
  // Own 文号: a line in the header that is nothing but a 文号.
  let docNumber: DocNumberMatch | null = null;
  let docNumberIndex: number | null = null;
  for (let i = 0; i < Math.min(zoneEnd + 2, lines.length); i++) {
    const found = findDocNumbers(lines[i]!.text);
    const key = lines[i]!.key.replace(/\s+/g, "");
    if (found.length === 1 && key.length <= found[0]!.raw.replace(/\s+/g, "").length + 2) {
      docNumber = found[0]!;
      docNumberIndex = i;
      break;
    }
  }
  // Addressees (主送机关): a line ending in a colon, before running text.
  let addressees: string[] = [];
  let addresseeIndex: number | null = null;
  const last = zoneEnd - 1;
  if (last >= 0 && /[:：]$/.test(lines[last]!.key) && !matchLabel(lines[last]!.text)) {
    const raw = lines[last]!.text.trim().replace(/[:：][\s\u3000\u00a0]*$/, "");
    addressees = splitAddressees(raw.replace(/^[\s\u3000\u00a0]+/, ""));
    addresseeIndex = last;
  }
  // Title: the candidate lines of the zone, without 文号, dates, red-head "文件" lines.
  const candidates: number[] = [];
  for (let i = 0; i < zoneEnd; i++) {
    const k = lines[i]!.key;
    if (k === "" || i === docNumberIndex || i === addresseeIndex || dateLine(k)) continue;
    if (/文件$/.test(k) || /^(签发人|签发)[:：]/.test(k) || /^(特急|加急|平急|特提|机密|秘密|绝密)/.test(k)) continue;
    candidates.push(i);
  }
  const headIssuers: string[] = [];
  let titleIndices: number[] = [];
  const mainAt = candidates.findIndex((i) => /关于/.test(lines[i]!.key) || TITLE_END.test(lines[i]!.key));
  if (mainAt >= 0) {
    titleIndices = [candidates[mainAt]!];
    // Issuer line(s) directly above: part of a multi-line title (版头 + 事由 + 文种), unless
    // the title names its issuer itself (then the line above is the portal's or a 版头).
    const namesIssuer = /^.{2,60}?关于/.test(lines[candidates[mainAt]!]!.key);
    for (let c = mainAt - 1; c >= 0 && !namesIssuer; c--) {
      const k = lines[candidates[c]!]!.key;
      if (!isOrgName(k.replace(/\s+/g, "")) && !splitOrgs(k).every(isOrgName)) break;
      titleIndices.unshift(candidates[c]!);
      headIssuers.unshift(...splitOrgs(k));
    }
    // A title wrapped over several lines: continue until it ends like a title.
    for (let c = mainAt + 1; c < candidates.length && !TITLE_END.test(titleText(lines, titleIndices)); c++) {
      if (candidates[c]! - titleIndices[titleIndices.length - 1]! > 2) break;
      titleIndices.push(candidates[c]!);
    }
  } else if (candidates.length > 0) {
    titleIndices = [candidates[0]!];
  }
  let title = titleIndices.length ? titleText(lines, titleIndices) : null;
  // 发文机关 named before 关于 in the title itself.
  const before = title ? /^(.{2,60}?)关于/.exec(title.replace(headIssuers.join(""), "")) : null;
  if (before && headIssuers.length === 0) {
    const orgs = before[1]!.split(/[\s、]+/).filter(Boolean);
    if (orgs.every((o) => isOrgName(o))) headIssuers.push(...orgs);
  }
  // A page that wraps the circular (征求意见的结果反馈 …) names it in 《》: use the circular's own title.
  let pageTitle: string | null = null;
  if (title && !genreOf(title)) {
    for (const m of title.matchAll(/《([^》]+)》/g)) {
      const inner = m[1]!;
      const at = lines.findIndex((l, i) => i > (titleIndices.at(-1) ?? -1) && compactKey(l.text) === compactKey(inner));
      if (at >= 0 && genreOf(inner)) {
        pageTitle = title;
        title = lines[at]!.text.trim().replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "");
        titleIndices = [at];
        break;
      }
    }
  }
  return { title, titleIndices, pageTitle, headIssuers, docNumber, docNumberIndex, addressees, addresseeIndex };
}

/**
 * 主送机关 list. 、 separates units only where the part before it names one:
 * "各市（州）、县（市、区）粮食和物资储备局" is one kind of unit in two places.
 */
export function splitAddressees(s: string): string[] {
  const out: string[] = [];
  for (const group of splitTopLevel(s, "，,；;")) {
    let pending = "";
    for (const piece of splitTopLevel(group, "、")) {
      pending = pending ? `${pending}、${piece}` : piece;
      const bare = piece.replace(/[（(][^）)]*[）)]/g, "");
      if (isOrgName(bare) || /(企业|单位|部门|机构|学校|医院)$/.test(bare)) {
        out.push(pending);
        pending = "";
      }
    }
    if (pending) out.push(pending);
  }
  return out;
}

function titleText(lines: BodyLine[], indices: number[]): string {
  return indices.map((i) => lines[i]!.text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, "")).join("");
}
