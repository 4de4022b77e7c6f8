import { describe, expect, it } from "vitest";
import {
  abbreviationDivisions,
  everydayWords,
  findPlaceNames,
  divisionAtStart,
  readJurisdiction,
  writerLevel,
  type JurisdictionEvidence,
} from "../../src/ingest/header/jurisdiction.ts";

const none: JurisdictionEvidence = {
  issuers: [],
  title: null,
  docNumberPrefix: null,
  isRegulation: false,
  chrome: [],
  body: "",
};
const signed = (...names: string[]) => names.map((name) => ({ name, from: "signature" as const, line: 20 }));
const place = (ev: Partial<JurisdictionEvidence>) => readJurisdiction({ ...none, ...ev });

describe("place from ranked evidence", () => {
  it("takes the issuer's place: 吉林省 vs 吉林市, a county-level city under its prefecture", () => {
    expect(place({ issuers: signed("吉林省粮食和物资储备局") }).chosen?.value).toMatchObject({
      code: "220000",
      level: "province",
    });
    expect(place({ issuers: signed("吉林市人民政府") }).chosen?.value).toMatchObject({
      code: "220200",
      level: "prefecture",
      province: "吉林省",
      prefecture: "吉林市",
    });
    expect(place({ issuers: signed("兴化市安全生产委员会办公室") }).chosen?.value).toMatchObject({
      code: "321281",
      level: "county",
      prefecture: "泰州市",
    });
    expect(place({ issuers: signed("中共山东省委办公厅", "山东省人民政府办公厅") }).chosen).toMatchObject({
      from: "signature",
      confidence: "high",
      value: { code: "370000" },
    });
  });

  it("reads a 文号 abbreviation where the writer's level leaves one place, also in traditional script", () => {
    // 鲁 is 山东省, and also 鲁山县 (河南) and 鲁甸县 (云南): a 省 body writes, so it is the province.
    const level = writerLevel(["省安委会"], []);
    expect(
      place({ issuers: signed("省安委会"), docNumberPrefix: { prefix: "鲁安委", line: 2 }, writerLevel: level }).chosen,
    ).toMatchObject({ from: "docNumber", value: { code: "370000" } });
    expect(place({ docNumberPrefix: { prefix: "鲁安委", line: 2 } }).chosen).toBeNull();
    // 主送机关 say who writes: a province (各市人民政府、省政府各部门), a county (各乡镇).
    expect(
      place({
        docNumberPrefix: { prefix: "鲁政办字", line: 2 },
        writerLevel: writerLevel([], ["各市人民政府", "省政府各部门"]),
      }).chosen?.value,
    ).toMatchObject({ code: "370000" });
    expect(
      place({
        docNumberPrefix: { prefix: "鲁政办字", line: 2 },
        writerLevel: writerLevel([], ["各乡镇人民政府", "县直各部门"]),
      }).chosen,
    ).toBeNull();
    expect(place({ docNumberPrefix: { prefix: "國發", line: 2 } }).chosen?.value).toMatchObject({
      level: "national",
      code: "100000",
    });
    expect(place({ docNumberPrefix: { prefix: "安監總辦", line: 2 } }).chosen?.value).toMatchObject({
      level: "national",
    });
  });

  it("recognises national bodies, and laws and State Council regulations that name no place", () => {
    expect(place({ issuers: signed("国务院安全生产委员会") }).chosen?.value).toMatchObject({
      level: "national",
      code: "100000",
    });
    expect(place({ issuers: signed("國務院辦公廳") }).chosen?.value).toMatchObject({ level: "national" });
    expect(place({ title: { text: "中华人民共和国消防法", line: 1 }, isRegulation: true }).chosen?.value).toMatchObject(
      { level: "national" },
    );
    expect(place({ title: { text: "烟花爆竹安全管理条例", line: 1 }, isRegulation: true }).chosen?.value).toMatchObject(
      { level: "national" },
    );
    // A circular whose title names no place is not thereby national.
    expect(place({ title: { text: "关于加强安全生产工作的通知", line: 1 } }).chosen).toBeNull();
  });

  it("files a city's regulation approved by its province under the city", () => {
    const r = place({
      issuers: [{ name: "河南省人民代表大会常务委员会", from: "history", line: 3 }],
      title: { text: "信阳市城市道路交通安全设施管理条例", line: 1 },
      isRegulation: true,
    });
    expect(r.chosen?.value).toMatchObject({ code: "411500", level: "prefecture" });
  });

  it("does not take the body's place names for the document's: unknown, with the reason", () => {
    const body = "全省各地要落实责任。吉林省各地区要加强领导，吉林省应急管理厅牵头，吉林市龙潭区开展试点。全省推进。";
    const r = place({ body });
    expect(r.chosen).toBeNull();
    expect(r.unknownBecause).toMatch(/^地区不详：.*正文提及/);
  });

  it("uses the portal's own place when the body names it in full", () => {
    const chrome = [{ text: "首页 新闻中心 走进寿光 数说寿光", line: 2 }];
    const body = "落实潍坊市要求，在潍坊市率先建成示范。现结合我市实际，建成寿光市台头镇调峰储备站。";
    expect(
      place({ issuers: [{ name: "应急管理局", from: "portal-field", line: 9 }], chrome, body }).chosen,
    ).toMatchObject({ from: "chrome", confidence: "medium", value: { code: "370783", level: "county" } });
    // The portal alone, or the body alone, is not enough.
    expect(place({ chrome }).chosen).toBeNull();
  });

  it("never reads everyday words as places: 公安机关, 会同有关部门, 重大安全, 提高安全, a contact person's name", () => {
    const body = "公安机关会同有关部门开展重大安全隐患排查，提高安全水平。联系人：张寿光。";
    expect(findPlaceNames(body).filter((p) => p.full)).toEqual([]);
    expect(place({ issuers: signed("公安局"), body }).chosen).toBeNull();
    for (const w of ["公安", "会同", "大安", "平安", "城区"]) expect(everydayWords().has(w), w).toBe(true);
    for (const w of ["寿光", "吉林", "潍坊"]) expect(everydayWords().has(w), w).toBe(false);
  });

  it("says the evidence conflicts instead of choosing", () => {
    const r = place({
      issuers: [
        { name: "吉林省应急管理厅", from: "signature", line: 30 },
        { name: "山东省应急管理厅", from: "head", line: 1 },
      ],
    });
    expect(r.chosen).toBeNull();
    expect(r.unknownBecause).toMatch(/^地区证据相互矛盾/);
  });
});

