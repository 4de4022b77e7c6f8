/**
 * Word (.docx) files as offices write them, after GB/T 9704: A4 with its margins, the title
 * centred in 方正小标宋简体 (二号), the 文号 under it, text in 仿宋_GB2312 (三号), 一、 headings in
 * 黑体 and （一） in 楷体_GB2312, the 落款 and its date right-aligned, the page's citation and
 * source in the footer. The fonts are named in the file's styles, so Word and WPS use them
 * where they are installed. Built with the `docx` library, in the browser on demand (the
 * export buttons import this module only when pressed) or in Node (tests).
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  InsertedTextRun,
  DeletedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IStylesOptions,
} from "docx";
import type { Circular, LabelKind, SectionNode } from "../model/circular.ts";
import { citationText } from "../model/labels.ts";
import { groupExcerpts, type Excerpt, type Grouping } from "./excerpt.ts";

/** Lines compared as written, spaces aside (the body and its title are in one script: no fold, no table to load). */
const compactKey = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

function walk(nodes: SectionNode[], visit: (n: SectionNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

/** The fonts offices use, by what they set: 标题 方正小标宋简体, 一级标题 黑体, 二级标题 楷体_GB2312, 正文 仿宋_GB2312. */
export const FONTS = {
  title: "方正小标宋简体",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  body: "仿宋_GB2312",
} as const;
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt. */
const SIZE = { title: 44, body: 32, small: 28 } as const;
const mm = (n: number) => Math.round((n / 25.4) * 1440);

const font = (name: string) => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: name, cs: name });

/** Paragraph styles, named for what they are (标题, 发文字号, 一级标题 …), with the fonts in them. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: font(FONTS.body), size: SIZE.body },
      paragraph: { spacing: { line: 560, lineRule: "exact" } },
    },
  },
  paragraphStyles: [
    {
      id: "DocTitle",
      name: "标题",
      basedOn: "Normal",
      run: { font: font(FONTS.title), size: SIZE.title },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 560, line: 700, lineRule: "exact" } },
    },
    {
      id: "DocNumber",
      name: "发文字号",
      basedOn: "Normal",
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 280 } },
    },
    { id: "Addressees", name: "主送机关", basedOn: "Normal" },
    { id: "BodyText", name: "正文", basedOn: "Normal", paragraph: { indent: { firstLine: 640 } } },
    {
      id: "Heading1Cn",
      name: "一级标题",
      basedOn: "Normal",
      run: { font: font(FONTS.heading1) },
      paragraph: { indent: { firstLine: 640 } },
    },
    {
      id: "Heading2Cn",
      name: "二级标题",
      basedOn: "Normal",
      run: { font: font(FONTS.heading2) },
      paragraph: { indent: { firstLine: 640 } },
    },
    {
      id: "Chapter",
      name: "章",
      basedOn: "Normal",
      run: { font: font(FONTS.heading1) },
      paragraph: { alignment: AlignmentType.CENTER },
    },
    {
      id: "Signature",
      name: "落款",
      basedOn: "Normal",
      paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 640 } },
    },
    {
      id: "Citation",
      name: "引用",
      basedOn: "Normal",
      run: { font: font(FONTS.heading2), size: SIZE.small },
      paragraph: { spacing: { after: 240, line: 400, lineRule: "exact" } },
    },
    {
      id: "Small",
      name: "表格文字",
      basedOn: "Normal",
      run: { size: 24 },
      paragraph: { spacing: { line: 360, lineRule: "exact" } },
    },
  ],
};

const PAGE = {
  page: {
    size: { width: mm(210), height: mm(297) },
    margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  },
};

function footer(lines: string[]): Footer {
  return new Footer({
    children: [
      ...lines.map((t) => new Paragraph({ style: "Small", alignment: AlignmentType.LEFT, children: [new TextRun(t)] })),
      new Paragraph({
        style: "Small",
        alignment: AlignmentType.CENTER,
        children: [new TextRun("— "), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(" —")],
      }),
    ],
  });
}

function wordFile(children: Array<Paragraph | Table>, footerLines: string[], title: string): Document {
  return new Document({
    creator: "安全生产政策文件库",
    title,
    styles: STYLES,
    sections: [{ properties: PAGE, footers: { default: footer(footerLines) }, children }],
  });
}

export const toBlob = (doc: Document): Promise<Blob> => Packer.toBlob(doc);
export const toBuffer = (doc: Document): Promise<Buffer> => Packer.toBuffer(doc) as Promise<Buffer>;

/** The paragraph style of a line that begins a numbered part of this kind. */
const KIND_STYLE: Partial<Record<LabelKind, string>> = {
  part: "Chapter",
  chapter: "Chapter",
  subchapter: "Chapter",
  cnItem: "Heading1Cn",
  cnParen: "Heading2Cn",
};

