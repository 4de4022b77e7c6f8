/**
 * The document model of one circular: the contract between ingest and everything that
 * reads it (MDX, pages, search records, comparison data, exports). One zod schema per
 * concept; types are inferred, never re-declared elsewhere. The model is validated where
 * it is produced (end of parsing) and where it is read (src/library/store.ts): see
 * `validateModel`.
 */
import { z } from "zod";

/**
 * Version of this schema, stored in every model. Raised whenever a field is added,
 * removed or changes meaning, so stored models of an older shape are parsed again
 * rather than misread.
 */
export const SCHEMA_VERSION = 8;

/** 文种: the 15 genres of the 党政机关公文处理工作条例 (2012). */
export const DOCUMENT_GENRES = [
  "决议",
  "决定",
  "命令",
  "公报",
  "公告",
  "通告",
  "意见",
  "通知",
  "通报",
  "报告",
  "请示",
  "批复",
  "议案",
  "函",
  "纪要",
] as const;
/** The forms of laws and regulations (法规), beside them (决定 is both). */
export const REGULATION_GENRES = ["法", "条例", "规定", "办法", "实施细则", "细则", "规则"] as const;
export const GENRES = [...DOCUMENT_GENRES, ...REGULATION_GENRES] as const;
export const Genre = z.enum(GENRES);
export type Genre = z.infer<typeof Genre>;

/** A date with its real precision: YYYY-MM-DD, YYYY-MM or YYYY. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
export type PartialDate = z.infer<typeof PartialDate>;

export const LEVELS = ["national", "province", "prefecture", "county"] as const;
/** 层级: national, province (省级), prefecture (地市级), county (县级). */
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** 地区 and 层级, resolved against the GB/T 2260 division list. */
export const Jurisdiction = z.object({
  /** Province name (吉林省), null for national documents. */
  province: z.string().nullable(),
  /** Prefecture-level division (吉林市), null above that level. */
  prefecture: z.string().nullable(),
  /** County-level division (寿光市), null above that level. */
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
  "subchapter", // 第X节
  "article", // 第X条
  "cnItem", // 一、
  "cnParen", // （一）
  "num", // 1.
  "numParen", // （1）
  "circled", // ①
] as const;
export const LabelKind = z.enum(LABEL_KINDS);
export type LabelKind = z.infer<typeof LabelKind>;

/** A 1-based inclusive range of line numbers of the source file. */
export const LineRange = z.tuple([z.number().int(), z.number().int()]);

/**
 * Position of a numbered part: its label and those of its ancestors, each as a path
 * segment (二, （三）, 5, 第五条) joined by "." — e.g. "二.（三）.5". See model/labels.ts.
 */
export const PartPath = z.string().min(1);

/**
 * What a clause has beyond its place in the heading tree: its complete text and who is
 * responsible. A clause is stored once, on its section node; `clausesOf` lists them.
 */
export const ClauseBody = z.object({
  /** The complete clause exactly as in the source, label stripped, sub-items included. */
  text: z.string(),
  /** 责任单位 / 牵头 / 分工负责 units, as written. */
  responsible: z.array(z.string()),
  /** Those of `responsible` named as 牵头 (lead). */
  leads: z.array(z.string()),
});
export type ClauseBody = z.infer<typeof ClauseBody>;

export interface SectionNode {
  /** Anchor, unique in the document, stable across re-ingests (e.g. "p2-3", "art12"). */
  id: string;
  /** Position in the heading tree, e.g. "二.（三）.5". */
  path: string;
  kind: LabelKind;
  /** The label as written, e.g. "（三）" or "11．". */
  label: string;
  number: number;
  /** Its lead phrase, e.g. "主要任务"; null when the item starts with running text. */
  heading: string | null;
  /** Text of this node before its first child, verbatim (label stripped); null when none. */
  text: string | null;
  /** Source line numbers this node spans, children included. */
  lines: [number, number];
  /** Set when this node is a clause (a numbered part at the document's item level). */
  clause: ClauseBody | null;
  children: SectionNode[];
}
export const SectionNode: z.ZodType<SectionNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    path: PartPath,
    kind: LabelKind,
    label: z.string(),
    number: z.number().int(),
    heading: z.string().nullable(),
    text: z.string().nullable(),
    lines: LineRange,
    clause: ClauseBody.nullable(),
    children: z.array(SectionNode),
  }),
);

/**
 * A clause as readers list it: its section node's place (anchor, path, label, heading,
 * lines) with its body. A view made by `clausesOf`, not stored.
 */
export type Clause = Pick<SectionNode, "id" | "path" | "kind" | "label" | "number" | "heading" | "lines"> & ClauseBody;

