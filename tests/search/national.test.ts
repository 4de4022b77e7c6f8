/**
 * A national index merged from shards' built indexes (src/search/national.ts) is the index
 * of the whole library built at once: the same numbering, the same posting files byte for
 * byte, the same facets; only the links differ (each result links to its shard's page).
 */
import { describe, expect, it } from "vitest";
import { writePhraseIndex } from "../../src/search/buildIndex.ts";
import { mergeShards } from "../../src/search/national.ts";
import { findPhrase, type PhraseDoc, type PhraseMeta } from "../../src/search/phrase.ts";
import { phraseKey } from "../../src/text/keys.ts";
import type { Circular } from "../../src/model/circular.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";
import { indexInMemory } from "./memoryIndex.ts";

const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
const OPTIONS = { pageBytes: 300, shardBytes: 2_000 };
/** An index of `ms` in memory, its circulars linked under `base`. */
const index = (base: string, ms: Circular[]) => indexInMemory(base, ms, { ...OPTIONS, validityOf: () => "in-force" });

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

  it("finds a phrase in the circulars and passages the whole library does; names each shard's Pagefind", async () => {
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
  });

  it("merges a circular of unknown place (no level) as the whole library indexes it", () => {
    const nowhere: Circular = { ...models[0]!, id: `${models[0]!.id}-nowhere`, jurisdiction: null };
    const parts = [index("/a/", [nowhere]), index("/b/", [models[1]!])];
    const both = mergeShards(parts.map((files, i) => ({ base: `/${i}/`, read: (p: string) => files.get(p)! })));
    const out = new Map<string, string>();
    writePhraseIndex(both.docs, [], (p, c) => out.set(p, c), OPTIONS);
    const facets = JSON.parse(out.get("facets.json")!) as { facets: number[][] };
    expect(facets.facets.filter(([, level]) => level === -1)).toHaveLength(1);
    expect(out.get("facets.json")).toBe(index("/", [nowhere, models[1]!]).get("facets.json"));
  });

  it("refuses a circular that two shards hold", () => {
    const twice = [shards[0]!, shards[0]!].map((s, i) => ({ base: `/x${i}/`, read: (p: string) => s.files.get(p)! }));
    expect(() => mergeShards(twice)).toThrow(/in more than one shard/);
  });

  it("refuses a shard's file of another shape, naming the shard and the file", () => {
    const altered = (path: string, edit: (json: Record<string, unknown>) => unknown) => [
      { base: "/ok/", read: (p: string) => shards[0]!.files.get(p)! },
      {
        base: "/bad/",
        read: (p: string) => {
          const text = shards[1]!.files.get(p)!;
          return p === path ? JSON.stringify(edit(JSON.parse(text) as Record<string, unknown>)) : text;
        },
      },
    ];
    // An index of an older version, a circular's record cut short, a file that is not JSON.
    expect(() => mergeShards(altered("meta.json", (m) => ({ ...m, version: 3 })))).toThrow(
      /merge: shard \/bad\/: search-data\/meta\.json: not the expected file: version/,
    );
    expect(() => mergeShards(altered("doc/0.json", ({ header: _, ...d }) => d))).toThrow(
      /shard \/bad\/: search-data\/doc\/0\.json: not the expected file: header/,
    );
    const broken = [{ base: "/bad/", read: (p: string) => (p === "facets.json" ? "{" : shards[1]!.files.get(p)!) }];
    expect(() => mergeShards(broken)).toThrow(/shard \/bad\/: search-data\/facets\.json: not JSON/);
  });
});
