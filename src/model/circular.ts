/**
 * The document model of one circular: the contract between ingest and everything
 * that reads it (MDX, pages, search records, comparison data, exports).
 * One zod schema per concept; types are inferred, never re-declared elsewhere.
 */
import { z } from "zod";

/** 文种: the 15 genres of the 党政机关公文处理工作条例 (2012). */
export const GENRES = [
  "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知",
  "通报", "报告", "请示", "批复", "议案", "函", "纪要",
] as const;
export const Genre = z.enum(GENRES);
export type Genre = z.infer<typeof Genre>;

/** A date with its real precision: YYYY-MM-DD, YYYY-MM or YYYY. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
export type PartialDate = z.infer<typeof PartialDate>;

export const LEVELS = ["national", "province", "prefecture", "county"] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** 地区 and 层级, resolved against the GB/T 2260 division list. */
export const Jurisdiction = z.object({
  province: z.string().nullable(),
  prefecture: z.string().nullable(),
  county: z.string().nullable(),
  level: Level,
  /** GB/T 2260 six-digit code; "100000" for national bodies. */
  code: z.string().regex(/^\d{6}$/),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/**
 * Kinds of numbering label, from the outermost. 编/章/节/条 are the regulation
 * forms; 一、（一）1.（1）① the 公文 forms.
 */
export const LABEL_KINDS = [
  "part", // 第X编
  "chapter", // 第X章
  "division", // 第X节
  "article", // 第X条
  "cnItem", // 一、
  "cnParen", // （一）
  "num", // 1.
  "numParen", // （1）
  "circled", // ①
] as const;
export const LabelKind = z.enum(LABEL_KINDS);
export type LabelKind = z.infer<typeof LabelKind>;

/** A 1-based inclusive range of lines of `body`. */
export const LineRange = z.tuple([z.number().int(), z.number().int()]);

export interface SectionNode {
  /** Anchor, unique in the document. */
  id: string;
  kind: LabelKind;
  /** The label as written, e.g. "（三）". */
  label: string;
  number: number;
  /** Its lead phrase, e.g. "主要任务"; null when the item starts with running text. */
  heading: string | null;
  /** Text of this node before its first child, verbatim (label stripped); null when none. */
  text: string | null;
  /** Lines of `body` this node spans, children included. */
  lines: [number, number];
  /** True when this node is a clause (the item level of the document). */
  isClause: boolean;
  children: SectionNode[];
}
export const SectionNode: z.ZodType<SectionNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    kind: LabelKind,
    label: z.string(),
    number: z.number().int(),
    heading: z.string().nullable(),
    text: z.string().nullable(),
    lines: LineRange,
    isClause: z.boolean(),
    children: z.array(SectionNode),
  }),
);

/** One numbered item at the document's item level, with its stable anchor. */
export const Clause = z.object({
  id: z.string(),
  /** Full position, e.g. "二.（三）.5". */
  path: z.string(),
  kind: LabelKind,
  label: z.string(),
  heading: z.string().nullable(),
  /** The complete clause exactly as in the source, label stripped. */
  text: z.string(),
  /** 责任单位 / 牵头 / 分工负责 units, as written. */
  responsible: z.array(z.string()),
  /** Those of `responsible` named as 牵头 (lead). */
  leads: z.array(z.string()),
  lines: LineRange,
});
export type Clause = z.infer<typeof Clause>;

/** A document cited in the text: 《title》 with or without a 文号. */
export const Citation = z.object({
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  raw: z.string(),
  /** Anchor of the clause (or section) where it is cited; null in the preamble. */
  clauseId: z.string().nullable(),
});
export type Citation = z.infer<typeof Citation>;

export const Target = z.object({
  kind: z.enum(["deadline", "quantity"]),
  /** The phrase as written, e.g. "到2019年6月底前" or "下降37%以上". */
  text: z.string(),
  /** For deadlines, the date it names, with its precision. */
  date: PartialDate.nullable(),
  clauseId: z.string().nullable(),
});
export type Target = z.infer<typeof Target>;

export const Warning = z.object({
  line: z.number().int().nullable(),
  message: z.string(),
});
export type Warning = z.infer<typeof Warning>;

export const Source = z.object({
  file: z.string(),
  sha256: z.string(),
  encoding: z.string(),
  lineEnding: z.enum(["LF", "CRLF", "CR", "mixed", "none"]),
});

export const Circular = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  issuers: z.array(z.string()),
  addressees: z.array(z.string()),
  genre: Genre.nullable(),
  docNumber: z.string().nullable(),
  docNumberRaw: z.string().nullable(),
  date: PartialDate.nullable(),
  published: PartialDate.nullable(),
  jurisdiction: Jurisdiction.nullable(),
  sections: z.array(SectionNode),
  clauses: z.array(Clause),
  citations: z.array(Citation),
  targets: z.array(Target),
  /** The document after portal chrome is removed: its lines verbatim, joined by "\n". */
  body: z.string(),
  /** Lines removed as portal chrome, verbatim, with their line numbers in the source. */
  noise: z.array(z.object({ line: z.number().int(), text: z.string() })),
  /** For each line of `body`, its line number in the source file. */
  bodyLineNumbers: z.array(z.number().int()),
  warnings: z.array(Warning),
  source: Source,
});
export type Circular = z.infer<typeof Circular>;

/** A problem that stops one file from being ingested, located in that file. */
export interface IngestError {
  file: string;
  line: number;
  message: string;
}

export function formatError(e: IngestError): string {
  return `${e.file}:${e.line}: ${e.message}`;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IngestError };

/** Every clause in document order; sections are walked depth-first. */
export function walkSections(nodes: SectionNode[], visit: (n: SectionNode, ancestors: SectionNode[]) => void, ancestors: SectionNode[] = []): void {
  for (const n of nodes) {
    visit(n, ancestors);
    walkSections(n.children, visit, [...ancestors, n]);
  }
}
