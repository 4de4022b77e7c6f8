import { describe, expect, it } from "vitest";
import { findCitations } from "../../src/ingest/citations.ts";

describe("findCitations", () => {
  it("reads titles with and without numbers, nested 〈〉, repaired numbers", () => {
    const text =
      "为贯彻《中共吉林省委办公厅印发〈关于深入推进城市安全发展的实施意见〉的通知》（吉办发〔2018〕53号）和《安全生产法》，落实《意见》(中办发〔20181号)。";
    const cs = findCitations(text);
    expect(cs.map((c) => [c.title, c.docNumber])).toEqual([
      ["中共吉林省委办公厅印发〈关于深入推进城市安全发展的实施意见〉的通知", "吉办发〔2018〕53号"],
      ["安全生产法", null],
      [null, "中办发〔2018〕1号"],
    ]);
    expect(cs[0]!.raw).toBe(
      "《中共吉林省委办公厅印发〈关于深入推进城市安全发展的实施意见〉的通知》（吉办发〔2018〕53号）",
    );
  });
  it("closes a 《 the page lost at its 文号", () => {
    const [c] = findCitations(
      "认真落实潍坊市《关于加强规划引领提升城市建设品质的实施意见(潍办发201822号),坚持解决问题。",
    );
    expect(c).toMatchObject({ title: "关于加强规划引领提升城市建设品质的实施意见", docNumber: "潍办发〔2018〕22号" });
    expect(c!.repair).toContain("书名号不完整，补“》”");
  });
  it("leaves out the circular's own number", () => {
    expect(
      findCitations("吉安委〔2019〕6号 另见吉政发〔2012〕8号", "吉安委〔2019〕6号").map((c) => c.docNumber),
    ).toEqual(["吉政发〔2012〕8号"]);
  });
});
