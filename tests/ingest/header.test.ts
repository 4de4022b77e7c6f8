/**
 * The header's choosers, one per field, fed evidence directly: each picks the strongest
 * candidate, keeps the others for audit, and says in Chinese what the page must know.
 */
import { describe, expect, it } from "vitest";
import type { BodyLine } from "../../src/ingest/chrome.ts";
import { addresseeLine, findBlocks } from "../../src/ingest/blocks.ts";
import { chooseTitle, untitled } from "../../src/ingest/header/title.ts";
import { chooseDocNumber } from "../../src/ingest/header/docNumber.ts";
import { chooseIssuers, choosePublisher, issuerCandidates } from "../../src/ingest/header/issuers.ts";
import { chooseDate } from "../../src/ingest/header/dates.ts";
import { statedValidity } from "../../src/ingest/header/validity.ts";
import { candidate } from "../../src/ingest/header/evidence.ts";
import { readHead } from "../../src/ingest/header/headLines.ts";
import { matchLabel } from "../../src/ingest/labels.ts";
import { lineKey } from "../../src/text/keys.ts";
import type { PortalValue } from "../../src/ingest/header/fields.ts";

const bodyLines = (text: string): BodyLine[] =>
  text.split("\n").map((t, i) => ({ text: t, sourceLine: i + 1, key: lineKey(t) }));
const field = (label: string, value: string, line = 2, from: PortalValue["from"] = "portal-field"): PortalValue => ({
  label,
  value,
  line,
  from,
});
const blocksOf = (lines: BodyLine[]) => findBlocks(lines, (i) => matchLabel(lines[i]!.text) !== null);

describe("blocks", () => {
  const notice = bodyLines(
    "关于做好防汛工作的通知\n苏政办发〔2021〕18号\n各市人民政府，省政府各部门：\n　　为做好防汛工作，" +
      "现将有关事项通知如下。\n江苏省人民政府办公厅\n2021年6月15日\n附件\n防汛工作方案\n一、总体要求\n二、重点任务",
  );
  it("finds the text's start at the 主送机关 and the notice's 落款 before the attachment", () => {
    const b = blocksOf(notice);
    expect(b).toMatchObject({
      textStart: 2,
      startBy: "addressees",
      addressees: { list: ["各市人民政府", "省政府各部门"] },
    });
    expect(b.signature).toMatchObject({
      issuers: ["江苏省人民政府办公厅"],
      date: { date: "2021-06-15" },
      indices: [4, 5],
    });
  });
  it("reads a 落款 without a date at the end of the text, and a 文号 run onto the 主送机关 line", () => {
    const b = blocksOf(
      bodyLines(
        "关于对事故挂牌督办的通知\n辽宁省人民政府：\n　　请你省依法组织事故调查，查明原因，严肃追究责任。\n国务院安委会办公室",
      ),
    );
    expect(b.signature).toMatchObject({ issuers: ["国务院安委会办公室"], date: null });
    expect(addresseeLine(bodyLines("交安监发〔2011〕777号 各省、自治区交通运输厅：")[0]!)).toMatchObject({
      afterDocNumber: true,
      list: ["各省、自治区交通运输厅"],
    });
    expect(addresseeLine(bodyLines("现将有关事项通知如下：")[0]!)).toBeNull();
  });
  it("skips a news lead above the title: the text starts after the title", () => {
    const lines = bodyLines(
      "近日，有关部门印发文件，对相关工作作出部署，以下为全文。\n天津市安全生产条例\n第一章 总则\n第一条 为了加强安全生产工作，制定本条例。",
    );
    expect(blocksOf(lines).textStart).toBe(2);
  });
});

describe("title", () => {
  it("takes the head's title line over a portal field, and keeps the other as lost", () => {
    const lines = bodyLines("关于做好防汛工作的通知\n各市人民政府：\n为做好防汛工作，特通知如下。");
    const head = readHead(lines, blocksOf(lines));
    const r = chooseTitle(
      { head: head.titles, fields: [field("标题", "关于做好2021年防汛工作的通知")], fileName: null },
      null,
    );
    expect(r.chosen).toMatchObject({ value: "关于做好防汛工作的通知", from: "head", confidence: "high" });
    expect(r.lost.map((c) => c.value)).toEqual(["关于做好2021年防汛工作的通知"]);
  });
  it("trusts a database's title above a page's field, and says where a title with no line came from", () => {
    const r = chooseTitle(
      {
        head: [],
        fields: [field("标题（title）", "山东省安全生产条例", 2, "database"), field("标题", "安全生产条例")],
        fileName: null,
      },
      null,
    );
    expect(r.chosen).toMatchObject({ value: "山东省安全生产条例", from: "database", confidence: "high" });
    const portal = chooseTitle(
      { head: [], fields: [field("名称", "关于加强消防工作的通知", 7)], fileName: null },
      null,
    );
    expect(portal.warnings[0]!.message).toBe("正文中没有标题行；标题取自网站的「名称」字段");
  });
  it("is untitled, never the attachment's title, with the 文号 or what it issues to tell it by", () => {
    expect(untitled("苏安办〔2022〕41号", null).chosen!.value).toBe("（无标题）苏安办〔2022〕41号");
    const issued = candidate("全市安全生产工作要点", "body", 3, "low", "“印发”一句所印发的文件");
    expect(untitled(null, issued).chosen!.value).toBe("（无标题）印发《全市安全生产工作要点》");
  });
});