/** A document cited in the text: 《title》 with or without a 文号. */
export const Citation = z.object({
  /** The cited title without its 《》, or null when only a 文号 is cited. */
  title: z.string().nullable(),
  /**
   * What the text does with it: cites it; bases itself on it (根据《X》…制定本办法); repeals it
   * (…同时废止, 关于废止《X》的决定); amends it (关于修改《X》的决定, 对《X》作如下修改).
   */
  relation: z.enum(["cites", "basis", "repeals", "amends"]),
  /** The cited 文号, normalised (机关代字〔年份〕序号号), or null. */
  docNumber: z.string().nullable(),
  /** The citation as written. */
  raw: z.string(),
  /** Anchor of the clause (or section) where it is cited; null in the preamble. */
  clauseId: z.string().nullable(),
});
export type Citation = z.infer<typeof Citation>;

/**
 * A citation of an article: 《中华人民共和国安全生产法》第二十一条, 《条例》第十条第二款 (a short
 * title the text defined), 本法第五条, 前款. The corpus resolves it to a clause anchor of the
 * cited document where the library holds it.
 */
export const ArticleCitation = z.object({
  /**
   * The cited document's title as cited (a short title read as the full one it stands for); null for the document
   * itself.
   */
  title: z.string().nullable(),
  /** True when it cites the document itself (本法第五条, 前款). */
  self: z.boolean(),
  /** 第N条 */
  article: z.number().int().positive(),
  /** 第N款, or null. */
  paragraph: z.number().int().positive().nullable(),
  /** 第N项, or null. */
  item: z.number().int().positive().nullable(),
  /** As written. */
  raw: z.string(),
  /** Anchor of the clause (or section) where it is cited; null in the preamble. */
  clauseId: z.string().nullable(),
});
export type ArticleCitation = z.infer<typeof ArticleCitation>;

/**
 * What the text says of its own term: 有效期5年, 有效期至2025年12月31日, 试行2年. The corpus
 * reads the validity status from it (corpus/validity.ts).
 */
export const ValidityTerm = z.object({
  /** The words, as written. */
  text: z.string(),
  line: z.number().int(),
  /** A period in months (有效期5年 → 60), counted from the date it takes effect; null when an end date is given. */
  months: z.number().int().positive().nullable(),
  /** The last day in force, when the text names it (有效期至2025年12月31日). */
  until: PartialDate.nullable(),
});
export type ValidityTerm = z.infer<typeof ValidityTerm>;

/** A deadline or a quantitative target named in the text. */
export const Target = z.object({
  kind: z.enum(["deadline", "quantity"]),
  /** The phrase as written, e.g. "到2019年6月底前" or "下降37%以上". */
  text: z.string(),
  /** For deadlines, the date it names, with its precision. */
  date: PartialDate.nullable(),
  /** Anchor of the clause or section it stands in; null outside numbered parts. */
  clauseId: z.string().nullable(),
});
export type Target = z.infer<typeof Target>;

/** Something the reader should know about how the model was read: a repair, a doubt. */
export const Warning = z.object({
  /** Source line number it concerns, or null for the whole document. */
  line: z.number().int().nullable(),
  /** In Chinese, for the page's 整理说明. */
  message: z.string(),
});
export type Warning = z.infer<typeof Warning>;

/** Where a header value was read: the kinds of evidence, strongest first. */
export const EVIDENCE_SOURCES = [
  "editor", // an editor's correction (content/overrides/<id>.yaml)
  "signature", // 落款: the issuer and date under the text
  "history", // a regulation's history lines (通过, 修订, 公布, 施行 …)
  "head", // the document's head: 版头, title line, 文号 line
  "database", // the record a law database keeps of the document (a Markdown file's frontmatter)
  "title", // read out of the title (its issuer, place, 文种)
  "portal-field", // the portal's or database's metadata (发文字号：…, 成文日期：…)
  "file-name", // the name the file was saved under: 上海市防汛条例(2021-11-25).txt
  "docNumber", // the 文号 (its 机关代字 names a place; its year a date)
  "chrome", // the portal page around the document (its site names the place)
  "body", // the running text
] as const;
export const EvidenceSource = z.enum(EVIDENCE_SOURCES);
export type EvidenceSource = z.infer<typeof EvidenceSource>;

/** How far a value can be trusted: high values are shown as fact; low ones are not chosen. */
export const Confidence = z.enum(["high", "medium", "low"]);
export type Confidence = z.infer<typeof Confidence>;

