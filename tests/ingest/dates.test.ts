import { describe, expect, it } from "vitest";
import { dateLine, parseDate, readDate } from "../../src/ingest/dates.ts";

describe("dates", () => {
  it.each([
    ["2020年12月1日", "2020-12-01"],
    ["2019年04月26日", "2019-04-26"],
    ["二〇二〇年十二月一日", "2020-12-01"],
    ["２０２０年２月２４日", "2020-02-24"],
    ["2020-02-26 11:26", "2020-02-26"],
    ["2020/2/6", "2020-02-06"],
    ["2020年2月", "2020-02"],
    ["2019年2月30日", null],
  ])("%s → %s", (s, iso) => {
    expect(parseDate(s)).toBe(iso);
  });
  it("recognises a line that is only a date", () => {
    expect(dateLine("2019年3月22日")).toEqual({ date: "2019-03-22", repair: null });
    expect(dateLine("2019年3月22日 印发了通知")).toBeNull();
  });
  it("reads the forms scraped pages break, and says what it repaired", () => {
    expect(dateLine("二○一六年十月十三日")).toEqual({ date: "2016-10-13", repair: "“○”按“〇”读" });
    expect(dateLine("2016年1013日")?.date).toBe("2016-10-13");
    expect(dateLine("2016年1013日")?.repair).toContain("缺“月”字");
    expect(dateLine("2021519")).toEqual({ date: "2021-05-19", repair: "“2021519”数字连写，读作 2021-05-19" });
    expect(dateLine("20210519")?.date).toBe("2021-05-19");
    // 2021年101日 could be 1月01日 or 10月1日: not read.
    expect(dateLine("2021年101日")).toBeNull();
    expect(readDate("成文日期：2016年1013日")?.date).toBe("2016-10-13");
  });
});
