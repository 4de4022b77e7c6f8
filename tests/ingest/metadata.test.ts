import { describe, expect, it } from "vitest";
import { genreOf, splitAddressees } from "../../src/ingest/metadata.ts";
import { parseOk } from "../helpers.ts";
import { clausesOf } from "../../src/model/clauses.ts";

describe("metadata", () => {
  it.each([
    ["关于推进城市安全发展有关工作的通知", "通知"],
    ["关于坚持科学发展的实施意见", "意见"],
    ["关于同意设立的批复", "批复"],
    ["关于商请支持的函", "函"],
    ["吉林省安全生产条例", "条例"],
    ["中华人民共和国消防法", "法"],
    ["山东省实施《道路交通安全法》办法", "办法"],
    ["北京市烟花爆竹安全管理规定", "规定"],
    ["关于加强应急管理工作的意見", "意见"],
    ["2020年全市安全生产工作要点", null],
  ])("文种 of %s is %s", (title, genre) => {
    expect(genreOf(title)).toBe(genre);
  });
  it("splits 主送机关 only between units", () => {
    expect(splitAddressees("各市（州）、县（市、区）粮食和物资储备局，有关中省直企业")).toEqual([
      "各市（州）、县（市、区）粮食和物资储备局",
      "有关中省直企业",
    ]);
    expect(splitAddressees("各乡镇(街道)人民政府(办事处)、开发区管委会,市各有关部门")).toEqual([
      "各乡镇(街道)人民政府(办事处)",
      "开发区管委会",
      "市各有关部门",
    ]);
  });
  it("reads a title wrapped over two lines and an issuer above it", () => {
    const m = parseOk(
      Buffer.from(
        "山东省安全生产委员会\n关于进一步加强城市安全\n风险防控工作的通知\n鲁安委〔2021〕3号\n各市人民政府：\n一、加强领导。要落实责任。\n二、强化监管。要严格执法。\n",
      ),
    );
    expect(m.title).toBe("山东省安全生产委员会关于进一步加强城市安全风险防控工作的通知");
    expect(m.issuers).toEqual(["山东省安全生产委员会"]);
    expect(m.jurisdiction?.code).toBe("370000");
    expect(m.date).toBe("2021");
  });
  it("reads a regulation in 第X章/第X条 form", () => {
    const m = parseOk(
      Buffer.from(require("node:fs").readFileSync(new URL("../fixtures/regulation.txt", import.meta.url))),
    );
    expect(m.title).toBe("吉林省安全生产条例");
    expect(m.date).toBe("2019-11-29");
    expect(clausesOf(m).map((c) => c.id)).toEqual(["art1", "art2", "art3", "art4", "art5", "art6", "art7"]);
    expect(clausesOf(m)[3]!.path).toBe("第二章.第四条");
    expect(clausesOf(m)[3]!.text).toContain("（三）组织制定并实施本单位安全生产教育和培训计划。");
    expect(m.sections.map((s) => s.heading)).toEqual(["总则", "生产经营单位的安全生产保障", "监督管理", "附则"]);
    expect(clausesOf(m)[1]!.text).toContain("有关法律、行政法规对消防安全");
  });
});
