import { describe, expect, it } from "vitest";
import { matchLabel } from "../../src/ingest/labels.ts";
import { canonicalLabel } from "../../src/model/labels.ts";
import { chineseNumber, toChineseNumeral } from "../../src/text/chars.ts";

describe("matchLabel", () => {
  it.each([
    ["一、总体要求", "cnItem", 1, "一、", "总体要求"],
    ["　　十二、加强队伍建设", "cnItem", 12, "十二、", "加强队伍建设"],
    ["（三）加强安全监管能力建设。", "cnParen", 3, "（三）", "加强安全监管能力建设。"],
    ["(一)指导思想。", "cnParen", 1, "(一)", "指导思想。"],
    ["1.健全完善", "num", 1, "1.", "健全完善"],
    ["\u00a0\u00a0 11.实行城市安全风险", "num", 11, "11.", "实行城市安全风险"],
    ["23．兴化日报", "num", 23, "23．", "兴化日报"],
    ["１２．全角数字", "num", 12, "１２．", "全角数字"],
    ["3 . 标签里有空格", "num", 3, "3 .", "标签里有空格"],
    ["（2）细项", "numParen", 2, "（2）", "细项"],
    ["②再细", "circled", 2, "②", "再细"],
    ["第一章　总　　则", "chapter", 1, "第一章", "总　　则"],
    ["第二十三条　本条例自公布之日起施行。", "article", 23, "第二十三条", "本条例自公布之日起施行。"],
    ["第 3 条 数字条号", "article", 3, "第 3 条", "数字条号"],
    ["第一節　繁體", "subchapter", 1, "第一節", "繁體"],
  ])("%j", (line, kind, number, label, rest) => {
    expect(matchLabel(line)).toMatchObject({ kind, number, label, rest });
  });

  it.each([
    "1.5倍以上",
    "2019.3.22",
    "一是加强领导",
    "十分重要",
    "第一批试点",
    "（此件公开发布）",
    "2020年全市安全生产工作要点",
  ])("is not a label: %j", (line) => {
    expect(matchLabel(line)).toBeNull();
  });
});

describe("numerals", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十二", 12],
    ["二十三", 23],
    ["一百零五", 105],
    ["二〇一九", 2019],
    ["两", 2],
  ])("%s = %i", (s, n) => {
    expect(chineseNumber(s)).toBe(n);
  });
  it("writes them back", () => {
    for (const n of [1, 9, 10, 11, 20, 23, 99, 100, 105, 120]) expect(chineseNumber(toChineseNumeral(n))).toBe(n);
    expect(canonicalLabel("cnParen", 3)).toBe("（三）");
    expect(canonicalLabel("article", 21)).toBe("第二十一条");
  });
});
