import { describe, expect, it } from "vitest";
import { findPlaceNames, inferJurisdiction } from "../../src/ingest/jurisdiction.ts";

const none = { title: "", docNumberPrefix: null, chrome: [], body: "" };

describe("inferJurisdiction", () => {
  it("takes the issuer's place: 吉林省 vs 吉林市", () => {
    expect(inferJurisdiction({ ...none, issuers: ["吉林省粮食和物资储备局"] })).toMatchObject({ code: "220000", level: "province" });
    expect(inferJurisdiction({ ...none, issuers: ["吉林市人民政府"] })).toMatchObject({ code: "220200", level: "prefecture", province: "吉林省", prefecture: "吉林市" });
    expect(inferJurisdiction({ ...none, issuers: ["兴化市安全生产委员会办公室"] })).toMatchObject({ code: "321281", level: "county", prefecture: "泰州市" });
  });
  it("reads a 文号 abbreviation", () => {
    expect(inferJurisdiction({ ...none, issuers: ["省安委会"], docNumberPrefix: "鲁安委" })).toMatchObject({ code: "370000" });
  });
  it("recognises national bodies", () => {
    expect(inferJurisdiction({ ...none, issuers: ["国务院安全生产委员会"] })).toMatchObject({ level: "national", code: "100000" });
  });
  it("does not descend to a county merely mentioned", () => {
    const body = "全省各地要落实责任。吉林省各地区要加强领导，吉林省应急管理厅牵头，吉林市龙潭区开展试点。全省推进。";
    expect(inferJurisdiction({ ...none, issuers: [], body })).toMatchObject({ code: "220000" });
  });
  it("uses the portal's own place when the issuer has none", () => {
    const chrome = ["首页 新闻中心 走进寿光 数说寿光"];
    const body = "落实潍坊市要求，在潍坊市率先建成示范。现结合我市实际。全市推进，夯实品质寿光建设。";
    expect(inferJurisdiction({ ...none, issuers: ["应急管理局"], chrome, body })).toMatchObject({ code: "370783", level: "county" });
  });
  it("is null without evidence", () => {
    expect(inferJurisdiction({ ...none, issuers: ["某某局"] })).toBeNull();
  });
  it("matches the longest name and skips everyday words", () => {
    expect(findPlaceNames("吉林省吉林市以城区为基础").map((m) => m.name)).toEqual(["吉林省", "吉林市"]);
  });
});

describe("the state's name", () => {
  it("is no place: 中华人民共和国 does not read as 共和县", () => {
    expect(findPlaceNames("根据《中华人民共和国安全生产法》").map((m) => m.name)).toEqual([]);
    const j = inferJurisdiction({ issuers: [], title: "生产安全事故应急预案管理办法", docNumberPrefix: null, chrome: [], body: "依据《中华人民共和国突发事件应对法》《中华人民共和国安全生产法》" });
    expect(j).toBeNull();
  });
});
