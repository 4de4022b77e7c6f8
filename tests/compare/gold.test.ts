import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateGold, poolScores, type GoldSet } from "../../src/compare/evaluate.ts";
import { buildIdfTable, idfOf } from "../../src/compare/idf.ts";
import { alignClauses, diffVersions, type Idf } from "../../src/compare/similarity.ts";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { bundledLibrary } from "../library.ts";

const gold = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/align/gold.json"), "utf8")) as {
  sets: GoldSet[];
};
let library: Map<string, Circular>;
let idf: Idf;
const doc = (name: string) =>
  library.get(join("regulations", name)) ?? [...library].find(([k]) => k.startsWith(name))![1];
const texts = (d: Circular) => clausesOf(d).map((c) => c.text);

// Parsing the 151 bundled documents takes a few seconds, more on a busy machine.
beforeAll(async () => {
  library = await bundledLibrary();
  idf = idfOf(buildIdfTable([...library.values()].flatMap(texts), phraseKey));
}, 120_000);

describe("alignment against the hand-labelled article pairs", () => {
  it("the gold set holds at least 60 pairs over at least three pairs of bundled regulations", () => {
    expect(gold.sets.length).toBeGreaterThanOrEqual(3);
    expect(gold.sets.reduce((n, s) => n + Object.keys(s.pairs).length, 0)).toBeGreaterThanOrEqual(60);
  });
  it("precision at least 0.85 and recall at least 0.7, pooled and in each set", () => {
    const scores = evaluateGold(gold.sets, doc, phraseKey, idf);
    const pooled = poolScores(scores);
    expect(pooled.precision).toBeGreaterThanOrEqual(0.85);
    expect(pooled.recall).toBeGreaterThanOrEqual(0.7);
    for (const s of scores) expect([s.a, s.precision >= 0.85, s.recall >= 0.7]).toEqual([s.a, true, true]);
  });
  it("a pair that only shares boilerplate is not aligned: 气象灾害防御条例 第三十三条 (空间天气) has no partner in Beijing's", () => {
    const a = doc("气象灾害防御条例(2017-10-07).txt");
    const b = doc("北京市气象灾害防御条例(2018-11-23).txt");
    const { unmatchedA } = alignClauses(texts(a), texts(b), phraseKey, { idf });
    expect(unmatchedA.map((i) => clausesOf(a)[i]!.id)).toContain("art33");
  });
});

describe("versions: 突发事件应对法 2007 → 2024", () => {
  it("renumbered articles are paired by content: 第十七条 (应急预案体系) became 第二十六条, 第七十条 第一百零六条", () => {
    const [a, b] = [doc("突发事件应对法(2007-08-30).txt"), doc("突发事件应对法(2024-06-28).txt")];
    const diff = diffVersions(texts(a), texts(b), phraseKey, { idf });
    const partner = (id: string) => diff.find((d) => d.a !== null && clausesOf(a)[d.a]!.id === id);
    expect(clausesOf(b)[partner("art17")!.b!]!.id).toBe("art26");
    expect(clausesOf(b)[partner("art70")!.b!]!.id).toBe("art106");
    const count = (k: string) => diff.filter((d) => d.kind === k).length;
    // 106 articles now, 70 then: most kept their place among the others, some moved, the rest are new.
    expect(count("added")).toBeGreaterThanOrEqual(36);
    expect(count("moved")).toBeGreaterThan(0);
    expect(count("removed")).toBeLessThanOrEqual(5);
    // 第十四条 (解放军) went from 14th to 24th, after articles that came before it: moved.
    expect(partner("art14")!.kind).toBe("moved");
  });
});

describe("circulars (the seeds), with the library's IDF", () => {
  /** Each clause of A (by `key`) → its partner's `key` in B. */
  const partners = (prefixA: string, prefixB: string, key: "heading" | "path") => {
    const [a, b] = [doc(prefixA), doc(prefixB)];
    const { pairs } = alignClauses(texts(a), texts(b), phraseKey, { idf });
    return new Map(pairs.map((p) => [clausesOf(a)[p.a]![key], clausesOf(b)[p.b]![key]]));
  };
  it("吉林省粮食 (2020) and 寿光 (2019) 城市安全 align on shared subjects", () => {
    const byHeading = partners("000_", "003_", "heading");
    expect(byHeading.get("提升应急管理能力")).toBe("强化城市安全应急救援管理");
    expect(byHeading.get("强化安全科技创新和应用")).toBe("强化城市安全科技创新和应用");
    expect(byHeading.get("加强组织领导")).toBe("加强组织领导");
    expect(byHeading.get("强化责任考核")).toBe("强化责任考核");
  });
  it("吉林省安委会 2019 and 兴化 2020 工作要点 align 事故调查 and 执法检查 clauses", () => {
    const byPath = partners("002_", "001_", "path");
    expect(byPath.get("三.15")).toBe("五.16");
    expect(byPath.get("四.18")).toBe("五.15");
  });
});