/** Where one header value came from. */
export const Evidence = z.object({
  from: EvidenceSource,
  /** Source line number it was read on; null when it is not one line (e.g. the whole body). */
  line: z.number().int().nullable(),
  confidence: Confidence,
  /** The rule that read it, in Chinese, for the page: 「发文字号」字段, 落款日期, 历史沿革中最后一次修正. */
  rule: z.string(),
  /** True when the value is inferred, not read: a year taken from the 文号. */
  inferred: z.boolean(),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * 时效性: whether a document is in force. `repealed` (已废止), `amended` (已被修改: a later version
 * replaces it), `expired` (失效: its own validity period has ended), `not-yet-in-force`
 * (尚未施行), `in-force` (现行有效), `unknown` (时效不详).
 */
export const VALIDITY_STATUSES = ["in-force", "amended", "repealed", "expired", "not-yet-in-force", "unknown"] as const;
export const ValidityStatus = z.enum(VALIDITY_STATUSES);
export type ValidityStatus = z.infer<typeof ValidityStatus>;

/**
 * A document's 时效性 as of a date, from evidence (corpus/validity.ts): what repeals or amends
 * it in the library, its own term, its date of effect, what its page or database states.
 */
export const Validity = z.object({
  status: ValidityStatus,
  /**
   * Since when the status holds (repealed/amended: the later act's date of effect or date; expired: the day after its
   * term), or null.
   */
  since: PartialDate.nullable(),
  /** Until when it is in force, where a term says (in-force with a term), or null. */
  until: PartialDate.nullable(),
  /** The id of the document in the library that repeals or amends it (the newer version), or null. */
  by: z.string().nullable(),
  /** Where the status comes from, in Chinese for the page, with the line or document it rests on. */
  provenance: z.object({
    from: z.enum(["library", "term", "effective", "database", "portal-field", "none"]),
    rule: z.string(),
    line: z.number().int().nullable(),
  }),
});
export type Validity = z.infer<typeof Validity>;

/** The header fields whose source is recorded. */
export const HEADER_FIELDS = [
  "title",
  "issuers",
  "docNumber",
  "date",
  "published",
  "effective",
  "genre",
  "jurisdiction",
  "publisher",
] as const;
export const HeaderField = z.enum(HEADER_FIELDS);
export type HeaderField = z.infer<typeof HeaderField>;

/** For each header field, where its value came from; null when the field is unknown. */
export const Provenance = z.object(
  Object.fromEntries(HEADER_FIELDS.map((f) => [f, Evidence.nullable()])) as Record<
    HeaderField,
    z.ZodNullable<typeof Evidence>
  >,
);
export type Provenance = z.infer<typeof Provenance>;

/** A value that was found but not chosen (weaker, or in conflict), kept for audit. */
export const LostCandidate = Evidence.extend({
  field: HeaderField,
  /** The value as it would have been shown (issuers joined by 、, a place by its code). */
  value: z.string(),
});
export type LostCandidate = z.infer<typeof LostCandidate>;

/** The file a model was read from. */
export const SOURCE_FORMATS = ["text", "html", "docx", "pdf", "ofd", "markdown"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const Source = z.object({
  /** Path as given to ingest (relative to the project when it is inside it). */
  file: z.string(),
  /**
   * The source's identity: its path inside the library's source folder. The id is derived
   * from it alone, so an id does not move when the parser reads the document better.
   */
  key: z.string(),
  /** The file's format, recognised by its content. */
  format: z.enum(SOURCE_FORMATS),
  /** SHA-256 of the file's bytes. */
  sha256: z.string(),
  /** The encoding it was decoded from (e.g. "UTF-8", "GB18030", "UTF-8 with BOM"). */
  encoding: z.string(),
  lineEnding: z.enum(["LF", "CRLF", "CR", "mixed", "none"]),
});
export type Source = z.infer<typeof Source>;

/** Everything about a circular but its raw text: what the site's pages read. */
export const CircularMeta = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Stable, URL-safe id: the page is /circulars/<id>/. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** 标题, as written (spacing inside kept). */
  title: z.string(),
  /** 发文机关, in the order they sign. */
  issuers: z.array(z.string()),
  /** 主送机关. */
  addressees: z.array(z.string()),
  /** 文种, or the form of a law or regulation (法, 条例 …); null when the title's ending names none. */
  genre: Genre.nullable(),
  /** 发文字号, normalised: 机关代字〔年份〕序号号. */
  docNumber: z.string().nullable(),
  /** 发文字号 as written in the source. */
  docNumberRaw: z.string().nullable(),
  /** 成文日期 with its real precision. */
  date: PartialDate.nullable(),
  /**
   * 发布机构: the body whose site published the page (its 发布机构 or 信息来源 field), not the
   * issuer: a town's site reposts a county's notice. Null when the page names none.
   */
  publisher: z.string().nullable(),
  /** 发布日期 (from the portal), with its precision. */
  published: PartialDate.nullable(),
  /** 施行日期 / 生效日期: when it takes effect, with its precision. */
  effective: PartialDate.nullable(),
  /** 地区 and 层级; null when the evidence does not say. */
  jurisdiction: Jurisdiction.nullable(),
  /** The heading tree: every numbered part, in document order; clauses are nodes of it. */
  sections: z.array(SectionNode),
  citations: z.array(Citation),
  /** Citations of articles, in document order. */
  articleCitations: z.array(ArticleCitation),
  targets: z.array(Target),
  warnings: z.array(Warning),
  /** Where each header value came from. */
  provenance: Provenance,
  /** Header values found but not chosen, for audit. */
  candidates: z.array(LostCandidate),
  /**
   * What the document's page or its database says of its force (时效性：现行有效, status: 已废止),
   * as written and read; evidence for its validity (corpus/validity.ts), null when nothing says.
   */
  statedValidity: z.object({ status: ValidityStatus, text: z.string(), evidence: Evidence }).nullable(),
  /** Its own term of validity, as the text or the page's 失效日期 states it; null when none is stated. */
  validityTerm: ValidityTerm.nullable(),
  /** An editor's corrections, when there are any: the file, what it set, and why. */
  corrections: z
    .object({
      /** The override file, relative to the project: content/overrides/<id>.yaml. */
      file: z.string(),
      /** The header fields it set, and the clause changes it made ("merge p2-3 p2-4", "split p2-5"). */
      changes: z.array(z.string()),
      note: z.string().nullable(),
    })
    .nullable(),
  source: Source,
});
export type CircularMeta = z.infer<typeof CircularMeta>;

/**
 * What the library's facts (时效性, versions, kinds: corpus/derived.ts libraryFacts) read of a
 * document. The facts stage keeps it per document from one build to the next, so a rebuild
 * reads only the models that changed: reading all of them was most of the stage.
 */
export const FactsInput = CircularMeta.pick({
  id: true,
  title: true,
  issuers: true,
  docNumber: true,
  date: true,
  effective: true,
  jurisdiction: true,
  citations: true,
  statedValidity: true,
  validityTerm: true,
}).extend({ provenance: Provenance.pick({ effective: true }) });
export type FactsInput = z.infer<typeof FactsInput>;

/** A document's facts input, and nothing more of it. */
export const factsInputOf = (d: FactsInput): FactsInput => ({
  id: d.id,
  title: d.title,
  issuers: d.issuers,
  docNumber: d.docNumber,
  date: d.date,
  effective: d.effective,
  jurisdiction: d.jurisdiction,
  citations: d.citations,
  statedValidity: d.statedValidity,
  validityTerm: d.validityTerm,
  provenance: { effective: d.provenance.effective },
});

/** The full model: the metadata and the text it was read from. */
export const Circular = CircularMeta.extend({
  /** The document after portal chrome is removed: its lines verbatim, joined by "\n". */
  body: z.string(),
  /**
   * What was removed as portal chrome, verbatim, with its source line number: whole lines,
   * and (`part`: true) pieces cut out of a line that stays in the body, such as a portal's
   * suffix or anti-scraping junk inside a title.
   */
  noise: z.array(z.object({ line: z.number().int(), text: z.string(), part: z.boolean().optional() })),
  /** For each line of `body`, its line number in the source file. */
  bodyLineNumbers: z.array(z.number().int()),
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

/**
 * Validates a model read from `file` against `schema`. A mismatch is an error that names
 * the file and the first fields that are wrong, never a crash further on.
 */
export function validateModel<T>(schema: z.ZodType<T>, data: unknown, file: string): Result<T> {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const where = r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(model)"}: ${i.message}`)
    .join("; ");
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  const hint =
    version !== SCHEMA_VERSION ? ` (schemaVersion ${String(version)}, expected ${SCHEMA_VERSION}: ingest again)` : "";
  return { ok: false, error: { file, line: 1, message: `not a valid document model${hint}: ${where}` } };
}

/** Every section node in document order, depth-first, with its ancestors. */
export function walkSections(
  nodes: SectionNode[],
  visit: (n: SectionNode, ancestors: SectionNode[]) => void,
  ancestors: SectionNode[] = [],
): void {
  for (const n of nodes) {
    visit(n, ancestors);
    walkSections(n.children, visit, [...ancestors, n]);
  }
}
