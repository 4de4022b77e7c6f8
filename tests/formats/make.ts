/**
 * Fixtures in the four real formats, made from the seeds by the tests themselves: a portal
 * page in GBK without a charset declaration, a Word file whose "1." items use Word's list
 * numbering, an OFD file whose text objects are written out of reading order (and the PDF,
 * printed by the test browser, in tests/browser/pdf.test.ts).
 */
import iconv from "iconv-lite";
import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { strToU8, zipSync } from "fflate";
import { decode, splitLines } from "../../src/ingest/read.ts";
import { seedBytes, seedFiles } from "../helpers.ts";

export function seedText(prefix: string): { name: string; text: string; lines: string[] } {
  const name = seedFiles().find((f) => f.startsWith(prefix))!;
  const d = decode(seedBytes(name));
  if (!d.ok) throw new Error(d.message);
  return { name, text: d.text, lines: splitLines(d.text).lines };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A portal page around a seed's text: menu, breadcrumb, metadata table, article, share bar, footer, script; GBK, no
 * charset.
 */
export function portalPage(prefix: string, fields: Array<[string, string]>): Buffer {
  const { lines } = seedText(prefix);
  const paragraphs = lines
    .filter((l) => l.trim())
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join("\n");
  const fieldRows = fields
    .map(
      ([k, v], i) =>
        (i % 2 === 0 ? "<tr>" : "") + `<td>${k}：</td><td>${escapeHtml(v)}</td>` + (i % 2 === 1 ? "</tr>" : ""),
    )
    .join("");
  const html = `<!DOCTYPE html>
<html><head><title>政府信息公开</title>
<script>var _hmt = _hmt || []; window.onload = function () { document.title = "x"; };</script>
<style>.nav { color: red }</style></head>
<body>
<div class="top-bar"><a href="/">网站首页</a> | <a>无障碍</a> | <a>English</a></div>
<ul class="nav"><li><a>首页</a></li><li><a>政务公开</a></li><li><a>政务服务</a></li><li><a>互动交流</a></li></ul>
<div class="position">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>通知公告</a></div>
<table class="xxgk">${fieldRows}</table>
<div class="article-content" id="zoom">
${paragraphs}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="related"><h3>相关文件</h3><ul><li><a>关于做好2019年防汛工作的通知</a></li><li><a>关于开展安全生产大检查的通知</a></li></ul></div>
<div class="footer">主办单位：人民政府办公厅 版权所有 网站标识码2200000001 吉ICP备05002214号</div>
</body></html>`;
  return iconv.encode(html, "gbk");
}

/**
 * A Word file of a seed whose numbered items (一、 and 1.) carry no label in their text: the
 * labels come from Word's list numbering (一、 from a chineseCounting list, 1. from a decimal
 * list numbered on through the document), with the running head and foot as header and footer.
 */
export async function wordFile(prefix: string): Promise<Buffer> {
  const { lines } = seedText(prefix);
  const children = lines
    .filter((l) => l.trim())
    .map((l) => {
      const text = l.trim();
      const section = /^([一二三四五六七八九十]+)、(.*)$/.exec(text);
      const item = /^(\d+)[.．、](.*)$/.exec(text);
      if (section)
        return new Paragraph({ children: [new TextRun(section[2]!)], numbering: { reference: "sections", level: 0 } });
      if (item)
        return new Paragraph({ children: [new TextRun(item[2]!)], numbering: { reference: "items", level: 0 } });
      return new Paragraph({ children: [new TextRun(text)] });
    });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "sections",
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT }],
        },
        {
          reference: "items",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph("兴化市人民政府门户网站 政务公开")] }) },
        footers: { default: new Footer({ children: [new Paragraph("第 1 页")] }) },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/**
 * An OFD file of a seed: its lines laid out on A4 pages as TextObjects, one a line (a long
 * line wrapped over several objects), written to Content.xml in shuffled order; page numbers
 * at the foot of each page.
 */
