/**
 * Documents as they turn up for real (fixtures/real, written for these tests, one pattern or
 * more each): header values an official can trust, each with its source, and unknown
 * rather than wrong where the evidence is weak.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { assertLossless, parseOk } from "../helpers.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url));
const parse = (name: string): Circular => parseOk(fixture(name), name);
const messages = (m: Circular) => m.warnings.map((w) => w.message);
const cited = (m: Circular) => m.citations.map((c) => c.docNumber ?? c.title);

describe("titles", () => {
  it("finds the title below a site's blurb and a breadcrumb ending in a colon; the breadcrumb is no 主送", () => {
    const m = parse("a-blurb-breadcrumb.txt");
    expect(m.title).toBe("泰安市人民政府办公室关于进一步加强危险化学品安全管理工作的通知");
    expect(m.provenance.title).toMatchObject({ from: "head", line: 4, confidence: "high" });
    expect(m.addressees).toEqual(["各县、市、区人民政府", "市政府各部门", "各直属机构"]);
    // The site's name glued to the title is cut off and kept as noise, on its line.
    expect(m.noise).toContainEqual({ line: 4, text: "_泰安市人民政府", part: true });
    expect(m.noise.map((n) => n.line)).toEqual(expect.arrayContaining([2, 3, 8]));
  });

  it("does not read HTML residue (1. <blockquote …>) as a numbered item", () => {
    const m = parse("a-blurb-breadcrumb.txt");
    expect(clausesOf(m).map((c) => c.path)).toEqual(["一", "二", "三"]);
    expect(m.noise.find((n) => n.line === 8)?.text).toBe('1. <blockquote class="content-body">');
  });

  it("without a title line: untitled, not named after the attachment its 印发 sentence issues", () => {
    const m = parse("b-no-title.txt");
    // The attachment's title is not the notice's: unknown, with the 文号 to tell it apart.
    expect(m.title).toBe("（无标题）滨安办发〔2020〕12号");
    expect(m.provenance.title).toMatchObject({ rule: "未找到标题", confidence: "low" });
    expect(messages(m)).toContain(
      "未找到标题：正文中没有标题行，网站字段也未给出标题；第 3 行所印发的《2020年全市安全生产专项整治工作要点》是附件的标题，不是本件的",
    );
    // Its own attachment is no citation.
    expect(m.citations.map((c) => c.title)).not.toContain("2020年全市安全生产专项整治工作要点");
  });

  it("with nothing to name it: （无标题） and the 文号, accepted, with a warning", () => {
    const m = parse("c-no-title-at-all.txt");
    expect(m.title).toBe("（无标题）嘉安委〔2019〕5号");
    expect(messages(m)).toContain("未找到标题：正文中没有标题行，网站字段也未给出标题");
  });

  it("from a portal's field bullets (• 标 题:), with the other fields as evidence", () => {
    const m = parse("d-field-bullets.txt");
    expect([m.title, m.docNumber, m.date, m.published, m.jurisdiction?.code]).toEqual([
      "江苏省安全生产委员会办公室关于开展危险废物专项排查整治的通知",
      "苏安办〔2020〕12号",
      "2020-03-05",
      "2020-03-09",
      "320000",
    ]);
    expect(m.issuers).toEqual(["江苏省安全生产委员会办公室"]);
    expect(m.provenance.title).toMatchObject({ from: "portal-field", line: 2, rule: "「标题」字段" });
    expect(m.provenance.docNumber).toMatchObject({ from: "portal-field", line: 3, rule: "「发文字号」字段" });
  });

  it("cuts a headline above, a spam suffix and anti-scraping junk out of the title, into noise with a warning", () => {
    const m = parse("h-junk-title.txt");
    expect(m.title).toBe("关于加强危险化学品安全管理的通知");
    expect(m.noise.filter((n) => n.part).map((n) => n.text)).toEqual(["-【澳门新葡京】", "xK9", "pQ"]);
    expect(messages(m)).toEqual(
      expect.arrayContaining(["标题中夹有无关字符“xK9”，已从标题中去除", "标题中夹有无关字符“pQ”，已从标题中去除"]),
    );
    expect(m.noise.map((n) => n.text)).toContain("首页 > 政策文件 > 部门文件");
  });

  it("tests title endings on the key: 意見 ends a title as 意见 does", () => {
    expect(parse("i-traditional-national.txt").genre).toBe("意见");
  });

  it("removes a pinyin annotation from the title", () => {
    const m = parse("m-pinyin-mirror.txt");
    expect(m.title).toBe("廣州市應急管理局關於加強汛期安全防範工作的通知");
    expect(m.noise).toContainEqual({ line: 1, text: "(tōng)", part: true });
  });
});

describe("文号", () => {
  it("from a table row of the portal (文号 | … |)", () => {
    const m = parse("e-table-row.txt");
    expect([m.docNumber, m.date, m.issuers, m.jurisdiction?.code]).toEqual([
      "潍政办字〔2019〕33号",
      "2019-06-12",
      ["潍坊市人民政府办公室"],
      "370700",
    ]);
    expect(m.provenance.date).toMatchObject({ from: "portal-field", line: 3, rule: "「成文日期」字段" });
  });

  it("after the title in brackets, and in 【发文字号】: the document's own, never cited", () => {
    const m = parse("f-bracket-field-title-number.txt");
    expect(m.title).toBe("山东省人民政府办公厅关于加强安全生产监管执法工作的通知");
    expect(m.docNumber).toBe("鲁政办字〔2019〕7号");
    expect(m.provenance.docNumber).toMatchObject({ from: "title", confidence: "high" });
    expect(m.candidates.filter((c) => c.field === "docNumber")).toEqual([]);
    expect(cited(m)).not.toContain("鲁政办字〔2019〕7号");
  });

  it("lists a predecessor it repeals (…同时废止), even under its own title", () => {
    const m = parse("f-bracket-field-title-number.txt");
    expect(m.citations.find((c) => c.relation === "repeals")).toMatchObject({
      title: "山东省人民政府办公厅关于加强安全生产监管执法工作的通知",
      docNumber: "鲁政办字〔2016〕12号",
    });
    expect(m.effective).toBe("2019-03-01");
  });

  it("repairs broken forms, says what was repaired, and never cites its own", () => {
    const m = parse("g-broken-numbers.txt");
    expect([m.docNumber, m.docNumberRaw]).toEqual(["威应急发〔2020〕15号", "威应急发?2020?15号"]);
    expect(messages(m)).toContain(
      "文号“威应急发?2020?15号”读作“威应急发〔2020〕15号”：括号显示为“?”（编码损坏），改为〔〕",
    );
    expect(cited(m)).toEqual(["鲁应急发〔2020〕23号", "安委办〔2020〕8号"]);
  });

  it("folds a traditional 文号 and says so as a script change", () => {
    const m = parse("i-traditional-national.txt");
    expect(m.docNumber).toBe("安委办〔2021〕3号");
    expect(messages(m)).toContain("文号“安委辦〔2021〕3號”读作“安委办〔2021〕3号”：繁体字改为简体");
  });
});

describe("dates", () => {
  it("reads signature dates with ○, month lost, or run together, with the repair said", () => {
    expect(parse("a-blurb-breadcrumb.txt").date).toBe("2021-05-19");
    const glued = parse("g-broken-numbers.txt");
    expect(glued.date).toBe("2020-10-13");
    expect(messages(glued)).toContain("落款日期“2020年1013日”缺“月”字，读作 2020-10-13");
    const digits = parse("h-junk-title.txt");
    expect(digits.date).toBe("2021-05-19");
    expect(digits.provenance.date).toMatchObject({ from: "signature", line: 11 });
  });

  it("marks a year taken from the 文号 as inferred", () => {
    const m = parse("c-no-title-at-all.txt");
    expect(m.date).toBe("2019");
    expect(m.provenance.date).toMatchObject({ from: "docNumber", inferred: true, confidence: "low" });
    expect(messages(m)).toContain("成文日期不详：年份 2019 取自文号，为推定");
  });

  it("takes a regulation's latest revision from its bracketed note, its maker as issuer, 施行 as effective", () => {
    const m = parse("l-regulation-note.txt");
    expect([m.date, m.issuers, m.effective, m.genre, m.jurisdiction?.code]).toEqual([
      "2018-09-29",
      ["河南省人民代表大会常务委员会"],
      "2010-12-01",
      "条例",
      "410000",
    ]);
    expect(m.provenance.date).toMatchObject({ from: "history", line: 2 });
  });
});

describe("places", () => {
  it("are not read from everyday words: 公安机关, 会同, 重大安全, 提高安全, a contact person's name", () => {
    const m = parse("a-blurb-breadcrumb.txt");
    expect(m.jurisdiction).toMatchObject({ code: "370900", level: "prefecture" });
    expect(m.provenance.jurisdiction).toMatchObject({ from: "signature", confidence: "high" });
  });

  it("say national for a traditional-script national body", () => {
    const m = parse("i-traditional-national.txt");
    expect(m.jurisdiction).toMatchObject({ level: "national", code: "100000" });
    expect(m.issuers).toEqual(["国务院安全生产委员会办公室"]);
  });

  it("are unknown, with the reason, when nothing names one", () => {
    const m = parse("c-no-title-at-all.txt");
    expect(m.jurisdiction).toBeNull();
    expect(m.provenance.jurisdiction).toBeNull();
    expect(messages(m)).toContain("地区不详：发文机关、标题、文号均未指明地区");
  });
});

describe("structure", () => {
  it("a table of contents (目录 and heading-only lines) is not read as clauses", () => {
    const m = parse("j-toc.txt");
    expect(clausesOf(m).map((c) => c.path)).toEqual(["二.（一）", "二.（二）", "三.（一）", "三.（二）"]);
    expect(m.sections.map((s) => s.label)).toEqual(["一、", "二、", "三、"]);
  });

  it("flags a text cut off mid-sentence even after its signature", () => {
    const m = parse("k-truncated-after-signature.txt");
    expect(m.warnings).toContainEqual({
      line: 10,
      message: "原文可能不完整：正文在“…安全生产法宣传,重点企业”处中断，句子没有结束",
    });
  });

  it("every fixture keeps every line, in body or noise", () => {
    for (const name of [
      "a-blurb-breadcrumb.txt",
      "b-no-title.txt",
      "c-no-title-at-all.txt",
      "d-field-bullets.txt",
      "e-table-row.txt",
      "f-bracket-field-title-number.txt",
      "g-broken-numbers.txt",
      "h-junk-title.txt",
      "i-traditional-national.txt",
      "j-toc.txt",
      "k-truncated-after-signature.txt",
      "l-regulation-note.txt",
      "m-pinyin-mirror.txt",
    ]) {
      assertLossless(fixture(name), parse(name));
    }
  });
});

describe("ids", () => {
  it("come from the source's identity alone: a better reading of the same file keeps its id", () => {
    const bytes = fixture("b-no-title.txt");
    const before = parseOk(bytes, "b-no-title.txt");
    // The same file, a title line added: title, genre and more change; the id does not.
    const improved = parseOk(
      Buffer.concat([
        Buffer.from("滨州市安全生产委员会办公室关于印发《2020年全市安全生产专项整治工作要点》的通知\n"),
        bytes,
      ]),
      "b-no-title.txt",
    );
    expect(improved.title).not.toBe(before.title);
    expect(improved.id).toBe(before.id);
    expect(parseOk(bytes, "elsewhere/b-no-title.txt", { sourceKey: "elsewhere/b-no-title.txt" }).id).not.toBe(
      before.id,
    );
  });
});

describe("more title sources", () => {
  it("the fuller 机关+关于+事由+文种 form wins over a shorter repeat", () => {
    const text =
      "标题：潍坊市应急管理局关于加强汛期安全生产工作的通知\n关于加强汛期安全生产工作的通知\n各县市区应急管理局：\n　　一、加强值班值守，严格执行领导带班制度。\n潍坊市应急管理局\n2021年6月1日\n";
    const m = parseOk(Buffer.from(text), "fuller.txt");
    expect(m.title).toBe("潍坊市应急管理局关于加强汛期安全生产工作的通知");
    expect(m.provenance.title).toMatchObject({ from: "portal-field", confidence: "high" });
  });

  it("a 《》 title on a line of its own, and a 文号 with a pinyin annotation", () => {
    const text =
      "《嘉兴市危险化学品安全管理办法》\n嘉政發(fā)〔2020〕3号\n第一条　为了加强危险化学品的安全管理，根据有关法律法规，制定本办法。\n第二条　本办法自2020年5月1日起施行。\n";
    const m = parseOk(Buffer.from(text), "quoted.txt");
    expect([m.title, m.docNumber, m.genre, m.effective]).toEqual([
      "嘉兴市危险化学品安全管理办法",
      "嘉政发〔2020〕3号",
      "办法",
      "2020-05-01",
    ]);
    expect(m.provenance.title).toMatchObject({ rule: "书名号中的标题", line: 1 });
  });
});
