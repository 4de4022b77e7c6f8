/** Hits of several shards, walked as one list, come in the order one index of them all would give. */
import { describe, expect, it } from "vitest";
import { type HitOrder, type IndexLoader, type PhraseMeta } from "../../src/search/phrase.ts";
import { openShards, ShardQuery, type Shard } from "../../src/search/shards.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";
import { indexInMemory } from "./memoryIndex.ts";

const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
/** An index of some of the seeds, in memory, as a shard under `base`. */
function shard(base: string, ms: typeof models, peers: string[] = []): { base: string; load: IndexLoader } {
  const files = indexInMemory(base, ms, { peers, pageBytes: 200 });
  return { base, load: async <T>(path: string) => JSON.parse(files.get(path) ?? "{}") as T };
}

const jilin = models.filter((m) => m.jurisdiction?.province === "吉林省");
const others = models.filter((m) => !jilin.includes(m));
const all = shard("/all/", models);
const a = shard("/a/", jilin, ["/b/"]);
const b = shard("/b/", others);

async function ids(shards: Shard[], q: string, order: HitOrder): Promise<string[]> {
  const query = (await ShardQuery.open([phraseKey(q)], shards))!;
  const out: string[] = [];
  for await (const h of query.hits(
    order,
    shards.map(() => () => true),
  )) {
    const doc = h.doc ?? (await shards[h.shard]!.load<{ id: string }>(`doc/${h.hit.doc}.json`));
    out.push(doc.id);
  }
  return out;
}

describe("shards searched as one", () => {
  it("the table of contents names the other shard, and both are opened", async () => {
    expect((await a.load<PhraseMeta>("meta.json")).peers).toEqual(["/b/"]);
    const shards = await openShards(a, (base) =>
      base === "/b/" ? b.load : async () => Promise.reject(new Error("no such shard")),
    );
    expect(shards.map((s) => s.base)).toEqual(["/a/", "/b/"]);
  });

  it("gives the hits one index of both would give, in each order", async () => {
    expect(jilin.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    const one = await openShards(all, () => all.load);
    const two = await openShards(a, () => b.load);
    for (const q of ["安全生产", "应急", "煤", "城市安全"]) {
      for (const order of ["relevance", "date-desc", "date-asc"] as const) {
        const whole = await ids(one, q, order);
        expect(whole.length, q).toBeGreaterThan(0);
        expect(await ids(two, q, order), `${q} ${order}`).toEqual(whole);
      }
    }
  });

  it("a shard that does not answer is left out, and the others still search", async () => {
    const shards = await openShards(a, () => async () => Promise.reject(new Error("offline")));
    expect(shards.map((s) => s.base)).toEqual(["/a/"]);
    expect((await ids(shards, "安全生产", "date-desc")).length).toBeGreaterThan(0);
  });
});
