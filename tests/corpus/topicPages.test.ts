/**
 * A topic's pages as data (site/topicPages.ts): the overview stays bounded as the library
 * grows, and the year pages hold every clause of the topic exactly once between them.
 */
import { describe, expect, it } from "vitest";
import { buildCorpusIndex } from "../../src/corpus/index.ts";
import { derive, inMemory } from "../../src/corpus/derived.ts";
import { generateCorpus } from "../../src/bench/generate.ts";
import {
  LISTED_ON_OVERVIEW,
  LISTED_PER_PLACE,
  UNDATED,
  provinceOf,
  topicOverview,
  topicYear,
  topicYears,
} from "../../src/site/topicPages.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const seeds = seedFiles().map((f) => parseOk(seedBytes(f), f));
// 400 generated circulars across provinces and years, and a seed with no date.
const generated = generateCorpus(seeds, 400, 7).map((f) => parseOk(Buffer.from(f.text), f.name));
const undated = { ...seeds[0]!, id: "undated-copy", date: null };
const models = [...seeds, ...generated, undated];
const index = buildCorpusIndex(models, {}, inMemory(derive(models)));
const busiest = [...index.topicClauses].sort((a, b) => b[1].length - a[1].length)[0]![0];

describe("a topic's overview", () => {
  const view = topicOverview(index, busiest);

  it("lists the first documents of each list and counts them all", () => {
    expect(view.primary.total).toBeGreaterThan(LISTED_ON_OVERVIEW);
    expect(view.primary.ids).toHaveLength(LISTED_ON_OVERVIEW);
    const about = index.docs.filter((d) => index.docTopics.get(d.id)!.primary.includes(busiest));
    expect(view.primary.total).toBe(about.length);
  });

  it("has one row per province, whatever the number of places", () => {
    const places = new Set(
      index.topicClauses.get(busiest)!.map((e) => JSON.stringify(index.byId.get(e.docId)!.jurisdiction)),
    );
    const provinces = new Set(
      index.topicClauses.get(busiest)!.map((e) => provinceOf(index.byId.get(e.docId)!.jurisdiction).code),
    );
    expect(places.size).toBeGreaterThan(provinces.size);
    expect(view.matrix.rows.map((r) => r.province.code)).toEqual([...provinces].sort((a, b) => cmp(a, b)));
    const cells = view.matrix.rows.flatMap((r) => r.clauses).reduce<number>((n, c) => n + (c ?? 0), 0);
    expect(cells).toBe(view.clauseCount);
  });

  it("names every year once, newest first, documents of no date last", () => {
    expect(view.years.map((y) => y.key)).toEqual(
      [...topicYears(index, busiest)].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : b.localeCompare(a))),
    );
    expect(view.years.at(-1)!.key).toBe(UNDATED);
    expect(view.years.reduce((n, y) => n + y.docs, 0)).toBe(view.docCount);
  });
});

const cmp = (a: string, b: string) => (a === "unknown" ? 1 : b === "unknown" ? -1 : a.localeCompare(b));

describe("a topic's year pages", () => {
  it("hold every clause of the topic once: listed, or counted under a document linked", () => {
    const entries = index.topicClauses.get(busiest)!;
    let listed = 0;
    let linked = 0;
    for (const year of topicYears(index, busiest)) {
      const view = topicYear(index, busiest, year);
      for (const { province, places } of view.provinces)
        for (const g of places) {
          expect(new Set(g.listed.map((e) => e.docId)).size).toBeLessThanOrEqual(LISTED_PER_PLACE);
          for (const e of g.listed) {
            const doc = index.byId.get(e.docId)!;
            expect(provinceOf(doc.jurisdiction)).toEqual(province);
            expect(doc.date?.slice(0, 4) ?? UNDATED).toBe(year);
          }
          listed += g.listed.length;
          linked += g.more.reduce((n, m) => n + m.clauses, 0);
        }
    }
    expect(listed + linked).toBe(entries.length);
    expect(linked).toBeGreaterThan(0);
  });

  it("list the year's documents, and only those", () => {
    const view = topicYear(index, busiest, "2015");
    const ids = [...view.primary, ...view.mentioned];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(index.byId.get(id)!.date!.startsWith("2015")).toBe(true);
  });
});
