/**
 * Citations of articles: read from the text (short titles the text defines, lists and ranges,
 * 本法, 前款), and resolved by the corpus to the cited article's anchor — in the version of
 * the cited law in force at the citing document's date.
 */
import { describe, expect, it } from "vitest";
import { findArticleCitations } from "../../src/ingest/articles.ts";
import { buildCitationGraph } from "../../src/corpus/citationGraph.ts";
import { parseOk } from "../helpers.ts";

const cites = (text: string, own: string[] = []) =>
  findArticleCitations(text, own).map((a) => [a.title, a.article, a.paragraph, a.item]);

describe("reading article citations", () => {
  it("reads 《X》第N条, with 款 and 项, and lists and ranges after it", () => {
    expect(cites("依照《中华人民共和国安全生产法》第二十一条第二款第三项的规定")).toEqual([
      ["中华人民共和国安全生产法", 21, 2, 3],
    ]);
    expect(cites("违反《消防法》第十六条、第十七条和第二十条规定的")).toEqual([
      ["消防法", 16, null, null],
      ["消防法", 17, null, null],
      ["消防法", 20, null, null],
    ]);
    expect(cites("《防洪法》第八条至第十条")).toEqual([
      ["防洪法", 8, null, null],
      ["防洪法", 9, null, null],
      ["防洪法", 10, null, null],
    ]);
  });
  it("reads a short title the text defines as the full title it stands for, also in traditional script", () => {
    const text =
      "根據《中華人民共和國礦山安全法》（以下簡稱《礦山安全法》），結合本市實際。依照《礦山安全法》第四十條處罰。";
    expect(cites(text)).toEqual([["中华人民共和国矿山安全法", 40, null, null]]);
  });
  it("reads 本法第N条 and the document's own title as citations of itself", () => {
    expect(findArticleCitations("违反本条例第十条规定的，依照本法第五条处理。")).toMatchObject([
      { title: null, self: true, article: 10 },
      { title: null, self: true, article: 5 },
    ]);
    expect(findArticleCitations("依照《浙江省电梯安全条例》第八条", ["浙江省电梯安全条例"])).toMatchObject([
      { self: true, article: 8 },
    ]);
  });
});

describe("resolving them against the library", () => {
  const articles = (n: number) =>
    Array.from({ length: n }, (_, k) => `第${"一二三四五六七八九十"[k]}条 第${k + 1}条的内容。`).join("\n\n");
  const law = (year: number, n: number) =>
    parseOk(
      Buffer.from(
        `中华人民共和国突发事件应对法\n\n${year}年8月30日 ` +
          `第十届全国人民代表大会常务委员会第二十九次会议通过\n\n${articles(n)}\n`,
      ),
      `law-${year}.txt`,
      { sourceKey: `law-${year}.txt` },
    );
  const citing = (date: string) =>
    parseOk(
      Buffer.from(
        `山东省突发事件应对条例\n\n${date} 山东省第十二届人民代表大会常务委员会第十次会议通过\n\n第一条 ` +
          `依照《中华人民共和国突发事件应对法》第五条的规定，制定本条例。\n\n第二条 违反本条例第一条规定的，依法处理；前款规定以外的，从其规定。\n`,
      ),
      `c-${date}.txt`,
      { sourceKey: `c-${date}.txt` },
    );

  it("points a citation at the cited article's anchor, in the version in force at the citing document's date", () => {
    const v2007 = law(2007, 10);
    const v2024 = law(2024, 10);
    const before = citing("2012年3月1日");
    const after = citing("2025年3月1日");
    const g = buildCitationGraph([v2007, v2024, before, after]);
    expect(g.articles.get(before.id)![0]).toMatchObject({ targetId: v2007.id, targetClause: "art5" });
    expect(g.articles.get(after.id)![0]).toMatchObject({ targetId: v2024.id, targetClause: "art5" });
    expect(g.clauseCitedBy.get(v2007.id)!.get("art5")).toEqual([{ docId: before.id, clauseId: "art1" }]);
    // 本条例第一条 is the document's own first article; 前款 stands in the article it cites.
    expect(g.clauseCitedBy.get(before.id)!.get("art1")).toEqual([{ docId: before.id, clauseId: "art2" }]);
    expect(before.articleCitations.filter((a) => a.raw === "前款")).toMatchObject([
      { self: true, article: 2, clauseId: "art2" },
    ]);
    expect(g.clauseCitedBy.get(before.id)!.get("art2")).toBeUndefined();
  });
  it("leaves a citation of a document outside the library unresolved, and of an article it does not have", () => {
    const d = citing("2012年3月1日");
    const g = buildCitationGraph([d, law(2007, 3)]);
    expect(g.articles.get(d.id)![0]).toMatchObject({ targetClause: null });
    expect(buildCitationGraph([d]).articles.get(d.id)![0]).toMatchObject({ targetId: null, targetClause: null });
  });
  it("marks what a document is made on (根据《X》…制定), repeals and amends", () => {
    const d = citing("2012年3月1日");
    expect(d.citations).toMatchObject([{ title: "中华人民共和国突发事件应对法", relation: "basis" }]);
  });
});
