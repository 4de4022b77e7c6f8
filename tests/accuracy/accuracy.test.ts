/**
 * The accuracy measure itself, and a sample of the realistic-noise run: a value the label
 * contradicts counts as wrong, an honest blank as unknown; and a sample of the labelled
 * documents in every kind of page damage keeps every value right or unknown, never wrong
 * (`npm run accuracy` runs all of them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/ingest/parse.ts";
import { judge, tally, type Label } from "../../src/bench/accuracy/judge.ts";
import { bundledSets, handLabelled, historyDate, titleDivision } from "../../src/bench/accuracy/sets.ts";
import { DAMAGES, damagedSets } from "../../src/bench/accuracy/damage.ts";
import { parseOk, SOURCES } from "../helpers.ts";

const seed = () => parseOk(readFileSync(join(SOURCES, "000_d587e41c7024e3f8.txt")), "000.txt");

describe("judging a value against its label", () => {
  it("counts a contradicted value wrong, a blank unknown, an agreeing one right (script and spacing aside)", () => {
    const m = seed();
    const base: Label = {
      title: "關於推進城市安全發展有關工作的通知",
      docNumber: "吉粮安函〔2020〕133號",
      issuers: ["吉林省粮食和物资储备局"],
      date: "2020-12-01",
      province: "吉林省",
      prefecture: null,
      level: "province",
    };
    expect(judge(base, m).map((j) => j.verdict)).toEqual(["right", "right", "right", "right", "right", "right"]);
    const wrong = judge({ ...base, date: "2020-12-02", province: "山东省" }, m);
    expect(wrong.filter((j) => j.verdict === "wrong").map((j) => j.field)).toEqual(["date", "province"]);
    const blank = judge(base, { ...m, date: null, jurisdiction: null });
    expect(tally(blank).get("date")).toEqual({ right: 0, unknown: 1, wrong: 0 });
    // A value where the label says there is none is wrong too.
    expect(judge({ ...base, docNumber: null }, m).find((j) => j.field === "docNumber")?.verdict).toBe("wrong");
  });

  it("counts a year inferred from the 文号 as unknown where the label knows no more, wrong where it disagrees", () => {
    const m = {
      ...seed(),
      date: "2020",
      provenance: {
        ...seed().provenance,
        date: {
          from: "docNumber" as const,
          line: 3,
          confidence: "low" as const,
          rule: "文号中的年份（推定）",
          inferred: true,
        },
      },
    };
    expect(judge({ date: null }, m)[0]!.verdict).toBe("unknown");
    expect(judge({ date: "2020-12-01" }, m)[0]!.verdict).toBe("unknown");
    expect(judge({ date: "2019-12-01" }, m)[0]!.verdict).toBe("wrong");
  });
});

describe("what a regulation says of itself, read apart from the parser", () => {
  it("dates it by the latest act in its history that made or changed it, not 施行", () => {
    expect(
      historyDate([
        "X条例",
        "2000年4月28日 第十一届…会议通过",
        "2021年11月2日 …会议通过并经2021年12月3日…批准的《…决定》修正",
        "2022年1月1日 施行",
        "第一条 为了",
      ]),
    ).toBe("2021-12-03");
  });
  it(
    "places it by the place its title starts with: national" +
      " when none, unknown for a place gone from the gazetteer",
    () => {
      expect(titleDivision("青岛市燃气管理条例")?.code).toBe("370200");
      expect(titleDivision("汕头经济特区突发公共卫生事件应急条例")?.code).toBe("440500");
      expect(titleDivision("汶川地震灾后恢复重建条例")).toBeNull();
      expect(titleDivision("莱芜市既有多层住宅增设电梯规定")).toBeUndefined();
    },
  );
});

describe("a sample in every kind of page damage", () => {
  const sets = [
    ...bundledSets(SOURCES),
    handLabelled("fixtures", join(import.meta.dirname, "..", "fixtures", "unseen")),
  ];
  const damaged = damagedSets(sets, Object.keys(DAMAGES), 4);

  it.each(damaged.map((d) => [d.name, d] as const))("%s: no value wrong", async (_kind, d) => {
    expect(d.files.length).toBeGreaterThanOrEqual(4);
    const wrong: string[] = [];
    for (const f of d.files) {
      const r = await parseSource(f.bytes, f.fileName);
      if (!r.ok) throw new Error(`${f.name}: ${r.error.message}`);
      for (const j of judge(f.label, r.value))
        if (j.verdict === "wrong") wrong.push(`${f.name} ${j.field}: ${j.expected} → ${j.got}`);
    }
    expect(wrong).toEqual([]);
  });

  it("damages what it says: a metadata row holds the 文号 and a later date; traditional script has pinyin", () => {
    const one = (kind: string) =>
      Buffer.from(damaged.find((d) => d.name === kind)!.files.find((f) => f.label.docNumber)!.bytes).toString("utf8");
    expect(one("metadata row").split("\n")[0]).toMatch(/^索 引 号：.*文 号：.*生成日期：/);
    expect(one("traditional script with pinyin")).toMatch(/\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/u);
  });
});
