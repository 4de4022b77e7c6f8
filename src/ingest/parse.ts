/**
 * One raw circular (bytes) → the typed document model. Pure: the caller reads the file.
 * Returns the model or an error located at file:line; repairs go into `warnings`.
 */
import { createHash } from "node:crypto";
import { SPAM_LINE } from "../config/chrome.ts";
import { Circular, SCHEMA_VERSION, validateModel, walkSections, type Clause, type IngestError, type Result, type Warning } from "../model/circular.ts";
import { stripChrome, type BodyLine } from "./chrome.ts";
import { findCitations } from "./citations.ts";
import { isoDate, parseDate } from "./dates.ts";
import { findDocNumbers } from "../text/docNumber.ts";
import { inferJurisdiction } from "./jurisdiction.ts";
import { divisionOf } from "../config/gazetteer.ts";
import { findSignatures, genreOf, readHeader } from "./metadata.ts";
import { buildOutline } from "./outline.ts";
import { decode, splitLines } from "./read.ts";
import { extractResponsible } from "./responsible.ts";
import { findPromulgation } from "./promulgation.ts";
import { findTargets } from "./targets.ts";
import { compactKey, lineKey, toSimplified } from "../text/keys.ts";

/** Lines that end the text of any open item: 附件, 抄送/印发 (版记), 公开 notes. */
const CLOSING_LINE = /^(附件\s*\d*\s*[:：]?|附件\s*\d*\s*$|抄送\s*[:：]|印发\s*[:：]|（此件[^）]*）$|\(此件[^)]*\)$|.{2,40}\d{4}年\d{1,2}月\d{1,2}日印发$)/;