/**
 * A document as a Word file: its body's lines in order (nothing left out), each styled by
 * what it is — title lines, the 文号, the 主送机关, headings by their kind, text, the 落款 —
 * with the title and 文号 put first when the body does not carry them.
 */
export function documentWord(doc: Circular, page: { url: string }): Document {
  const lines = doc.body.split("\n");
  const kindAt = new Map<number, LabelKind>();
  walk(doc.sections, (n) => kindAt.set(n.lines[0], n.kind));
  const title = compactKey(doc.title);
  const signers = new Set(doc.issuers.map(compactKey));
  const dateLine =
    /^[\s　]*(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}\s*月\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日[\s　]*$/;
  const head = lines.slice(0, 12).map((l) => compactKey(l));
  const titleInBody = head.some((k) => k.length >= 4 && title.includes(k));
  const numberInBody = doc.docNumberRaw !== null && lines.slice(0, 12).some((l) => l.includes(doc.docNumberRaw!));
  const out: Paragraph[] = [];
  if (!titleInBody) out.push(new Paragraph({ style: "DocTitle", children: [new TextRun(doc.title)] }));
  if (doc.docNumber && !numberInBody)
    out.push(new Paragraph({ style: "DocNumber", children: [new TextRun(doc.docNumber)] }));
  const tail = lines.length - 8;
  lines.forEach((text, k) => {
    const key = compactKey(text);
    if (key === "") return;
    const at = doc.bodyLineNumbers[k]!;
    const style =
      k < 12 && key.length >= 4 && title.includes(key)
        ? "DocTitle"
        : k < 12 && doc.docNumberRaw && text.includes(doc.docNumberRaw)
          ? "DocNumber"
          : doc.addressees.length && k < 20 && key.startsWith(compactKey(doc.addressees[0]!))
            ? "Addressees"
            : k >= tail && (signers.has(key) || dateLine.test(text))
              ? "Signature"
              : (KIND_STYLE[kindAt.get(at)!] ?? "BodyText");
    out.push(
      new Paragraph({
        style,
        children: [new TextRun(style === "BodyText" ? text.replace(/^[\s　]+/, "") : text.trim())],
      } satisfies IParagraphOptions),
    );
  });
  return wordFile(out, [`引用：${citationText(doc)}`, `来源：${page.url}`], doc.title);
}

/** A 摘编: each excerpt, then its full citation; headed by group. */
export function excerptsWord(
  items: Excerpt[],
  by: Grouping,
  made: { title: string; url: string; date: string },
): Document {
  const out: Paragraph[] = [
    new Paragraph({ style: "DocTitle", children: [new TextRun(made.title)] }),
    new Paragraph({ style: "DocNumber", children: [new TextRun(`共 ${items.length} 条 · ${made.date}`)] }),
  ];
  groupExcerpts(items, by).forEach((g, i) => {
    if (g.heading)
      out.push(
        new Paragraph({
          style: "Heading1Cn",
          children: [new TextRun(`${"一二三四五六七八九十"[i] ?? i + 1}、${g.heading}`)],
        }),
      );
    for (const e of g.items) {
      for (const p of e.text
        .split("\n")
        .map((t) => t.trim())
        .filter(Boolean))
        out.push(new Paragraph({ style: "BodyText", children: [new TextRun(p)] }));
      out.push(
        new Paragraph({
          style: "Citation",
          alignment: AlignmentType.RIGHT,
          children: [new TextRun(`——${e.citation}`)],
        }),
      );
    }
  });
  return wordFile(out, [`摘编自安全生产政策文件库：${made.url}`], made.title);
}

/** A row of a comparison: the clauses aligned across the documents, and their similarity. */
export interface ComparedRow {
  cells: Array<{ label: string; text: string; citation: string } | null>;
  scores: Array<number | null>;
}

const cellOf = (children: Paragraph[]) => new TableCell({ children: children.length ? children : [new Paragraph("")] });

