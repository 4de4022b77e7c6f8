/** Every bundled seed parses to the metadata, clauses and citations a reader would list. */
import { describe, expect, it } from "vitest";
import { parseSeed } from "../helpers.ts";
import { clausesOf } from "../../src/model/clauses.ts";

const EXPECTED = [
  {
    seed: "000_",
    title: "关于推进城市安全发展有关工作的通知",
    issuers: ["吉林省粮食和物资储备局"],
    docNumber: "吉粮安函〔2020〕133号",
    date: "2020-12-01",
    genre: "通知",
    code: "220000",
    level: "province",
    clauses: 10,
    withResponsible: 0,
    citedNumbers: ["吉办发〔2018〕53号"],
  },
  {
    seed: "001_",
    title: "市安委办关于印发《2020年全市安全生产工作要点》的通知",
    issuers: ["兴化市安全生产委员会办公室"],
    docNumber: "兴安办〔2020〕20号",
    date: "2020-02-24",
    published: "2020-02-26",
    genre: "通知",
    code: "321281",
    level: "county",
    clauses: 23,
    withResponsible: 23,
    citedNumbers: ["兴政发〔2017〕130号", "苏编办发〔2019〕61号"],
  },
  {
    seed: "002_",
    title: "吉林省安全生产委员会关于印发2019年工作要点的通知",
    issuers: ["吉林省安全生产委员会"],
    docNumber: "吉安委〔2019〕6号",
    date: "2019-03-22",
    genre: "通知",
    code: "220000",
    level: "province",
    clauses: 31,
    withResponsible: 31,
    citedNumbers: [],
  },
  {
    seed: "003_",
    title: "关于推进全市城市安全发展的实施意见",
    // No 落款: the portal's 发布机构 published it (publisher), which names no issuer.
    issuers: [],
    publisher: "寿光市应急管理局",
    docNumber: null,
    date: "2019-04-26",
    genre: "意见",
    code: "370783",
    level: "county",
    clauses: 34,
    // 32–34 (保障措施) name no unit.
    withResponsible: 31,
    citedNumbers: ["中办发〔2018〕1号", "鲁办发〔2018〕50号", "潍办发〔2019〕2号", "潍办发〔2018〕22号"],
  },
  {
    seed: "004_",
    title: "吉林市人民政府关于坚持科学发展安全发展促进安全生产形势持续稳定好转的实施意见",
    issuers: ["吉林市人民政府"],
    docNumber: "吉市政发〔2012〕10号",
    // No 成文日期 in the text: the year of the 文号.
    date: "2012",
    genre: "意见",
    code: "220200",
    level: "prefecture",
    clauses: 29,
    withResponsible: 0,
    citedNumbers: ["吉政发〔2012〕8号"],
  },
] as const;

describe.each(EXPECTED)("seed $seed", (e) => {
  const m = parseSeed(e.seed);
  it("has its title, issuers, 文号, date and 文种", () => {
    expect(m.title).toBe(e.title);
    expect(m.issuers).toEqual(e.issuers);
    expect(m.docNumber).toBe(e.docNumber);
    expect(m.date).toBe(e.date);
    expect(m.genre).toBe(e.genre);
    if ("published" in e) expect(m.published).toBe(e.published);
    if ("publisher" in e) expect(m.publisher).toBe(e.publisher);
  });
  it("is placed in its jurisdiction", () => {
    expect(m.jurisdiction?.code).toBe(e.code);
    expect(m.jurisdiction?.level).toBe(e.level);
  });
  it("has every numbered clause, in order, with its 责任单位", () => {
    expect(clausesOf(m)).toHaveLength(e.clauses);
    expect(clausesOf(m).filter((c) => c.responsible.length > 0)).toHaveLength(e.withResponsible);
    expect(new Set(clausesOf(m).map((c) => c.id)).size).toBe(clausesOf(m).length);
    const lines = clausesOf(m).map((c) => c.lines[0]);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });
  it("cites the documents it names, with repaired numbers", () => {
    const numbers = m.citations.map((c) => c.docNumber).filter(Boolean);
    expect(numbers).toEqual(e.citedNumbers);
  });
});

describe("details a reader checks", () => {
  it("兴化: continuous numbering across sections, 责任单位 parsed", () => {
    const m = parseSeed("001_");
    expect(clausesOf(m).map((c) => c.label)).toEqual(Array.from({ length: 23 }, (_, i) => `${i + 1}.`));
    expect(clausesOf(m)[4]!.path).toBe("二.5");
    expect(clausesOf(m)[0]!.responsible).toEqual(["市委宣传部", "市安委办", "相关部门"]);
    expect(clausesOf(m)[7]!.responsible).toEqual(["市安委办", "市专治办", "市各专项整治牵头部门"]);
    expect(m.noise.map((n) => n.text)).toContain("打印 关闭");
  });
  it("吉林省: 牵头 units are leads, 会同 splits units", () => {
    const m = parseSeed("002_");
    expect(clausesOf(m)[0]!.leads).toEqual(["省委宣传部", "省应急管理厅"]);
    expect(clausesOf(m)[0]!.responsible).toEqual(["省委宣传部", "省应急管理厅", "各有关部门"]);
    expect(clausesOf(m)[2]!.responsible).toEqual(["省应急管理厅", "有关部门"]);
    expect(m.addressees).toEqual([
      "各市（州）人民政府",
      "长白山管委会",
      "梅河口市、公主岭市人民政府",
      "省安委会有关成员单位",
    ]);
  });
  it("寿光: portal chrome removed, odd label whitespace, missing bracket", () => {
    const m = parseSeed("003_");
    expect(m.noise.map((n) => n.text)).toEqual(expect.arrayContaining(["PM2.5", "长期公开", "744536799/2019-81083"]));
    expect(m.body.startsWith("关于对《关于推进全市城市安全发展的实施意见》征求意见的结果反馈")).toBe(true);
    const c11 = clausesOf(m).find((c) => c.path === "五.11")!;
    expect(c11.heading).toBe("实行城市安全风险分级分类监管");
    const unclosed = clausesOf(m).find((c) => c.path === "二.1")!;
    expect(unclosed.responsible).toContain("消防大队");
    expect(m.warnings.some((w) => w.message.includes("文号“中办发〔20181号”读作“中办发〔2018〕1号”"))).toBe(true);
    expect(m.targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: "到20196月底前",
          date: "2019-06",
          clauseId: clausesOf(m).find((c) => c.path === "四.8")!.id,
        }),
      ]),
    );
  });
  it("吉林市: three-level numbering and the targets of 主要目标", () => {
    const m = parseSeed("004_");
    expect(clausesOf(m)[0]!.path).toBe("三.（一）.1");
    expect(clausesOf(m).at(-1)!.path).toBe("四.4");
    expect(m.targets.filter((t) => t.kind === "quantity").map((t) => t.text)).toEqual([
      "下降37%以上",
      "下降20%以上",
      "下降50%以上",
      "下降10%以上",
    ]);
    expect(m.sections[1]!.heading).toBe("主要目标");
  });
  it("吉林省粮食: clause headings are their lead phrases", () => {
    const m = parseSeed("000_");
    expect(
      clausesOf(m)
        .map((c) => c.heading)
        .slice(0, 3),
    ).toEqual(["树牢安全发展理念", "落实安全生产责任", "加强安全监管能力建设"]);
    expect(clausesOf(m)[0]!.path).toBe("二.（一）");
  });
});
