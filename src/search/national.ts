/**
 * A national index merged from shards: libraries built apart (a CI job per province),
 * each a site under its own base path. The merge reads only what the shards' builds wrote
 * — each shard's phrase index (search-data/: its circulars as results show them, their
 * texts in chunks, their facets and departments) — and indexes every circular again into
 * one index, numbered oldest first across all shards as a library built whole would be. A
 * national search then reads one table of contents, one shard per gram and the first
 * pages, as in one library: it does not grow with the number of shards. Results link to
 * each shard's pages; related results (Pagefind) come from the shards' own bundles.
 * No file access here: the caller reads the shards' files.
 */
import { TOPICS } from "../config/topics.ts";
import { VALIDITY_STATUSES } from "../model/circular.ts";
import type { IndexedDoc } from "./buildIndex.ts";
import type { PhraseDoc, PhraseFacets, PhraseMeta } from "./phrase.ts";
import type { z } from "zod";
import { DepartmentsFile, PhraseDocFile, PhraseFacetsFile, PhraseMetaFile, TextChunkFile } from "./indexFiles.ts";
import { parseJson } from "../library/files.ts";
import { patchPath } from "./patch.ts";

export interface ShardOutput {
  /** The shard site's base path ("/lib/jilin/"). */
  base: string;
  /** Reads a file of the shard's search-data/ as text. */
  read: (path: string) => string;
}

interface ShardDoc {
  shard: ShardOutput;
  n: number;
  doc: PhraseDoc;
  facets: PhraseFacets;
  departments: string[];
}

/** A file of a shard's index, checked against its contract (indexFiles.ts). */
const readFile = <T>(shard: ShardOutput, schema: z.ZodType<T>, path: string): T =>
  parseJson(schema, shard.read(path), `merge: shard ${shard.base}: search-data/${path}`);

/**
 * Every circular of every shard, oldest first (by date, then id: the order a whole build numbers them in); a shard's
 * patch (patch.ts) is read as an index of its own, and the circulars it hides are left out.
 */
function allDocs(shards: ShardOutput[]): ShardDoc[] {
  const out: ShardDoc[] = [];
  const indexes = shards.flatMap((shard) => {
    const meta = readFile(shard, PhraseMetaFile, "meta.json");
    if (!meta.patch) return [{ shard, meta, hidden: new Set<number>() }];
    const ofPatch = { base: shard.base, read: (path: string) => shard.read(patchPath(path)) };
    return [
      { shard, meta, hidden: new Set(meta.patch.hidden) },
      { shard: ofPatch, meta: readFile(ofPatch, PhraseMetaFile, "meta.json"), hidden: new Set<number>() },
    ];
  });
  for (const { shard, meta, hidden } of indexes) {
    const facets = readFile(shard, PhraseFacetsFile, "facets.json");
    const byDoc: string[][] = Array.from({ length: meta.docs }, () => []);
    for (const [dept, docs] of Object.entries(readFile(shard, DepartmentsFile, "departments.json")))
      for (const d of docs) byDoc[d]!.push(dept);
    for (let n = 0; n < meta.docs; n++)
      if (!hidden.has(n))
        out.push({ shard, n, doc: readFile(shard, PhraseDocFile, `doc/${n}.json`), facets, departments: byDoc[n]! });
  }
  return out.sort((a, b) => (a.doc.date ?? "").localeCompare(b.doc.date ?? "") || a.doc.id.localeCompare(b.doc.id));
}

/** A shard's circular as the index writer takes it, its texts read from its chunks. */
function indexed({ shard, n, doc, facets, departments }: ShardDoc): IndexedDoc {
  const entries = doc.chunks.flatMap((_, k) =>
    readFile(shard, TextChunkFile, `text/${doc.id}/${k}.json`).map(([anchor, label, text]) => ({
      anchor,
      label,
      text,
    })),
  );
  const [province, level, year, genre, topicMask, validity] = facets.facets[n]!;
  return {
    shown: {
      id: doc.id,
      url: doc.url,
      title: doc.title,
      docNumber: doc.docNumber,
      date: doc.date,
      place: doc.place,
      validity: doc.validity,
      header: doc.header,
    },
    header: doc.header,
    entries,
    facet: {
      province: facets.provinces[province] ?? "",
      level: facets.levels[level] ?? "",
      year,
      genre: facets.genres[genre] ?? "",
      topics: TOPICS.filter((_, i) => topicMask & (1 << i)).map((t) => t.slug),
      validity: VALIDITY_STATUSES[validity] ?? "unknown",
    },
    departments,
  };
}

/**
 * The circulars of all shards, oldest first, read one at a time as the writer asks
 * (buildIndex.ts writePhraseIndex), and each shard's Pagefind folders by its base.
 */
export function mergeShards(shards: ShardOutput[]): {
  docs: Iterable<IndexedDoc>;
  count: number;
  pagefindShards: NonNullable<PhraseMeta["pagefindShards"]>;
} {
  const docs = allDocs(shards);
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.doc.id)) throw new Error(`merge: circular ${d.doc.id} is in more than one shard (${d.shard.base})`);
    ids.add(d.doc.id);
  }
  const pagefindShards = shards.map((s) => ({
    base: s.base,
    bundles: readFile(s, PhraseMetaFile, "meta.json").pagefindBundles,
  }));
  return {
    docs: (function* () {
      for (const d of docs) yield indexed(d);
    })(),
    count: docs.length,
    pagefindShards,
  };
}
