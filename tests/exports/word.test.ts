/**
 * The Word and spreadsheet files a reader takes away, read back with tools of their own
 * (mammoth for .docx, read-excel-file for .xlsx, papaparse for CSV): each holds what it says —
 * the document's title, 文号, every clause and its citation; a 摘编's excerpts each followed by
 * its citation; a comparison's rows; a version diff as Word revisions — laid out after GB/T
 * 9704 with the fonts offices use named in its styles.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import mammoth from "mammoth";
import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { citationText } from "../../src/model/labels.ts";
import { comparisonWord, diffWord, documentWord, excerptsWord, FONTS, toBuffer } from "../../src/exports/word.ts";
import { excerptOf, excerptRows, EXCERPT_HEADER, groupExcerpts, type Excerpt } from "../../src/exports/excerpt.ts";
import { csv, SEARCH_HEADER } from "../../src/exports/csv.ts";
import { xlsx } from "../../src/exports/xlsx.ts";
import { addExcerpt, BASKET_LIMIT, moveExcerpt, parseBasket, removeExcerpt } from "../../src/exports/basket.ts";
import { parseOk, parseSeed, SOURCES } from "../helpers.ts";

const flat = (s: string) => s.replace(/\s+/g, "");
const parts = (buffer: Buffer) => {
  const files = unzipSync(new Uint8Array(buffer));
  return (name: string) => strFromU8(files[name]!);
};
const rawText = async (buffer: Buffer) => flat((await mammoth.extractRawText({ buffer })).value);

describe("a document as .docx", () => {
  const cases: Array<[string, Circular]> = [
    ["吉林省粮食 (a circular)", parseSeed("000_")],
    ["兴化 (clauses under sections)", parseSeed("001_")],
    [
      "突发事件应对法 2024 (a law)",
      parseOk(readFileSync(join(SOURCES, "regulations", "突发事件应对法(2024-06-28).txt")), "law.txt"),
    ],
  ];
  it.each(cases)("%s: read back, it has the title, 文号 and every clause's text", async (_name, m) => {
    const buffer = await toBuffer(documentWord(m, { url: `https://example.gov.cn/circulars/${m.id}/` }));
    const text = await rawText(buffer);
    expect(text).toContain(flat(m.title));
    if (m.docNumberRaw) expect(text).toContain(flat(m.docNumberRaw));
    for (const c of clausesOf(m)) expect(text, c.id).toContain(flat(c.text));
    // The footer: the citation and the page it came from.
    const footer = parts(buffer)("word/footer1.xml");
    expect(footer).toContain(citationText(m).replace(/"/g, "&quot;"));
    expect(footer).toContain(`https://example.gov.cn/circulars/${m.id}/`);
  });
  it(
    "is laid out after GB/T 9704: A4 margins, the title centred" +
      " in 方正小标宋简体, text in 仿宋_GB2312, headings in 黑体 and 楷体_GB2312",
    async () => {
      const m = parseSeed("000_");
      const file = parts(await toBuffer(documentWord(m, { url: "https://example.gov.cn/" })));
      const styles = file("word/styles.xml");
      for (const f of Object.values(FONTS)) expect(styles).toContain(`w:eastAsia="${f}"`);
      const doc = file("word/document.xml");
      expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      // The title's paragraph is the 标题 style (centred), the 落款's date right-aligned.
      expect(doc).toMatch(
        /<w:pStyle w:val="DocTitle"\/><\/w:pPr><w:r><w:t xml:space="preserve">关于推进城市安全发展有关工作的通知<\/w:t>/,
      );
      expect(doc).toMatch(/<w:pStyle w:val="Signature"\/><\/w:pPr><w:r><w:t xml:space="preserve">2020年12月1日<\/w:t>/);
      expect(doc).toMatch(/<w:pStyle w:val="Heading1Cn"\/><\/w:pPr><w:r><w:t xml:space="preserve">[\s　]*一、总体要求/);
    },
  );
});

describe("a 摘编 as .docx and .csv", () => {
  const a = parseSeed("001_");
  const b = parseSeed("000_");
  const pick = (m: Circular, n: number): Excerpt =>
    excerptOf(
      { ...m, topics: { primary: ["urban-safety"], mentioned: [] } },
      clausesOf(m)[n]!.id,
      `https://example.gov.cn/circulars/${m.id}/#${clausesOf(m)[n]!.id}`,
    )!;
  const items = [pick(a, 0), pick(b, 2), pick(a, 5)];

  it("each excerpt is followed by its full citation in standard form, grouped as asked", async () => {
    const text = await rawText(
      await toBuffer(
        excerptsWord(items, "document", {
          title: "城市安全条款摘编",
          url: "https://example.gov.cn/basket/",
          date: "2026-12-04",
        }),
      ),
    );
    expect(text).toContain("城市安全条款摘编");
    for (const e of items) expect(text).toContain(flat(e.text) + "——" + flat(e.citation));
    expect(items[0]!.citation).toBe(
      "《市安委办关于印发〈2020年全市安全生产工作要点〉的通知》（兴安办〔2020〕20号）一、1.",
    );
    // By document: the two of 兴化 under one heading, before 吉林.
    expect(groupExcerpts(items, "document").map((g) => [g.heading, g.items.length])).toEqual([
      [a.title, 2],
      [b.title, 1],
    ]);
    expect(text.indexOf(flat(items[2]!.text))).toBeLessThan(text.indexOf(flat(items[1]!.text)));
  });

  it("as CSV opens in a spreadsheet with its columns, and no cell is a formula", () => {
    const hostile = { ...items[0]!, text: '=HYPERLINK("http://x")', title: "+1" };
    const parsed = Papa.parse<string[]>(csv(EXCERPT_HEADER, excerptRows([...items, hostile])).replace(/^\ufeff/, ""), {
      skipEmptyLines: true,
    }).data;
    expect(parsed[0]).toEqual(EXCERPT_HEADER);
    expect(parsed[1]!.slice(0, 2)).toEqual(["1", a.title]);
    expect(parsed[1]![6]).toBe("一、1.");
    expect(parsed[4]![1]).toBe("'+1");
    expect(parsed[4]![8]).toBe('\'=HYPERLINK("http://x")');
  });
});

describe("the basket", () => {
  const e = (n: number): Excerpt => ({
    docId: `d${n}`,
    clauseId: "p1",
    title: `T${n}`,
    docNumber: null,
    path: "一",
    text: "x",
    citation: `《T${n}》一、`,
    place: "",
    date: null,
    topic: null,
    url: "",
  });
  it("adds once, removes, moves within bounds, and refuses past its limit with a clear message", () => {
    let items: Excerpt[] = [];
    for (const n of [1, 2, 3]) items = (addExcerpt(items, e(n)) as { items: Excerpt[] }).items;
    expect(addExcerpt(items, e(2))).toMatchObject({ ok: true, added: false });
    expect(moveExcerpt(items, 2, -1).map((x) => x.docId)).toEqual(["d1", "d3", "d2"]);
    expect(moveExcerpt(items, 0, -1)).toBe(items);
    expect(removeExcerpt(items, e(1)).map((x) => x.docId)).toEqual(["d2", "d3"]);
    const full = Array.from({ length: BASKET_LIMIT }, (_, k) => e(k));
    const refused = addExcerpt(full, e(9999));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/^摘编最多 200 条，已满/);
    expect(parseBasket("not json")).toEqual([]);
    expect(parseBasket(JSON.stringify([e(1), { bogus: true }]))).toHaveLength(1);
  });
});

describe("comparisons and search results as files", () => {
  const [a, b] = [parseSeed("000_"), parseSeed("002_")];
  it("a comparison as .docx: the aligned table with each clause's citation, then the unmatched clauses", async () => {
    const cell = (m: Circular, k: number) => ({
      label: clausesOf(m)[k]!.label,
      text: clausesOf(m)[k]!.text,
      citation: citationText(m, clausesOf(m)[k]!),
    });
    const file = comparisonWord(
      [a, b].map((m) => ({ title: m.title, citation: citationText(m) })),
      [{ cells: [cell(a, 0), cell(b, 1)], scores: [0.42] }],
      [[cell(a, 3)], []],
      { url: "https://example.gov.cn/compare/" },
    );
    const buffer = await toBuffer(file);
    const text = await rawText(buffer);
    for (const s of [
      cell(a, 0).text,
      cell(b, 1).text,
      cell(a, 0).citation,
      "0.42",
      "甲未对应的条款（1）",
      cell(a, 3).citation,
    ])
      expect(text).toContain(flat(s));
    expect(parts(buffer)("word/document.xml")).toContain("<w:tbl>");
  });
  it("a version diff as .docx marks additions and deletions as revisions, says which side is in force", async () => {
    const buffer = await toBuffer(
      diffWord(
        { title: "X法", date: "2007-08-30", status: "已被修改" },
        { title: "X法", date: "2024-06-28", status: "现行有效" },
        [
          {
            kind: "changed",
            before: "第一条",
            after: "第一条",
            changes: [
              { kind: "same", value: "为了预防" },
              { kind: "removed", value: "和减少" },
              { kind: "added", value: "、减少" },
            ],
          },
          { kind: "added", before: null, after: "第二条", changes: [{ kind: "added", value: "新增的条文。" }] },
        ],
        { url: "https://example.gov.cn/compare/" },
      ),
    );
    const xml = parts(buffer)("word/document.xml");
    expect(xml).toMatch(/<w:ins [^>]*w:author="新版本"[^>]*>.*、减少/);
    expect(xml).toMatch(/<w:del [^>]*>.*<w:delText[^>]*>和减少<\/w:delText>/);
    expect(await rawText(buffer)).toContain(flat("新版本：《X法》（2024-06-28，现行有效）"));
  });
  it("search results as .xlsx: one row per passage, in the columns given, every cell text (=1+1 too)", async () => {
    const rows = [
      [
        "关于X的通知",
        "吉安委〔2019〕6号",
        "2019-03-22",
        "吉林省",
        "二、（三）",
        "《关于X的通知》（吉安委〔2019〕6号）二、（三）",
        "=1+1",
        "https://example.gov.cn/circulars/c-1/#p2-3",
      ],
    ];
    const blob = await xlsx("检索结果", SEARCH_HEADER, rows);
    const buffer = Buffer.from(await blob.arrayBuffer());
    const [sheet] = (await readXlsxFile(buffer)) as unknown as Array<{ sheet: string; data: unknown[][] }>;
    expect(sheet!.sheet).toBe("检索结果");
    expect(sheet!.data).toEqual([SEARCH_HEADER, rows[0]]);
    expect(parts(buffer)("xl/worksheets/sheet1.xml")).not.toContain("<f>");
  });
});
