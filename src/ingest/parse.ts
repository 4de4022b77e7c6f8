/**
 * One raw circular (bytes) → the typed document model. The same bytes give the same model;
 * the caller reads the file (place lookup reads the word list of jieba, a package file, once).
 * Returns the model or an error located at file:line; repairs and doubts go into
 * `warnings` (in Chinese, for the page), and every header value records its evidence.
 */
import { createHash } from "node:crypto";
import {
  Circular,
  SCHEMA_VERSION,
  validateModel,
  walkSections,
  type ArticleCitation,
  type Citation,
  type IngestError,
  type Result,
  type SourceFormat,
  type Warning,
} from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { compactKey, toSimplified } from "../text/keys.ts";
import { stripChrome, type BodyLine } from "./chrome.ts";
import { findCitations } from "./citations.ts";
import { findArticleCitations } from "./articles.ts";
import { dateLine } from "./dates.ts";
import { readHead } from "./header/headLines.ts";
import { readHeaderFields } from "./header/index.ts";
import { matchLabel } from "./labels.ts";
import { isOrgLine } from "./metadata.ts";
import { findBlocks } from "./blocks.ts";
import { buildOutline } from "./outline.ts";
import { decode, splitLines } from "./read.ts";
import { extractDocument, type Extracted } from "./formats/extract.ts";
import { findTargets } from "./targets.ts";
import { CJK_BASIC } from "../text/chars.ts";

/** Eight Han characters in a row (commas and 、 between them allowed): a line of text, not a code or a number. */
const HAN_RUN = new RegExp(String.raw`[${CJK_BASIC}](?:[${CJK_BASIC}，、]){7,}`);

/** Lines that end the text of any open item: 附件, 抄送/印发 (版记), 公开 notes. */
const CLOSING_LINE =
  /^(附件\s*\d*\s*[:：]?|附件\s*\d*\s*$|抄送\s*[:：]|印发\s*[:：]|（此件[^）]*）$|\(此件[^)]*\)$|.{2,40}\d{4}年\d{1,2}月\d{1,2}日印发$)/;
/** A line that can end a complete document without closing punctuation. */
const ENDS_COMPLETE = /[。！？!?；;）)”」』》]$/;

export interface ParseOptions {
  /**
   * The source's identity: its path inside the library's source folder (default: the file's
   * name). The id is derived from it alone, so it does not move when the reading improves.
   */
  sourceKey?: string;
  /** The format the text was extracted from (default: text). */
  format?: SourceFormat;
  /**
   * Text read out of the file by its format (formats/extract.ts): parsed instead of decoding `bytes`, which are still
   * hashed.
   */
  extracted?: Pick<Extracted, "text" | "encoding" | "noiseLines" | "noiseParts" | "fields" | "warnings">;
}

/** Any source file → the model: its format recognised and read (a page, Word, PDF, OFD, text), then parsed. */
export async function parseSource(
  bytes: Uint8Array,
  file: string,
  options: Omit<ParseOptions, "extracted" | "format"> = {},
): Promise<Result<Circular>> {
  const x = await extractDocument(bytes, file);
  if (!x.ok) return { ok: false, error: { file, line: 1, message: x.message } };
  return parseCircular(bytes, file, { ...options, format: x.value.format, extracted: x.value });
}

