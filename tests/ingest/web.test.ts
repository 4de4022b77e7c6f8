/**
 * Circulars as they turn up on the web, beyond the seeds (fixtures/web, written for these
 * tests): a national portal page with menus and footer, a traditional-script mirror, a
 * page cut off mid-sentence, a regulation with 章/节/条 and a promulgation note, and a
 * county page with advertising injected, a red-header 文件 with its title wrapped, a
 * portal page with a menu, share buttons and a list of related files, a page whose title
 * is only in the portal's metadata table.
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { assertLossless, parseOk } from "../helpers.ts";
import { clausesOf } from "../../src/model/clauses.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/web/${name}`, import.meta.url));
const parse = (name: string) => parseOk(fixture(name), name);

describe("circulars from the web", () => {
  it("keeps every line of each page, in body or noise", () => {
    for (const name of [
      "a-national-portal.txt",
      "b-traditional-mirror.txt",
      "c-truncated.txt",
      "d-regulation.txt",
      "e-spam.txt",
      "f-redhead.txt",
      "h-menus.txt",
      "i-portal-title.txt",
    ]) {
      assertLossless(fixture(name), parse(name));
    }
  });

  it("reads a national portal page: chrome out, deadlines with day or without year", () => {
    const m = parse("a-national-portal.txt");
    expect(m.title).toBe("国务院安全生产委员会办公室关于开展2023年“安全生产月”活动的通知");
    expect(m.docNumber).toBe("安委办〔2023〕5号");
    expect([m.date, m.published]).toEqual(["2023-04-28", "2023-05-06"]);
    expect(m.jurisdiction).toMatchObject({ level: "national", code: "100000" });
    expect(m.noise.map((n) => n.text)).toContain("扫一扫在手机打开当前页");
    expect(m.body).not.toContain("网站标识码");
    const deadlines = m.targets.filter((t) => t.kind === "deadline").map((t) => [t.text, t.date]);
    expect(deadlines).toEqual([
      ["6月15日前", "2023-06-15"],
      ["于2023年7月10日前", "2023-07-10"],
    ]);
  });

  it("takes clauses from each section at its own item level: （一） under 三、, 1. under 四、", () => {
    const m = parse("a-national-portal.txt");
    expect(clausesOf(m).map((c) => c.path)).toEqual(["三.（一）", "三.（二）", "三.（三）", "四.1", "四.2", "四.3"]);
    expect(clausesOf(m)[1]).toMatchObject({
      heading: "组织开展安全宣传“五进”活动",
      responsible: ["应急管理部", "中央宣传部"],
      leads: ["应急管理部", "中央宣传部"],
    });
    expect(clausesOf(m)[0]!.responsible).toEqual(["各地区", "国务院安委会各成员单位"]);
  });

  it("reads a traditional-script mirror with the same metadata as the simplified original", () => {
    const m = parse("b-traditional-mirror.txt");
    expect(m.docNumber).toBe("粤府办〔2021〕12号");
    expect(m.issuers).toEqual(["广东省人民政府办公厅"]);
    expect(m.jurisdiction).toMatchObject({ code: "440000", level: "province" });
    expect(m.genre).toBe("意见");
    expect(clausesOf(m)[0]!.responsible).toEqual(["省应急管理厅", "各地级以上市人民政府"]);
  });

  it("reads the mirror in Big5 with CRLF as it reads it in UTF-8", () => {
    const utf8 = parse("b-traditional-mirror.txt");
    const big5 = iconv.encode(fixture("b-traditional-mirror.txt").toString("utf8").replace(/\n/g, "\r\n"), "big5");
    const m = parseOk(big5, "b-big5.txt");
    expect(m.source).toMatchObject({ encoding: "Big5", lineEnding: "CRLF" });
    // The id is the source's identity (its file), so another file has another id; the rest is the same.
    for (const key of ["title", "issuers", "docNumber", "date", "jurisdiction", "addressees", "provenance"] as const)
      expect(m[key]).toEqual(utf8[key]);
    expect(clausesOf(m).map((c) => [c.id, c.text, c.responsible])).toEqual(
      clausesOf(utf8).map((c) => [c.id, c.text, c.responsible]),
    );
    assertLossless(big5, m);
  });

  it("says a page cut off mid-sentence may be truncated, and keeps what is there", () => {
    const m = parse("c-truncated.txt");
    const warning = m.warnings.find((w) => w.message.includes("原文可能不完整"));
    expect(warning?.line).toBe(8);
    expect(m.body).toContain("督促尾矿库企业落实汛期");
    expect(parse("a-national-portal.txt").warnings.some((w) => w.message.includes("原文可能不完整"))).toBe(false);
  });

  it(
    "reads a regulation's maker and date from its promulgation note:" +
      " the latest revision, not the first act; 中华人民共和国 is no place",
    () => {
      const m = parse("d-regulation.txt");
      // （2016年6月3日国家安全生产监督管理总局令第88号公布，根据2019年7月11日应急管理部令第2号修正）
      expect(m.issuers).toEqual(["应急管理部"]);
      expect(m.date).toBe("2019-07-11");
      expect(m.docNumber).toBe("国家安全生产监督管理总局令第88号");
      expect(m.provenance.date).toMatchObject({ from: "history", line: 2 });
      expect(m.jurisdiction).toMatchObject({ level: "national", code: "100000" });
      expect(clausesOf(m).map((c) => c.path)).toEqual([
        "第一章.第一条",
        "第一章.第二条",
        "第一章.第三条",
        "第二章.第一节.第四条",
        "第二章.第一节.第五条",
        "第二章.第二节.第六条",
        "第三章.第七条",
      ]);
      expect(m.citations.find((c) => c.docNumber)).toMatchObject({
        title: "突发事件应急预案管理办法",
        docNumber: "国办发〔2013〕101号",
      });
    },
  );

  it("keeps injected advertising out of the body and out of the place evidence", () => {
    const m = parse("e-spam.txt");
    expect(m.noise.map((n) => n.line)).toEqual([1, 2, 4, 21, 22]);
    // The only place name on the page is 澳门 in the advertising: the place is unknown, not Macau.
    expect(m.jurisdiction).toBeNull();
    expect(clausesOf(m).map((c) => [c.path, c.responsible])).toEqual([
      ["二.1", ["县委宣传部", "县应急局"]],
      ["二.2", ["县应急局", "县市场监管局"]],
      ["二.3", ["县住建局"]],
      ["三.（一）", []],
      ["三.（二）", []],
    ]);
  });

  it("reads a red-header 文件 whose title wraps, without citing its own attachment", () => {
    const m = parse("f-redhead.txt");
    expect(m.title).toBe("南京市安全生产委员会办公室关于印发《南京市危险化学品安全专项整治实施方案》的通知");
    expect(m.docNumber).toBe("宁安办〔2021〕8号");
    expect(m.date).toBe("2021-03-05");
    expect(m.jurisdiction).toMatchObject({ code: "320100", level: "prefecture" });
    expect(m.citations).toEqual([]);
    expect(m.warnings).toEqual([]);
  });

  it("drops a portal's menu, share line and related-files list, and not its site name into the title", () => {
    const m = parse("h-menus.txt");
    expect(m.title).toBe("山东省应急管理厅关于进一步加强危险化学品企业安全风险防控的通知");
    expect(m.noise.map((n) => n.line)).toEqual([2, 3, 4, 13, 14, 15, 16]);
    expect(m.body).not.toContain("关于做好2021年安全生产工作的通知");
    expect(m.citations).toEqual([]);
    expect(clausesOf(m).map((c) => c.heading)).toEqual(["全面开展风险辨识", "严格落实管控措施"]);
  });

  it("takes the title from the portal's 名称 when the text has none, and says so", () => {
    const m = parse("i-portal-title.txt");
    expect(m.title).toBe("关于做好2021年汛期安全生产工作的通知");
    expect(m.warnings).toEqual([{ line: 3, message: expect.stringContaining("标题取自网站的「名称」字段") }]);
    expect(m.provenance.title).toMatchObject({ from: "portal-field", line: 3, confidence: "medium" });
    expect([m.docNumber, m.date, m.jurisdiction?.code]).toEqual(["寿应急发〔2021〕15号", "2021-06-01", "370783"]);
    expect(m.targets).toEqual([expect.objectContaining({ text: "在6月10日前", date: "2021-06-10" })]);
  });
});
