/**
 * 时效性 from evidence, each status from each kind of evidence, and unknown where evidence is
 * missing or disagrees — on small documents parsed as ingest parses them, as of a fixed date.
 */
import { describe, expect, it } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { buildCitationGraph } from "../../src/corpus/citationGraph.ts";
import { versionChains } from "../../src/corpus/versions.ts";
import { inForceFirst, termEnd, validities } from "../../src/corpus/validity.ts";
import { parseOk } from "../helpers.ts";
import { parseSource } from "../../src/ingest/parse.ts";

const AS_OF = "2026-12-04";
let n = 0;
const doc = (text: string, name = `d${++n}.txt`): Circular => parseOk(Buffer.from(text), name, { sourceKey: name });
const statusOf = (docs: Circular[], asOf = AS_OF) =>
  validities(docs, buildCitationGraph(docs), versionChains(docs), asOf);

const regulation = (title: string, history: string, article = "第一条 为了加强安全管理，制定本办法。") =>
  doc(`${title}\n\n${history}\n\n第一章 总则\n\n${article}\n\n第二条 本办法由省应急管理厅负责解释。\n`);
const notice = (title: string, body: string, date = "2016年3月1日") =>
  doc(`${title}\n山东省人民政府办公厅\n各市人民政府，省政府各部门：\n　　${body}\n山东省人民政府办公厅\n${date}\n`);

describe("repealed", () => {
  it("by a document in the library that repeals it (…同时废止), which `by` names", () => {
    const old = regulation("山东省危险化学品安全管理办法", "2010年3月1日 山东省人民政府令第200号公布");
    const repealing = regulation(
      "山东省危险化学品安全管理规定",
      "2020年5月1日 山东省人民政府令第330号公布",
      "第一条 本规定自2020年7月1日起施行。2010年3月1日公布的《山东省危险化学品安全管理办法》同时废止。",
    );
    const v = statusOf([old, repealing]).get(old.id)!;
    expect(v).toMatchObject({
      status: "repealed",
      by: repealing.id,
      since: "2020-07-01",
      provenance: { from: "library" },
    });
    expect(v.provenance.rule).toBe("《山东省危险化学品安全管理规定》废止本件");
  });
  it("by a database's record (status: 已废止)", async () => {
    const r = await parseSource(
      Buffer.from(
        "---\ntitle: 河北省燃气管理办法\nstatus: 已废止\n---\n\n# 河北省燃气管理办法\n\n第一条 为加强燃气管理，制定本办法。\n\n第二条 本办法自2005年1月1日起施行。\n",
      ),
      "h.md",
    );
    if (!r.ok) throw new Error(r.error.message);
    const d = r.value;
    expect(statusOf([d]).get(d.id)).toMatchObject({
      status: "repealed",
      by: null,
      provenance: { from: "database", line: 3 },
    });
  });
});

describe("amended", () => {
  it("by a later version of the same text in the library", () => {
    const v1 = regulation("浙江省电梯安全条例", "2010年5月28日 浙江省第十一届人民代表大会常务委员会第十八次会议通过");
    const v2 = regulation("浙江省电梯安全条例", "2019年5月28日 浙江省第十三届人民代表大会常务委员会第十二次会议通过");
    const s = statusOf([v1, v2]);
    expect(s.get(v1.id)).toMatchObject({ status: "amended", by: v2.id, provenance: { from: "library" } });
    expect(s.get(v2.id)?.status).not.toBe("amended");
  });
  it("by a 修改决定 in the library, not by next year's 工作要点", () => {
    const rule = regulation("福建省消防条例", "2012年3月30日 福建省第十一届人民代表大会常务委员会第二十九次会议通过");
    const decision = notice(
      "福建省人民代表大会常务委员会关于修改《福建省消防条例》的决定",
      "福建省第十三届人民代表大会常务委员会决定对《福建省消防条例》作如下修改。",
      "2021年5月1日",
    );
    expect(statusOf([rule, decision]).get(rule.id)).toMatchObject({ status: "amended", by: decision.id });
    const plan19 = notice(
      "关于印发2019年全省安全生产工作要点的通知",
      "现将2019年工作要点印发给你们，请认真贯彻落实。",
      "2019年2月1日",
    );
    const plan20 = notice(
      "关于印发2020年全省安全生产工作要点的通知",
      "现将2020年工作要点印发给你们，请认真贯彻落实。",
      "2020年2月1日",
    );
    expect(statusOf([plan19, plan20]).get(plan19.id)?.status).toBe("unknown");
  });
});