/** A stable, URL-safe id from the source's identity alone. */
export function circularId(sourceKey: string): string {
  return `c-${createHash("sha256").update(sourceKey.normalize("NFC").replace(/\\/g, "/")).digest("hex").slice(0, 10)}`;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Chinese sentences: a run of at least 8 Han characters (commas between allowed) on one line. */
function hasChineseSentences(lines: BodyLine[]): boolean {
  return lines.some((l) => HAN_RUN.test(l.key));
}

/**
 * A table of contents: 目录, then lines that are headings only (第一章 总则, 一、总体要求), up
 * to where the text itself starts again at its first heading. Not clauses, not sections.
 */
function tableOfContents(lines: BodyLine[]): Set<number> {
  const toc = new Set<number>();
  const start = lines.findIndex((l) => /^目\s*录$/.test(l.key));
  if (start < 0) return toc;
  const entries: number[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const key = lines[i]!.key;
    if (key === "") continue;
    const label = matchLabel(lines[i]!.text);
    if (!label || key.length > 40 || /[。；;]/.test(key)) break;
    // The text begins where the first entry's heading comes again.
    if (entries.length && compactKey(key) === compactKey(lines[entries[0]!]!.key)) break;
    entries.push(i);
  }
  if (entries.length >= 2) [start, ...entries].forEach((i) => toc.add(i));
  return toc;
}

export function parseCircular(bytes: Uint8Array, file: string, options: ParseOptions = {}): Result<Circular> {
  const fail = (line: number, message: string): Result<Circular> => ({
    ok: false,
    error: { file, line, message } satisfies IngestError,
  });
  const decoded = options.extracted ? { ok: true as const, ...options.extracted } : decode(bytes);
  if (!decoded.ok) return fail(1, decoded.message);
  const { lines, lineEnding } = splitLines(decoded.text);
  const { body: bodyLines, noise, portalFields } = stripChrome(lines, new Set(options.extracted?.noiseLines ?? []));
  if (bodyLines.length === 0) return fail(1, "no text left after removing portal chrome");
  if (!hasChineseSentences(bodyLines)) return fail(bodyLines[0]!.sourceLine, "no Chinese sentences: not a document");

  const body = bodyLines.map((l) => l.text).join("\n");
  const toc = tableOfContents(bodyLines);
  const blocks = findBlocks(
    bodyLines,
    (i) => !toc.has(i) && matchLabel(bodyLines[i]!.text) !== null && !dateLine(bodyLines[i]!.key),
  );
  const head = readHead(bodyLines, blocks);
  const header = readHeaderFields({
    fileName: file,
    lines: bodyLines,
    head,
    blocks,
    portal: portalFields,
    noise,
    body,
    database: options.extracted?.fields ?? [],
  });
  const warnings: Warning[] = [...(options.extracted?.warnings ?? []), ...header.warnings];

  // Outline, with header, history, signature and table-of-contents lines closing any open item.
  const breaks = new Set<number>([
    ...header.titleIndices,
    ...toc,
    ...blocks.signatures.flatMap((s) => s.indices),
    ...(blocks.signature?.indices ?? []),
  ]);
  for (const d of head.docNumbers) if (d.index !== null) breaks.add(d.index);
  if (head.addresseeIndex !== null) breaks.add(head.addresseeIndex);
  const historyLines = new Set(header.acts.map((a) => a.line));
  bodyLines.forEach((l, i) => {
    if (CLOSING_LINE.test(l.key) || historyLines.has(l.sourceLine)) breaks.add(i);
  });
  const outline = buildOutline(bodyLines, breaks);
  warnings.push(...outline.warnings);
  // Scraped pages get cut off: say so when the text stops mid-sentence, whatever came before.
  const lastIndex = bodyLines.length - 1;
  const last = bodyLines[lastIndex]!;
  if (
    !ENDS_COMPLETE.test(last.key) &&
    !CLOSING_LINE.test(last.key) &&
    !breaks.has(lastIndex) &&
    !isOrgLine(last.key) &&
    !dateLine(last.key) &&
    !(matchLabel(last.text) && !/[。；;，,]/.test(last.key))
  ) {
    warnings.push({
      line: last.sourceLine,
      message: `原文可能不完整：正文在“…${[...last.key].slice(-12).join("")}”处中断，句子没有结束`,
    });
  }

  const ownDocNumber = header.docNumber?.normalized ?? null;
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

  // The circular itself and its attachments (a body line of their own) are not citations —
  // unless the text repeals a predecessor of the same name (…同时废止).
  // What a 印发 sentence issues is this document's own attachment (what it 转发 is another document).
  const issued = header.issued && !/转发/.test(header.issued.rule) ? header.issued.value : "";
  const ownNames = new Set(
    [
      header.title,
      header.pageTitle ?? "",
      issued,
      ...bodyLines.filter((l) => l.key.length <= 60).map((l) => l.key),
    ].map(compactKey),
  );
  const ownTitleKey = compactKey(header.pageTitle ?? header.title);
  const seen = new Set<string>();
  const titleLines = new Set(header.titleIndices);
  const citations = findCitations(body, ownDocNumber).flatMap((c) => {
    const relation = relationOf(c, body, header.title);
    const repeals = relation === "repeals";
    if (!repeals && relation !== "amends") {
      // A title wrapped over lines (关于印发《…安全\n…方案》的通知) names the circular's own attachment.
      if (titleLines.has(lineIndexAt(lineStarts, c.index))) return [];
      if (c.title && (ownNames.has(compactKey(c.title)) || ownTitleKey.includes(`《${compactKey(c.title)}》`)))
        return [];
    }
    if (c.repair)
      warnings.push({ line: sourceLineAt(bodyLines, lineStarts, c.index), message: `引用“${c.raw}”：${c.repair}` });
    const citation = { title: c.title, relation, docNumber: c.docNumber, raw: c.raw, clauseId: anchorAt(c.index) };
    const key = `${citation.title}|${citation.docNumber}|${citation.clauseId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [citation];
  });
  // Articles cited, each placed in its clause; 前款 is the article it stands in.
  const articleCitations: ArticleCitation[] = findArticleCitations(body, [header.title]).map(({ index, ...a }) => ({
    ...a,
    clauseId: anchorAt(index),
  }));
  for (const { id, kind, number, text } of clausesOf(outline)) {
    if (kind !== "article") continue;
    for (const m of toSimplified(text).matchAll(/前(?:[一二两三]|\d)?款/g)) {
      articleCitations.push({
        title: null,
        self: true,
        article: number,
        paragraph: null,
        item: null,
        raw: text.slice(m.index!, m.index! + m[0].length),
        clauseId: id,
      });
    }
  }
  const year = header.date?.slice(0, 4) ?? null;
  const targets = findTargets(body, year === null ? null : Number(year))
    .filter((t) => !breaks.has(lineIndexAt(lineStarts, t.index)))
    .map((t) => ({ kind: t.kind, text: t.text, date: t.date, clauseId: anchorAt(t.index) }));

  const sourceKey = options.sourceKey ?? file.split(/[\\/]/).at(-1)!;
  const model: Circular = {
    schemaVersion: SCHEMA_VERSION,
    id: circularId(sourceKey),
    title: header.title,
    issuers: header.issuers,
    publisher: header.publisher,
    addressees: head.addressees,
    genre: header.genre,
    docNumber: ownDocNumber,
    docNumberRaw: header.docNumber?.raw ?? null,
    date: header.date,
    published: header.published,
    effective: header.effective,
    jurisdiction: header.jurisdiction,
    sections: outline.sections,
    citations,
    articleCitations,
    targets,
    body,
    noise: [
      ...noise,
      ...header.fragments,
      ...(options.extracted?.noiseParts ?? []).map((p) => ({ ...p, part: true })),
    ].sort((a, b) => a.line - b.line),
    bodyLineNumbers: bodyLines.map((l) => l.sourceLine),
    warnings,
    provenance: header.record.provenance,
    candidates: header.record.lost,
    statedValidity: header.statedValidity,
    validityTerm: header.validityTerm,
    corrections: null,
    source: {
      file,
      key: sourceKey,
      format: options.format ?? "text",
      sha256: sha256(bytes),
      encoding: decoded.encoding,
      lineEnding,
    },
  };
  // The model checks itself: a parser bug that breaks the contract stops here, named.
  return validateModel(Circular, model, file);
}

/**
 * What a text does with a document it cites: repeals it (…同时废止; 关于废止《X》的决定), amends
 * it (关于修改《X》的决定; 对《X》作如下修改), bases itself on it (根据《X》…，制定本办法), or cites it.
 */
function relationOf(
  c: { title: string | null; raw: string; index: number },
  body: string,
  title: string,
): Citation["relation"] {
  const after = toSimplified(body.slice(c.index + c.raw.length, c.index + c.raw.length + 60));
  const before = toSimplified(body.slice(Math.max(0, c.index - 40), c.index));
  // The document's own title names what it repeals or amends: 关于废止《X》的决定.
  const named = (verb: string) =>
    c.title !== null && compactKey(toSimplified(title)).includes(`${verb}《${compactKey(toSimplified(c.title))}》`);
  if (/^[^。；;\n]{0,40}?(同时)?(废止|停止执行|不再执行)/.test(after) || named("关于废止")) return "repeals";
  if (/^[^。；;\n]{0,20}?(修改如下|作如下修改|修正如下|作出如下修改)/.test(after) || named("关于修改")) return "amends";
  const sentence = before.slice(Math.max(before.lastIndexOf("。"), before.lastIndexOf("；")) + 1);
  if (
    /(根据|依据|依照)[^。；]*$/.test(sentence) &&
    /^[^。；]*?(制定本|特制定|制定如下|结合本[省市县区]|结合我[省市县区])/.test(after)
  )
    return "basis";
  return "cites";
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