/** A stable, URL-safe id: place code, year, and a hash of what identifies the circular. */
export function circularId(code: string | null, year: string | null, identity: string): string {
  const hash = createHash("sha256").update(compactKey(identity)).digest("hex").slice(0, 8);
  return `${code ?? "000000"}-${year ?? "0000"}-${hash}`;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function parseCircular(bytes: Uint8Array, file: string): Result<Circular> {
  const fail = (line: number, message: string): Result<Circular> => ({ ok: false, error: { file, line, message } satisfies IngestError });
  const decoded = decode(bytes);
  if (!decoded.ok) return fail(1, decoded.message);
  const { lines, lineEnding } = splitLines(decoded.text);
  const { body: bodyLines, noise, portalFields } = stripChrome(lines);
  if (bodyLines.length === 0) return fail(1, "no text left after removing portal chrome");

  const warnings: Warning[] = [];
  let header = readHeader(bodyLines);
  const looksLikeTitle = (t: string | null): t is string => t !== null && /[\u4e00-\u9fff]{4}/.test(t);
  // A portal that shows the title only in its metadata table (名称：关于…的通知).
  const portalTitle = portalFields["标题"] ?? portalFields["名称"] ?? null;
  const bodyTitleIsWeak = !looksLikeTitle(header.title) || (!/关于/.test(header.title) && !genreOf(header.title));
  if (bodyTitleIsWeak && looksLikeTitle(portalTitle) && genreOf(portalTitle)) {
    const at = noise.find((n) => n.text.includes(portalTitle.slice(0, 6)))?.line ?? null;
    warnings.push({ line: at, message: `no title line in the text; the portal's 标题/名称 "${portalTitle}" is used` });
    header = { ...header, title: portalTitle, titleIndices: [] };
  }
  if (!looksLikeTitle(header.title)) {
    return fail(bodyLines[0]!.sourceLine, "no recognizable title (expected a line such as 关于…的通知 before the text)");
  }
  const titleLine = header.titleIndices[0] ?? -1;
  if (header.pageTitle) {
    warnings.push({ line: bodyLines[titleLine]?.sourceLine ?? null, message: `the page "${header.pageTitle}" wraps the circular; its own title is used` });
  }

  // 发文字号
  const found = header.docNumber ?? (portalFields["文号"] ? findDocNumbers(portalFields["文号"])[0] ?? null : null);
  // 文号 are compared in simplified script: 國辦發 and 国办发 are one number.
  const docNumberMatch = found && { ...found, normalized: toSimplified(found.normalized) };
  if (docNumberMatch?.repair) {
    const at = header.docNumberIndex !== null ? bodyLines[header.docNumberIndex]!.sourceLine : null;
    warnings.push({ line: at, message: `文号 ${docNumberMatch.raw} repaired to ${docNumberMatch.normalized}: ${docNumberMatch.repair}` });
  }

  // 发文机关 and 成文日期: the first signature after the title, else the head, else a
  // regulation's promulgation note, else the portal.
  const allSignatures = findSignatures(bodyLines);
  const signatures = allSignatures.filter((s) => s.indices[0]! > titleLine);
  const signed = signatures.find((s) => s.issuers.length > 0);
  let issuers = signed?.issuers ?? (header.headIssuers.length ? header.headIssuers : []);
  // Regulations state date and maker under the title: （2019年11月29日…第十六次会议通过）.
  const promulgation = findPromulgation(bodyLines);
  if (issuers.length === 0 && promulgation?.issuer) issuers = [promulgation.issuer];
  const portalIssuer = portalFields["发布机构"] ?? portalFields["发文机关"] ?? portalFields["信息来源"] ?? portalFields["来源"];
  let issuerFromPortal = false;
  if (issuers.length === 0 && portalIssuer) {
    issuers = [portalIssuer];
    issuerFromPortal = true;
  }
  let date = (signed ?? signatures[0])?.date ?? promulgation?.date ?? null;
  if (!date) {
    const portalDate = portalFields["成文日期"] ?? portalFields["发文日期"];
    if (portalDate) {
      date = parseDate(portalDate);
      if (date) warnings.push({ line: null, message: `成文日期 ${date} taken from the portal's metadata (not in the text)` });
    }
  }
  if (!date && docNumberMatch) date = isoDate(docNumberMatch.year);
  const publishedRaw = portalFields["发布日期"] ?? portalFields["发布时间"];
  const published = publishedRaw ? parseDate(publishedRaw) : null;

  // Outline, with header and signature lines closing any open item.
  const breaks = new Set<number>([...header.titleIndices, ...allSignatures.flatMap((s) => s.indices)]);
  if (header.docNumberIndex !== null) breaks.add(header.docNumberIndex);
  if (header.addresseeIndex !== null) breaks.add(header.addresseeIndex);
  bodyLines.forEach((l, i) => {
    if (CLOSING_LINE.test(l.key)) breaks.add(i);
  });
  const outline = buildOutline(bodyLines, breaks);
  warnings.push(...outline.warnings);
  // Scraped pages get cut off: say so when the text stops mid-sentence and nothing closes it.
  const last = bodyLines.at(-1)!;
  if (signatures.length === 0 && !/[。！？!?；;）)”」』》]$/.test(last.key) && !CLOSING_LINE.test(last.key)) {
    warnings.push({ line: last.sourceLine, message: `the text stops mid-sentence ("…${[...last.key].slice(-12).join("")}") with no signature or date after it: the source may be truncated` });
  }

  const body = bodyLines.map((l) => l.text).join("\n");
  const ownDocNumber = docNumberMatch?.normalized ?? null;

  // Anchors by source line, deepest last, to place citations and targets.
  const anchors: Array<{ id: string; from: number; to: number }> = [];
  walkSections(outline.sections, (n) => anchors.push({ id: n.id, from: n.lines[0], to: n.lines[1] }));
  const lineStarts: number[] = [];
  bodyLines.reduce((offset, l) => (lineStarts.push(offset), offset + l.text.length + 1), 0);
  const anchorAt = (offset: number): string | null => {
    const lo = lineIndexAt(lineStarts, offset);
    if (breaks.has(lo)) return null;
    const src = bodyLines[lo]!.sourceLine;
    let found: string | null = null;
    for (const a of anchors) if (a.from <= src && src <= a.to) found = a.id;
    return found;
  };

  // The circular itself and its attachment (a body line of its own) are not citations.
  const ownNames = new Set([header.title, header.pageTitle ?? "", ...bodyLines.filter((l) => l.key.length <= 60).map((l) => l.key)].map(compactKey));
  const ownTitleKey = compactKey(header.pageTitle ?? header.title);
  const seen = new Set<string>();
  const titleLines = new Set(header.titleIndices);
  const citations = findCitations(body, ownDocNumber).flatMap((c) => {
    // A title wrapped over lines (关于印发《…安全\n…方案》的通知) names the circular's own attachment.
    if (titleLines.has(lineIndexAt(lineStarts, c.index))) return [];
    if (c.title && (ownNames.has(compactKey(c.title)) || ownTitleKey.includes(`《${compactKey(c.title)}》`))) return [];
    if (c.repair) warnings.push({ line: sourceLineAt(bodyLines, lineStarts, c.index), message: `citation ${c.raw}: ${c.repair}` });
    const citation = { title: c.title, docNumber: c.docNumber, raw: c.raw, clauseId: anchorAt(c.index) };
    const key = `${citation.title}|${citation.docNumber}|${citation.clauseId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [citation];
  });
  const year = date?.slice(0, 4) ?? (docNumberMatch ? String(docNumberMatch.year) : null);
  const targets = findTargets(body, year === null ? null : Number(year))
    .filter((t) => !breaks.has(lineIndexAt(lineStarts, t.index)))
    .map((t) => ({ kind: t.kind, text: t.text, date: t.date, clauseId: anchorAt(t.index) }));

  const clauses: Clause[] = outline.clauses.map(({ node, text }) => {
    // Read in simplified script: 責任單位 and 牽頭 are the same words.
    const r = extractResponsible(toSimplified(text));
    return { id: node.id, path: node.path, kind: node.kind, label: node.label, heading: node.heading, text, responsible: r.responsible, leads: r.leads, lines: node.lines };
  });

  const title = header.title;
  const chrome = noise.map((n) => n.text).filter((t) => !SPAM_LINE.test(lineKey(t)));
  const jurisdiction = inferJurisdiction({ issuers, title, docNumberPrefix: docNumberMatch?.prefix ?? null, chrome, body });
  if (issuerFromPortal && jurisdiction && issuers[0] && !/[省市县区州旗盟]/.test(issuers[0].slice(0, 6))) {
    // The portal's 发布机构 omits the place its own site is for: 应急管理局 → 寿光市应急管理局.
    const place = divisionOf(jurisdiction.code);
    if (place) issuers = [place.name + issuers[0]];
  }

  const identity = ownDocNumber ?? `${title}|${issuers.join("、")}|${date ?? ""}`;
  const model: Circular = {
    schemaVersion: SCHEMA_VERSION,
    id: circularId(jurisdiction?.code ?? null, year, identity),
    title,
    issuers,
    addressees: header.addressees,
    genre: genreOf(title),
    docNumber: ownDocNumber,
    docNumberRaw: docNumberMatch?.raw ?? null,
    date,
    published,
    jurisdiction,
    sections: outline.sections,
    clauses,
    citations,
    targets,
    body,
    noise,
    bodyLineNumbers: bodyLines.map((l) => l.sourceLine),
    warnings,
    source: { file, sha256: sha256(bytes), encoding: decoded.encoding, lineEnding },
  };
  // The model checks itself: a parser bug that breaks the contract stops here, named.
  return validateModel(Circular, model, file);
}

/** Index of the body line holding character `offset` of the joined body (binary search). */
function lineIndexAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function sourceLineAt(lines: BodyLine[], lineStarts: number[], offset: number): number {
  return lines[lineIndexAt(lineStarts, offset)]!.sourceLine;
}
