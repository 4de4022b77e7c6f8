import { describe, expect, it } from "vitest";
import { findDocNumbers, normalizeDocNumber } from "../../src/text/docNumber.ts";

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
    expect(m).toMatchObject({ raw: "中办发〔20181号", normalized: "中办发〔2018〕1号", year: 2018, serial: 1, repair: "closing bracket was missing" });
    expect(findDocNumbers("潍办发201822号")[0]!.repair).toBe("brackets were missing");
    expect(findDocNumbers("吉安委〔2019〕6号")[0]!.repair).toBeNull();
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