describe("expired, in force and not yet in force, by its own term and date of effect", () => {
  it("expired once its term has run (有效期5年 from its date), in force until then", () => {
    const d = notice("关于加强危险化学品安全管理的通知", "本通知自印发之日起施行，有效期5年。");
    expect(statusOf([d]).get(d.id)).toMatchObject({
      status: "expired",
      until: "2021-02-28",
      since: "2021-03-01",
      provenance: { from: "term" },
    });
    expect(statusOf([d], "2019-01-01").get(d.id)).toMatchObject({ status: "in-force", until: "2021-02-28" });
    expect(termEnd("2015-03-01", 60)).toBe("2020-02-29");
  });
  it("expired at the end its text names (有效期至…), or a page's 失效日期", () => {
    const d = notice("关于做好汛期安全防范工作的通知", "本通知自2016年3月1日起施行，有效期至2018年12月31日。");
    expect(statusOf([d]).get(d.id)).toMatchObject({ status: "expired", until: "2018-12-31" });
    const page = doc(
      "失效日期：2017-06-30\n关于开展隐患排查的通知\n各县人民政府：\n　　现就开展隐患排查通知如下，请认真落实。\n某某市人民政府\n2016年6月30日\n",
    );
    expect(statusOf([page]).get(page.id)).toMatchObject({
      status: "expired",
      until: "2017-06-30",
      provenance: { from: "term" },
    });
  });
  it("not yet in force before its date of effect; in force after it, with no later act known", () => {
    const d = regulation(
      "江苏省应急管理条例",
      "2026年9月1日 江苏省第十四届人民代表大会常务委员会第十八次会议通过\n\n2027年1月1日 施行",
    );
    expect(statusOf([d]).get(d.id)).toMatchObject({ status: "not-yet-in-force", provenance: { from: "effective" } });
    expect(statusOf([d], "2027-03-01").get(d.id)).toMatchObject({ status: "in-force", since: "2027-01-01" });
  });
  it("in force by a page's 有效性 field", () => {
    const d = doc(
      "有效性：现行有效\n关于加强消防安全工作的通知\n各县人民政府：\n　　现就加强消防安全工作通知如下，请认真落实。\n某某市人民政府\n2021年3月1日\n",
    );
    expect(statusOf([d]).get(d.id)).toMatchObject({
      status: "in-force",
      provenance: { from: "portal-field", line: 1 },
    });
  });
});

describe("unknown", () => {
  it("with no evidence, saying so", () => {
    const d = notice("关于做好春节期间安全生产工作的通知", "现就做好春节期间安全生产工作通知如下，请认真落实。");
    const v = statusOf([d]).get(d.id)!;
    expect(v).toMatchObject({ status: "unknown", provenance: { from: "none" } });
    expect(v.provenance.rule).toMatch(/^时效不详/);
  });
  it("evidence disagrees: stated in force, repealed by the library; stated repealed, its term running", () => {
    const old = doc(
      "有效性：有效\n山东省危险化学品安全管理办法\n\n2010年3月1日 山东省人民政府令第200号公布\n\n第一条 为了加强安全管理，制定本办法。\n",
    );
    const repealing = regulation(
      "山东省危险化学品安全管理规定",
      "2020年5月1日 山东省人民政府令第330号公布",
      "第一条 本规定自2020年7月1日起施行。《山东省危险化学品安全管理办法》同时废止。",
    );
    const v = statusOf([old, repealing]).get(old.id)!;
    expect(v.status).toBe("unknown");
    expect(v.provenance.rule).toMatch(/^时效证据相互矛盾/);
    const d = doc(
      "时效性：已废止\n关于加强消防安全工作的通知\n各县人民政府：\n　　本通知自2025年1月1日起施行，有效期5年。\n某某市人民政府\n2024年12月1日\n",
    );
    expect(statusOf([d]).get(d.id)?.status).toBe("unknown");
  });
});

describe("ordering", () => {
  it("puts documents in force first, then not yet, unknown, and no longer in force", () => {
    const docs = [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }];
    const v = new Map(
      [
        ["a", "repealed"],
        ["b", "unknown"],
        ["c", "in-force"],
        ["d", "not-yet-in-force"],
      ].map(
        ([id, status]) =>
          [
            id!,
            { status, since: null, until: null, by: null, provenance: { from: "none", rule: "", line: null } },
          ] as const,
      ),
    ) as never;
    expect(inForceFirst(docs, v).map((d) => d.id)).toEqual(["c", "d", "b", "a"]);
  });
});
