/**
 * Writes the exact-phrase index (see phrase.ts) for a corpus: meta.json, posting shards,
 * one small file per circular (title, 文号, clause anchors) and one with its texts for
 * excerpts — fetched only for the results shown — and the department → circulars map.
 */
import { TOPICS } from "../config/topics.ts";
import type { CorpusIndex } from "../corpus/index.ts";
import { yearOf } from "../corpus/index.ts";
import { toSimplified } from "../ingest/text.ts";
import { citationLabel } from "../site/cite.ts";
import { levelName, placeOf } from "../site/format.ts";
import { bigrams, encodePostings, normalizeForPhrase, shardOf, type PhraseDoc, type PhraseMeta } from "./phrase.ts";

/** Aim for posting shards of about this many bytes: a query fetches one per bigram. */
const TARGET_SHARD_BYTES = 12_000;

export function buildPhraseIndex(index: CorpusIndex, circularUrl: (id: string) => string, pagefindBundles: string[] = ["pagefind/"]): Map<string, string> {
  const files = new Map<string, string>();
  const postings = new Map<string, number[]>();
  const docStart: number[] = [];
  const facets: PhraseMeta["facets"] = [];
  const provinces: string[] = [];
  const levels = (["national", "province", "prefecture", "county"] as const).map(levelName);
  const genres: string[] = [];
  const indexOf = (list: string[], v: string) => {
    let i = list.indexOf(v);
    if (i < 0) i = list.push(v) - 1;
    return i;
  };
  const docs: PhraseDoc[] = [];
  const departments: Record<string, number[]> = {};
  let entry = 0;
  index.docs.forEach((doc, d) => {
    docStart.push(entry);
    const texts = [[doc.title, doc.docNumber ?? "", doc.docNumberRaw ?? "", ...doc.issuers].join(" "), ...doc.clauses.map((c) => c.text)];
    for (const text of texts) {
      for (const g of new Set(bigrams(normalizeForPhrase(toSimplified(text))))) {
        const list = postings.get(g);
        if (list) list.push(entry);
        else postings.set(g, [entry]);
      }
      entry++;
    }
    const topicMask = (index.docTopics.get(doc.id) ?? []).reduce((m, slug) => m | (1 << TOPICS.findIndex((t) => t.slug === slug)), 0);
    facets.push([
      indexOf(provinces, doc.jurisdiction?.province ?? (doc.jurisdiction?.level === "national" ? "国家" : "")),
      doc.jurisdiction ? levels.indexOf(levelName(doc.jurisdiction.level)) : -1,
      Number(yearOf(doc) ?? 0),
      indexOf(genres, doc.genre ?? ""),
      topicMask,
    ]);
    docs.push({
      id: doc.id, url: circularUrl(doc.id), title: doc.title, docNumber: doc.docNumber, date: doc.date,
      place: placeOf(doc.jurisdiction), clauses: doc.clauses.map((c) => c.id), labels: doc.clauses.map((c) => citationLabel(c.path)),
    });
    files.set(`text/${d}.json`, JSON.stringify(texts));
    for (const depts of index.clauseDepartments.get(doc.id)?.values() ?? []) {
      for (const dept of depts) {
        const list = (departments[dept.name] ??= []);
        if (list.at(-1) !== d) list.push(d);
      }
    }
  });
  const encoded = [...postings.entries()].map(([g, list]) => [g, encodePostings(list)] as const);
  const totalBytes = encoded.reduce((n, [g, p]) => n + g.length * 3 + p.length + 6, 0);
  const shards = Math.max(8, Math.min(8192, Math.ceil(totalBytes / TARGET_SHARD_BYTES)));
  const shardMaps: Array<Record<string, string>> = Array.from({ length: shards }, () => ({}));
  for (const [g, p] of encoded) shardMaps[shardOf(g, shards)]![g] = p;
  shardMaps.forEach((m, i) => files.set(`grams/${i}.json`, JSON.stringify(m)));
  docs.forEach((doc, d) => files.set(`doc/${d}.json`, JSON.stringify(doc)));
  files.set("departments.json", JSON.stringify(departments));
  const meta: PhraseMeta = { version: 1, shards, pagefindBundles, docStart, facets, provinces, levels, genres, topics: TOPICS.map((t) => t.name) };
  files.set("meta.json", JSON.stringify(meta));
  return files;
}
