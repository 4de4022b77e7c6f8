import { describe, expect, it } from "vitest";
import { dateLine, parseDate } from "../../src/ingest/dates.ts";

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
    expect(dateLine("2019年3月22日")).toBe("2019-03-22");
    expect(dateLine("2019年3月22日 印发了通知")).toBeNull();
  });
});
