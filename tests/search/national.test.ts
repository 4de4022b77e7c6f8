/**
 * A national index merged from shards' built indexes (src/search/national.ts) is the index
 * of the whole library built at once: the same numbering, the same posting files byte for
 * byte, the same facets; only the links differ (each result links to its shard's page).
 */
import { describe, expect, it } from "vitest";
import { buildPhraseIndex, writePhraseIndex } from "../../src/search/buildIndex.ts";
import { mergeShards } from "../../src/search/national.ts";
import { findPhrase, type PhraseDoc, type PhraseMeta } from "../../src/search/phrase.ts";
import { phraseKey } from "../../src/text/keys.ts";
import type { Circular } from "../../src/model/circular.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
const oldestFirst = (ms: Circular[]) =>
  [...ms].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id)).map((m) => m.id);
const OPTIONS = { pageBytes: 300, shardBytes: 2_000 };

/** An index of `ms` in memory, its circulars linked under `base`. */
function index(base: string, ms: Circular[]): Map<string, string> {
  const files = new Map<string, string>();
  buildPhraseIndex(
    oldestFirst(ms),
    (id) => ms.find((m) => m.id === id)!,
    (id) => `${base}circulars/${id}/`,
    ["pagefind/"],
    (p, c) => files.set(p, c),
    { ...OPTIONS, validityOf: () => "in-force" },
  );
  return files;
}

const byProvince = new Map<string, Circular[]>();
for (const m of models)
  byProvince.set(m.jurisdiction?.province ?? "国家", [
    ...(byProvince.get(m.jurisdiction?.province ?? "国家") ?? []),
    m,
  ]);
const shards = [...byProvince].map(([province, ms], i) => ({
  base: `/lib/${i}/`,
  province,
  files: index(`/lib/${i}/`, ms),
}));
const whole = index("/lib/", models);
const merged = new Map<string, string>();
const merge = mergeShards(shards.map((s) => ({ base: s.base, read: (p: string) => s.files.get(p)! })));
writePhraseIndex(merge.docs, [], (p, c) => merged.set(p, c), {
  ...OPTIONS,
  extra: { pagefindShards: merge.pagefindShards },
});

describe("a national index merged from shards", () => {
  it("holds every circular of every shard, numbered as a library built whole", () => {
    expect(shards.length).toBeGreaterThan(2);
    const meta = JSON.parse(merged.get("meta.json")!) as PhraseMeta;
    expect(meta.docs).toBe(models.length);
    for (let n = 0; n < meta.docs; n++) {
      const [m, w] = [
        JSON.parse(merged.get(`doc/${n}.json`)!) as PhraseDoc,
        JSON.parse(whole.get(`doc/${n}.json`)!) as PhraseDoc,
      ];
      expect({ ...m, url: "" }).toEqual({ ...w, url: "" });
      // Each result links to its shard's page.
      const shard = shards.find((s) => [...byProvince.get(s.province)!].some((x) => x.id === m.id))!;
      expect(m.url).toBe(`${shard.base}circulars/${m.id}/`);
    }
  });

  it("writes the posting files, texts and facets of the whole library byte for byte", () => {
    const same = [...whole.keys()].filter((p) => !/^(doc\/|meta\.json|departments\.json)/.test(p));
    expect(same.length).toBeGreaterThan(20);
    for (const p of same) expect(merged.get(p), p).toBe(whole.get(p));
    expect([...merged.keys()].sort()).toEqual([...whole.keys()].sort());
    const depts = (files: Map<string, string>) =>
      Object.entries(JSON.parse(files.get("departments.json")!) as Record<string, number[]>).sort();
    expect(depts(merged)).toEqual(depts(whole));
  });

  it(
    "finds a phrase in the same circulars and passages " + "as the whole library, and names each shard's Pagefind",
    async () => {
      const load =
        (files: Map<string, string>) =>
        async <T>(p: string) =>
          JSON.parse(files.get(p) ?? "null") as T;
      const meta = JSON.parse(merged.get("meta.json")!) as PhraseMeta;
      for (const q of ["应急预案", "安全生产", "隐患排查"]) {
        const [m, w] = await Promise.all([
          findPhrase(phraseKey(q), meta, load(merged)),
          findPhrase(phraseKey(q), JSON.parse(whole.get("meta.json")!), load(whole)),
        ]);
        expect(m, q).toEqual(w);
        expect(m!.size, q).toBeGreaterThan(0);
      }
      expect(meta.pagefindShards).toEqual(shards.map((s) => ({ base: s.base, bundles: ["pagefind/"] })));
    },
  );

  it("refuses a circular that two shards hold", () => {
    const twice = [shards[0]!, shards[0]!].map((s, i) => ({ base: `/x${i}/`, read: (p: string) => s.files.get(p)! }));
    expect(() => mergeShards(twice)).toThrow(/in more than one shard/);
  });
});
