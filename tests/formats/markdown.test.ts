/**
 * Markdown as law databases and their mirrors publish it: read with a Markdown parser, its
 * markers kept as noise, its frontmatter the database's own evidence, its line numbers the
 * file's own — whatever the file is named.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { parseSource } from "../../src/ingest/parse.ts";
import { looksLikeMarkdown } from "../../src/ingest/formats/detect.ts";

const UNSEEN = join(import.meta.dirname, "..", "fixtures", "unseen");

async function parsed(bytes: Uint8Array, file: string): Promise<Circular> {
  const r = await parseSource(bytes, file);
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.value;
}

describe("a regulation in Markdown with YAML frontmatter", () => {
  const bytes = readFileSync(join(UNSEEN, "a-frontmatter-regulation.md"));

  it("reads title, date, place and issuer as the text gives them, markers aside", async () => {
    const m = await parsed(bytes, "a.md");
    expect(m.source.format).toBe("markdown");
    expect([m.title, m.date, m.jurisdiction?.code, m.issuers]).toEqual([
      "四川省气象灾害防御条例",
      "2015-03-26",
      "510000",
      ["四川省人民代表大会常务委员会"],
    ]);
    // The history, in a block quote, in ASCII brackets, broken across lines mid-word.
    expect(m.provenance.date).toMatchObject({ from: "history", line: 12 });
  });

  it("takes the frontmatter as the database's record: dates of publication and effect, stated validity", async () => {
    const m = await parsed(bytes, "a.md");
    expect([m.published, m.effective]).toEqual(["2015-03-26", "2015-06-01"]);
    expect(m.provenance.effective).toMatchObject({
      from: "database",
      line: 5,
      rule: "数据库记录的「施行日期（expiry）」",
    });
    expect(m.statedValidity).toMatchObject({
      status: "in-force",
      text: "有效",
      evidence: { from: "database", line: 6 },
    });
  });

  it("reads ## 第一章 as a chapter, an article number on a line alone, an indented article, escapes, **。**", async () => {
    const m = await parsed(bytes, "a.md");
    expect(m.sections.map((s) => s.label)).toEqual(["第一章", "第二章"]);
    expect(clausesOf(m).map((c) => c.label)).toEqual(["第一条", "第二条", "第三条", "第四条", "第五条"]);
    expect(clausesOf(m)[0]!.text).toContain("《中华人民共和国气象法》<气象灾害防御条例>等法律");
    expect(clausesOf(m)[0]!.text).toMatch(/制定本条例。$/);
    expect(clausesOf(m)[1]!.text.trim()).toBe("在四川省行政区域内从事气象灾害防御活动，应当遵守本条例。");
    expect(clausesOf(m)[2]!.text).toBe("气象灾害防御工作实行以人为本、科学防御、部门联动、社会参与的原则~");
  });

  it("loses nothing: markers and frontmatter are noise, on the file's own lines", async () => {
    const m = await parsed(bytes, "a.md");
    const source = bytes.toString("utf8").split("\n");
    expect(m.noise.filter((n) => !n.part).map((n) => n.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(m.noise.filter((n) => n.part)).toEqual(
      expect.arrayContaining([
        { line: 10, text: "#", part: true },
        { line: 15, text: "##", part: true },
        { line: 12, text: ">", part: true },
      ]),
    );
    // Every body line is its source line less its markers.
    m.body.split("\n").forEach((text, k) => {
      const raw = source[m.bodyLineNumbers[k]! - 1]!;
      for (const ch of text.replace(/\s/g, "")) expect(raw).toContain(ch);
    });
  });
});

describe("Markdown dialects", () => {
  it("chapters written as an ordered list (1.  总 则) are chapters over the articles", async () => {
    const m = await parsed(readFileSync(join(UNSEEN, "b-list-chapters.md")), "b.md");
    expect(m.sections.map((s) => [s.label, s.heading, s.children.map((c) => c.label)])).toEqual([
      ["1.", "总则", ["第一条", "第二条"]],
      ["2.", "燃气经营", ["第三条", "第四条"]],
    ]);
    expect(m.date).toBe("2016-09-29");
  });

  it("is recognised by its content when saved as .txt, and plain text with numbered items is not", async () => {
    const text = readFileSync(join(UNSEEN, "a-frontmatter-regulation.md"), "utf8");
    expect(looksLikeMarkdown(text)).toBe(true);
    expect((await parsed(Buffer.from(text), "saved.txt")).source.format).toBe("markdown");
    expect(looksLikeMarkdown("关于加强安全生产工作的通知\n各县人民政府：\n1. 落实责任。\n2. 加强检查。\n")).toBe(false);
    const plain = readFileSync(join(import.meta.dirname, "..", "..", "content", "sources", "000_d587e41c7024e3f8.txt"));
    expect((await parsed(plain, "000.txt")).source.format).toBe("text");
  });

  it("reads a table as field rows, and a GFM table's delimiter row as markup", async () => {
    const md =
      "# 关于做好防汛工作的通知\n\n| 文号 | 苏政办发〔2021〕18号 |\n|---|---|\n| 成文日期 | " +
      "2021-06-15 |\n\n各市人民政府：\n\n为做好防汛工作，现通知如下。\n\n江苏省人民政府办公厅\n\n2021年6月15日\n";
    const m = await parsed(Buffer.from(md), "t.md");
    expect([m.docNumber, m.date]).toEqual(["苏政办发〔2021〕18号", "2021-06-15"]);
    expect(m.noise.map((n) => n.line)).toEqual(expect.arrayContaining([3, 4, 5]));
  });
});