describe("shared abbreviations and short forms, from the gazetteer", () => {
  it("knows which places a 机关代字 may stand for: 宁 is 宁夏 and 南京 (and 宁波 …); 苏 is 江苏 and 苏州", () => {
    const names = (p: string) => abbreviationDivisions(p)!.divisions.map((d) => d.name);
    expect(names("宁政办发")).toEqual(expect.arrayContaining(["宁夏回族自治区", "南京市", "宁波市", "宁德市"]));
    expect(names("苏政办发")).toEqual(expect.arrayContaining(["江苏省", "苏州市"]));
    // 宁 alone, with nothing agreeing, is no place; a city body and the body's 南京市 make it Nanjing.
    expect(place({ docNumberPrefix: { prefix: "宁政办发", line: 2 } }).chosen).toBeNull();
    const nanjing = place({
      docNumberPrefix: { prefix: "宁政办发", line: 2 },
      writerLevel: writerLevel(["市政府办公厅"], []),
      body: "为加强南京市建筑施工安全管理",
    });
    expect(nanjing.chosen?.value).toMatchObject({ code: "320100", level: "prefecture" });
  });

  it("reads an autonomous area written short (张家川县, 延边州) as the full name", () => {
    expect(divisionAtStart("张家川县人民政府办公室")).toMatchObject({
      division: { name: "张家川回族自治县" },
      full: true,
    });
    expect(divisionAtStart("延边州应急管理局")).toMatchObject({ division: { name: "延边朝鲜族自治州" }, full: true });
    expect(divisionAtStart("新疆维吾尔自治区人民政府")?.division.code).toBe("650000");
  });

  it("does not give a city's office the province's level", () => {
    // 苏政办发 with a 落款 市政府办公室: not 江苏省 (the province) whatever the abbreviation says.
    const r = place({
      docNumberPrefix: { prefix: "苏政办发", line: 2 },
      writerLevel: writerLevel(["市政府办公室"], []),
    });
    expect(r.chosen?.value.level).not.toBe("province");
  });
});

describe("place names", () => {
  it("matches the longest name, and several at the start read one inside the other", () => {
    expect(findPlaceNames("吉林省吉林市以城区为基础").map((m) => m.name)).toEqual(["吉林省", "吉林市"]);
    expect(divisionAtStart("吉林省吉林市人民政府")?.division.code).toBe("220200");
    expect(divisionAtStart("中共潍坊市委办公室")?.division.code).toBe("370700");
    expect(divisionAtStart("关于潍坊市…")).toBeNull();
  });

  it("the state's name is no place: 中华人民共和国 does not read as 共和县", () => {
    expect(findPlaceNames("根据《中华人民共和国安全生产法》").map((m) => m.name)).toEqual([]);
    expect(
      place({ title: { text: "生产安全事故应急预案管理办法", line: 1 }, body: "依据《中华人民共和国突发事件应对法》" })
        .chosen,
    ).toBeNull();
  });
});