/** The aligned table of two or three documents, then each side's unmatched clauses, each clause with its citation. */
export function comparisonWord(
  docs: Array<{ title: string; citation: string }>,
  rows: ComparedRow[],
  unmatched: Array<Array<{ label: string; text: string; citation: string }>>,
  page: { url: string },
): Document {
  const names = ["甲", "乙", "丙"];
  const header = new TableRow({
    tableHeader: true,
    children: [
      ...docs.map((d, i) =>
        cellOf([
          new Paragraph({ style: "Small", children: [new TextRun({ text: `${names[i]}：${d.title}`, bold: true })] }),
        ]),
      ),
      ...docs
        .slice(1)
        .map(() =>
          cellOf([new Paragraph({ style: "Small", children: [new TextRun({ text: "相似度", bold: true })] })]),
        ),
    ],
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        children: [
          ...r.cells.map((c) =>
            cellOf(
              c
                ? [
                    new Paragraph({ style: "Small", children: [new TextRun({ text: c.label, bold: true })] }),
                    ...c.text.split("\n").map((t) => new Paragraph({ style: "Small", children: [new TextRun(t)] })),
                    new Paragraph({ style: "Small", children: [new TextRun({ text: c.citation, italics: true })] }),
                  ]
                : [new Paragraph({ style: "Small", children: [new TextRun("—")] })],
            ),
          ),
          ...r.scores.map((s) =>
            cellOf([new Paragraph({ style: "Small", children: [new TextRun(s === null ? "—" : s.toFixed(2))] })]),
          ),
        ],
      }),
  );
  const out: Array<Paragraph | Table> = [
    new Paragraph({ style: "DocTitle", children: [new TextRun("条款对照表")] }),
    ...docs.map((d, i) => new Paragraph({ style: "Citation", children: [new TextRun(`${names[i]}：${d.citation}`)] })),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body] }),
  ];
  unmatched.forEach((list, i) => {
    if (!list.length) return;
    out.push(
      new Paragraph({ style: "Heading1Cn", children: [new TextRun(`${names[i]}未对应的条款（${list.length}）`)] }),
    );
    for (const c of list) {
      out.push(
        new Paragraph({
          style: "BodyText",
          children: [new TextRun({ text: `${c.label} `, bold: true }), new TextRun(c.text)],
        }),
      );
      out.push(
        new Paragraph({
          style: "Citation",
          alignment: AlignmentType.RIGHT,
          children: [new TextRun(`——${c.citation}`)],
        }),
      );
    }
  });
  return wordFile(out, [`来源：${page.url}`], "条款对照表");
}

/** One entry of a version diff: its kind, the clause labels on each side, and the words changed. */
export interface DiffEntry {
  kind: "added" | "removed" | "changed" | "moved" | "unchanged";
  before: string | null;
  after: string | null;
  /** Words as the diff gives them; for added or removed clauses, the whole text. */
  changes: Array<{ kind: "same" | "added" | "removed"; value: string }>;
}

const DIFF_NAMES = { added: "新增", removed: "删除", changed: "修改", moved: "移动", unchanged: "未变" } as const;

/** A version diff as Word revisions: additions as insertions, deletions as deletions (Word's 修订), with a legend. */
export function diffWord(
  before: { title: string; date: string | null; status: string },
  after: { title: string; date: string | null; status: string },
  entries: DiffEntry[],
  page: { url: string },
): Document {
  const when = new Date().toISOString();
  let id = 1;
  const run = (c: DiffEntry["changes"][number]) =>
    c.kind === "added"
      ? new InsertedTextRun({ text: c.value, id: id++, author: "新版本", date: when })
      : c.kind === "removed"
        ? new DeletedTextRun({ text: c.value, id: id++, author: "新版本", date: when })
        : new TextRun(c.value);
  const out: Paragraph[] = [
    new Paragraph({ style: "DocTitle", children: [new TextRun("版本差异")] }),
    new Paragraph({
      style: "Citation",
      children: [new TextRun(`旧版本：《${before.title}》（${before.date ?? "日期不详"}，${before.status}）`)],
    }),
    new Paragraph({
      style: "Citation",
      children: [new TextRun(`新版本：《${after.title}》（${after.date ?? "日期不详"}，${after.status}）`)],
    }),
    new Paragraph({
      style: "Citation",
      children: [
        new TextRun(
          "说明：新增的文字以 Word 修订中的“插入”标出，删去的文字以“删除”标出；在 Word 或 WPS 的“审阅”中可逐处查看。",
        ),
      ],
    }),
  ];
  for (const e of entries) {
    const labels = [e.before, e.after].filter(Boolean).join(" → ");
    out.push(
      new Paragraph({
        style: "Heading2Cn",
        heading: HeadingLevel.HEADING_3,
        children: [new TextRun(`${DIFF_NAMES[e.kind]}　${labels}`)],
      }),
    );
    out.push(new Paragraph({ style: "BodyText", children: e.changes.map(run) }));
  }
  return wordFile(out, [`来源：${page.url}`], "版本差异");
}
