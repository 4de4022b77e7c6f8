/**
 * What a library's phrase index answers, as a reader sees it: for each query, every hit's
 * circular as results show it, where the phrase stands, its texts and its facets. Two indexes
 * that answer alike give equal answers, whatever their files (a patched index and a full one).
 */
import { join } from "node:path";
import { TOPICS } from "../../src/config/topics.ts";
import { readStored } from "../../src/search/storedFiles.ts";
import type { IndexLoader, PhraseDoc, PhraseFacets, TextChunk } from "../../src/search/phrase.ts";
import { openShards, ShardQuery } from "../../src/search/shards.ts";
import { phraseKey } from "../../src/text/keys.ts";

/** A file of a built site's phrase index (under its search-data/), as stored (storedFiles.ts). */
export const storedJson = <T>(dist: string, path: string): T =>
  JSON.parse(readStored(join(dist, "search-data"), path)) as T;

/** A built site's phrase index, as its search page loads it. */
export const storedIndex =
  (dist: string): IndexLoader =>
  async <T>(path: string) =>
    storedJson<T>(dist, path);

export async function searchAnswers(load: IndexLoader, queries: string[]): Promise<Map<string, string[]>> {
  const shards = await openShards({ base: "/", load }, () => load);
  const answers = new Map<string, string[]>();
  for (const q of queries) {
    const query = await ShardQuery.open([phraseKey(q)], shards);
    const rows: string[] = [];
    for await (const { shard: k, hit } of query?.hits(
      "relevance",
      shards.map(() => () => true),
    ) ?? []) {
      const shard = shards[k]!;
      const doc = await shard.load<PhraseDoc>(`doc/${hit.doc}.json`);
      const texts = await Promise.all(doc.chunks.map((_, c) => shard.load<TextChunk>(`text/${doc.id}/${c}.json`)));
      const f = await shard.load<PhraseFacets>("facets.json");
      const [province, level, year, genre, topics, validity] = f.facets[hit.doc]!;
      const departments = Object.entries(await shard.load<Record<string, number[]>>("departments.json"))
        .filter(([, docs]) => docs.includes(hit.doc))
        .map(([name]) => name);
      const facets = [f.provinces[province], f.levels[level], year, f.genres[genre], f.validities[validity]];
      const topicNames = TOPICS.filter((_, i) => topics & (1 << i)).map((t) => t.name);
      rows.push(JSON.stringify({ doc, offsets: hit.offsets, texts, facets, topicNames, departments }));
    }
    // Circulars of the same date may come in another order from a patch: the answers, not their ties, are compared.
    answers.set(q, rows.sort());
    if (query) answers.set(`${q} (count)`, [JSON.stringify(query.count())]);
  }
  return answers;
}
