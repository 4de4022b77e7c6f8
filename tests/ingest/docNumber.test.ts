import { describe, expect, it } from "vitest";
import { findDocNumbers, findOrderNumbers, normalizeDocNumber } from "../../src/text/docNumber.ts";

describe("normalizeDocNumber", () => {
  it.each([
    ["吉粮安函〔2020〕133号", "吉粮安函〔2020〕133号"],
    ["中办发〔20181号", "中办发〔2018〕1号"],
    ["鲁办发〔201850号", "鲁办发〔2018〕50号"],
    ["潍办发201822号", "潍办发〔2018〕22号"],
    ["吉安委[2019]6号", "吉安委〔2019〕6号"],
    ["吉安委(2019)6号", "吉安委〔2019〕6号"],
    ["吉安委﹝2019﹞6号", "吉安委〔2019〕6号"],
    ["吉安委［2019］6号", "吉安委〔2019〕6号"],
    ["吉安委【2019】6号", "吉安委〔2019〕6号"],
    ["吉安委2019 6号", "吉安委〔2019〕6号"],
    ["吉安委〔２０１９〕６号", "吉安委〔2019〕6号"],
    ["國辦發〔2019〕6號", "國辦發〔2019〕6号"],
  ])("%s → %s", (raw, normalized) => {
    expect(normalizeDocNumber(raw)).toBe(normalized);
  });

  it("says what it repaired and keeps the raw form", () => {
    const [m] = findDocNumbers("(中办发〔20181号)");
    expect(m).toMatchObject({
      raw: "中办发〔20181号",
      normalized: "中办发〔2018〕1号",
      year: 2018,
      serial: 1,
      repair: "缺右括号，补“〕”",
    });
    expect(findDocNumbers("潍办发201822号")[0]!.repair).toBe("缺括号，补“〔〕”");
    expect(findDocNumbers("吉安委〔2019〕6号")[0]!.repair).toBeNull();
    expect(findDocNumbers("國辦發〔2019〕6號")[0]!.repair).toBe("繁体字改为简体");
  });

  it("reads broken forms: ? for a lost bracket, no 号", () => {
    expect(findDocNumbers("威政办发?2020?15号")[0]).toMatchObject({
      normalized: "威政办发〔2020〕15号",
      repair: "括号显示为“?”（编码损坏），改为〔〕",
    });
    expect(findDocNumbers("（鲁政办字〔2019〕33）")[0]).toMatchObject({
      normalized: "鲁政办字〔2019〕33号",
      repair: "缺“号”字，补上",
    });
    // Without brackets, a number without 号 is no 文号.
    expect(findDocNumbers("鲁政办字2019 33人")).toEqual([]);
  });

  it("reads order numbers of laws and regulations", () => {
    expect(findOrderNumbers("2019年2月17日 中华人民共和国国务院令第708号公布").map((o) => o.normalized)).toEqual([
      "国务院令第708号",
    ]);
    expect(findOrderNumbers("应急管理部第2号令").map((o) => o.normalized)).toEqual(["应急管理部令第2号"]);
    expect(findOrderNumbers("中华人民共和国主席令第六十九号").map((o) => o.normalized)).toEqual(["主席令第69号"]);
  });

  it("cuts prose off the 机关代字", () => {
    expect(findDocNumbers("按照苏编办发〔2019〕61号要求")[0]!.normalized).toBe("苏编办发〔2019〕61号");
  });

  it("ignores what is not a 文号", () => {
    expect(findDocNumbers("2019年3月22日")).toEqual([]);
    expect(findDocNumbers("全年共检查1200家企业")).toEqual([]);
    expect(findDocNumbers("编号〔1800〕3号")).toEqual([]);
  });
});
