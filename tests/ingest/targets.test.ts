import { describe, expect, it } from "vitest";
import { findTargets } from "../../src/ingest/targets.ts";

describe("findTargets", () => {
  it.each([
    ["到2019年6月底前完成", "到2019年6月底前", "2019-06"],
    ["2020年底前建成", "2020年底前", "2020-12"],
    ["20197月底前完成治理", "20197月底前", "2019-07"],
    ["到2035年,体系更加完善", "到2035年", "2035"],
    ["2013年6月底以前", "2013年6月底以前", "2013-06"],
  ])("deadline in %s", (text, phrase, date) => {
    expect(findTargets(text)).toEqual([expect.objectContaining({ kind: "deadline", text: phrase, date })]);
  });
  it("finds quantities", () => {
    expect(findTargets("死亡率下降37%以上，配备不少于3人").map((t) => t.text)).toEqual(["下降37%以上", "不少于3人"]);
  });
  it("a plain date is not a deadline", () => {
    expect(findTargets("2019年3月22日，2020年,城市安全发展取得明显进展")).toEqual([]);
  });
});

describe("deadlines with a day, or without a year", () => {
  it("keeps the day", () => {
    expect(findTargets("请于2023年7月10日前报送")).toEqual([
      expect.objectContaining({ text: "于2023年7月10日前", date: "2023-07-10" }),
    ]);
  });
  it("dates 6月15日前 and 7月底前 in the circular's year", () => {
    expect(findTargets("6月15日前完成一轮集中宣传，7月底前总结", 2023).map((t) => [t.text, t.date])).toEqual([
      ["6月15日前", "2023-06-15"],
      ["7月底前", "2023-07"],
    ]);
  });
  it("leaves them undated when the circular's year is unknown", () => {
    expect(findTargets("6月15日前完成").map((t) => t.date)).toEqual([null]);
  });
  it("does not read the month of a dated deadline twice", () => {
    expect(findTargets("到2019年6月底前完成").map((t) => t.text)).toEqual(["到2019年6月底前"]);
  });
});