describe("文号", () => {
  it("prefers a 文号 line to a portal field, and says what it repaired", () => {
    const lines = bodyLines(
      "关于做好防汛工作的通知\n鲁政办字〔2019〕7号\n各市人民政府：\n为做好防汛工作，特通知如下。",
    );
    const head = readHead(lines, blocksOf(lines));
    const r = chooseDocNumber({
      head: head.docNumbers,
      title: null,
      fields: [field("文号", "鲁政办字[2019]8号")],
      acts: [],
    });
    expect(r.chosen).toMatchObject({ value: { normalized: "鲁政办字〔2019〕7号" }, from: "head" });
    expect(r.lost.map((c) => c.value.normalized)).toEqual(["鲁政办字〔2019〕8号"]);
    const broken = chooseDocNumber({ head: [], title: null, fields: [field("文号", "中办发〔20181号")], acts: [] });
    expect(broken.warnings[0]!.message).toMatch(/^文号“中办发〔20181号”读作“中办发〔2018〕1号”/);
  });
});

describe("issuers and publisher", () => {
  const title = { text: "广东省人民政府办公厅关于印发广东省突发火灾事故应急预案的通知", line: 3 };
  it("takes the 落款, with the title's full name for a 落款 without its place", () => {
    const signature = { block: { issuers: ["省政府办公厅"], date: null, indices: [9] }, line: 10 };
    const r = chooseIssuers(issuerCandidates({ signature, banners: [], titleLine: null, title, acts: [], fields: [] }));
    expect(r.chosen).toMatchObject({
      value: ["广东省人民政府办公厅"],
      from: "signature",
      rule: "落款（机关全称见标题或版头）",
    });
  });
  it("reads the bodies before 转发 and 印发 in a title", () => {
    const forward = {
      text: "江苏省安全生产委员会办公室转发国务院安全生产委员会办公室关于做好国庆期间安全防范工作的通知",
      line: 1,
    };
    expect(
      chooseIssuers(
        issuerCandidates({ signature: null, banners: [], titleLine: null, title: forward, acts: [], fields: [] }),
      ).chosen?.value,
    ).toEqual(["江苏省安全生产委员会办公室"]);
  });
  it("never takes the site's publisher for the issuer; names it, with its place, where the fields agree", () => {
    const none = chooseIssuers(
      issuerCandidates({
        signature: null,
        banners: [],
        titleLine: null,
        title: { text: "关于加强消防工作的通知", line: 1 },
        acts: [],
        fields: [],
      }),
    );
    expect(none.chosen).toBeNull();
    expect(none.warnings[0]!.message).toMatch(/^发文机关不详/);
    const shouguang = {
      province: "山东省",
      prefecture: "潍坊市",
      county: "寿光市",
      level: "county" as const,
      code: "370783",
    };
    expect(choosePublisher([field("发布机构", "应急管理局")], shouguang).chosen?.value).toBe("寿光市应急管理局");
    const split = choosePublisher(
      [field("发布机构", "绩溪县上庄镇人民政府"), field("来源", "绩溪县应急管理局", 9)],
      null,
    );
    expect(split.chosen).toBeNull();
    expect(split.warnings[0]!.message).toBe("发布机构不详：网站的「发布机构」与「来源」不一致");
  });
});

describe("成文日期", () => {
  const base = {
    signature: null,
    fileName: { title: null, date: null },
    title: "X",
    acts: [],
    fields: [],
    docNumber: null,
  };
  it("takes the 落款's date over a 成文日期 field, and a field over the 文号's year, which is marked inferred", () => {
    const signed = chooseDate({
      ...base,
      signature: { date: { date: "2023-03-09", repair: null }, line: 19 },
      fields: [field("成文日期", "2023-03-10", 3)],
    });
    expect(signed.chosen).toMatchObject({ value: "2023-03-09", from: "signature" });
    expect(signed.lost.map((c) => c.value)).toEqual(["2023-03-10"]);
    const byField = chooseDate({
      ...base,
      fields: [field("成文日期", "2020-01-13", 4)],
      docNumber: { year: 2020, line: 5 },
    });
    expect(byField.chosen).toMatchObject({ value: "2020-01-13", from: "portal-field" });
    const byYear = chooseDate({ ...base, docNumber: { year: 2014, line: 3 } });
    expect(byYear.chosen).toMatchObject({ value: "2014", inferred: true });
    expect(byYear.warnings[0]!.message).toBe("成文日期不详：年份 2014 取自文号，为推定");
  });
  it("dates a regulation by its text's history before its file name's date", () => {
    const acts = [
      { date: "2005-12-01", kind: "adopted" as const, maker: "北京市人民代表大会常务委员会", order: null, line: 3 },
    ];
    const r = chooseDate({
      ...base,
      title: "北京市实施《中华人民共和国气象法》办法",
      fileName: { title: "北京市实施《气象法》办法", date: "2019-07-26" },
      acts,
    });
    expect(r.chosen).toMatchObject({ value: "2005-12-01", from: "history" });
    expect(r.warnings[0]!.message).toBe("成文日期取正文历史沿革所载的 2005-12-01；文件名所示日期 2019-07-26 正文未载");
  });
});

describe("stated validity", () => {
  it("reads 时效性 words into a status, trusting the database's record, and leaves a word it cannot read", () => {
    expect(statedValidity([field("时效性（status）", "已废止", 6, "database")])).toMatchObject({
      status: "repealed",
      evidence: { from: "database", confidence: "high" },
    });
    expect(statedValidity([field("有效性", "现行有效")])?.status).toBe("in-force");
    expect(statedValidity([field("时效性", "尚未生效")])?.status).toBe("not-yet-in-force");
    expect(statedValidity([field("时效性", "部分失效")])).toBeNull();
  });
});