export function ofdFile(prefix: string, seed = 7): Buffer {
  const { lines } = seedText(prefix);
  const size = 4.2;
  const perLine = 38;
  const left = 20;
  const top = 25;
  const lineHeight = 7;
  const linesPerPage = 34;
  type Obj = { x: number; y: number; text: string };
  const pages: Obj[][] = [[]];
  let row = 0;
  for (const line of lines.filter((l) => l.trim())) {
    const chars = [...line.replace(/^\s+/, "")];
    const indent = /^\s/.test(line) ? 2 : 0;
    for (let at = 0, first = true; at < chars.length; first = false) {
      const room = perLine - (first ? indent : 0);
      const piece = chars.slice(at, at + room).join("");
      if (row === linesPerPage) {
        pages.push([]);
        row = 0;
      }
      pages.at(-1)!.push({ x: left + (first ? indent : 0) * size, y: top + row * lineHeight, text: piece });
      row++;
      at += room;
    }
  }
  let random = seed;
  const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31), random / 2 ** 31);
  const files: Record<string, Uint8Array> = {};
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  pages.forEach((objs, p) => {
    const all = [...objs, { x: 100, y: 285, text: `— ${p + 1} —` }];
    // Out of reading order: the file's order says nothing about where the text stands.
    const shuffled = all
      .map((o) => ({ o, k: next() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.o);
    const objects = shuffled.map((o, i) => {
      const n = [...o.text].length;
      return (
        `<ofd:TextObject ID="${p * 1000 + i + 10}" ` +
        `Boundary="${o.x.toFixed(2)} ${(o.y - size).toFixed(2)} ${(n * size).toFixed(2)} ${(size * 1.4).toFixed(2)}"` +
        ` Font="3" Size="${size}"><ofd:TextCode X="0" Y="${size}" DeltaX="g` +
        ` ${Math.max(0, n - 1)} ${size}">${esc(o.text)}</ofd:TextCode></ofd:TextObject>`
      );
    });
    files[`Doc_0/Pages/Page_${p}/Content.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ` +
        `xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Area><ofd:PhysicalBox>0 0 210 ` +
        `297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ` +
        `ID="${p + 2}">${objects.join("")}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  const pageRefs = pages.map((_, p) => `<ofd:Page ID="${p + 1}" BaseLoc="Pages/Page_${p}/Content.xml"/>`).join("");
  files["Doc_0/Document.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData>` +
      `<ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>` +
      `</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>` +
      `<ofd:Pages>${pageRefs}</ofd:Pages>` +
      `</ofd:Document>`,
  );
  files["Doc_0/PublicRes.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" ` +
      `BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
  );
  files["OFD.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ` +
      `xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody>` +
      `<ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>` +
      `Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  return Buffer.from(zipSync(files));
}

/** A seed as an official document printed to PDF by the test browser: A5 pages, page numbers in the footer (— 1 —). */
export async function pdfFile(
  prefix: string,
  browser: {
    newPage(): Promise<{
      setContent(html: string): Promise<unknown>;
      pdf(o: object): Promise<Uint8Array>;
      close(): Promise<void>;
    }>;
  },
): Promise<Buffer> {
  const { lines } = seedText(prefix);
  const body = lines
    .filter((l) => l.trim())
    .map((l) => `<p class="${/^[\s\u3000]/.test(l) ? "indent" : ""}">${escapeHtml(l.trim())}</p>`)
    .join("\n");
  const page = await browser.newPage();
  await page.setContent(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { font-family: "Noto Sans SC", sans-serif; font-size: 14px; line-height: 1.8; margin: 0; }
    p { margin: 0; text-align: justify; } p.indent { text-indent: 2em; }
  </style></head><body>${body}</body></html>`);
  const pdf = await page.pdf({
    format: "A5",
    margin: { top: "20mm", bottom: "22mm", left: "18mm", right: "18mm" },
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate:
      '<div style="font-size:10px;width:100%;text-align:center;' +
      'font-family:Noto Sans SC">— <span class="pageNumber"></span> —</div>',
  });
  await page.close();
  return Buffer.from(pdf);
}

/** Files the library cannot read, each of a kind staff are sent: name → bytes, and the message it must give. */
export async function badFiles(): Promise<Array<{ name: string; bytes: Buffer; message: string }>> {
  const ole = (extra: string) => {
    const b = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
    Buffer.from(extra, "utf16le").copy(b, 1024);
    return b;
  };
  const docx = await wordFile("000_");
  // A PDF whose /Encrypt dictionary's user key does not open with an empty password.
  const encryptedPdf = Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0" +
      " R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n" +
      `4 0 obj<</Filter/Standard/V 1/R 2/Length 40/P -4/O<${"ab".repeat(32)}>/U<${"cd".repeat(32)}>>>endobj\ntrailer` +
      `<</Root 1 0 R/Encrypt 4 0 R/ID[<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]>>\n%%EOF\n`,
  );
  // A page with a filled rectangle and no text: what a scanner gives without OCR.
  const scan = Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3" +
      " 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0" +
      " 0 200 200]/Contents 4 0 R>>endobj\n4 0 obj<</Length 27>>stream\n0 0 1 " +
      "rg 10 10 100 100 re f\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );
  // 8 MB of zeros deflate to a few KB: refused on the ratio before anything is inflated.
  const bomb = Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": [new Uint8Array(8 * 1024 * 1024), { level: 9 }],
    }),
  );
  return [
    {
      name: "old.doc",
      bytes: ole("WordDocument"),
      message: "cannot read a Word 97-2003 (.doc) or WPS file: open it and save it as .docx",
    },
    {
      name: "kingsoft.wps",
      bytes: ole("WordDocument"),
      message: "cannot read a Word 97-2003 (.doc) or WPS file: open it and save it as .docx",
    },
    {
      name: "locked.docx",
      bytes: ole("EncryptionInfo"),
      message: "cannot read an encrypted Word file: open it, remove the password and save it as .docx",
    },
    {
      name: "letter.rtf",
      bytes: Buffer.from("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} 关于加强安全生产工作的通知}"),
      message: "cannot read an RTF file: open it and save it as .docx",
    },
    {
      name: "apabi.ceb",
      bytes: Buffer.from("CEB\u0000\u0001\u0002 binary"),
      message: "cannot read a CEB file: open it in Apabi Reader and save it as PDF or .docx",
    },
    {
      name: "locked.pdf",
      bytes: encryptedPdf,
      message: "an encrypted PDF: a password is needed; open it and save an unprotected copy",
    },
    { name: "scan.pdf", bytes: scan, message: "a scanned PDF without text; run OCR first" },
    {
      name: "cut.docx",
      bytes: docx.subarray(0, Math.floor(docx.length / 2)),
      message: "damaged or truncated zip container",
    },
    { name: "bomb.docx", bytes: bomb, message: "refused before inflating: entry word/document.xml would inflate" },
  ];
}
