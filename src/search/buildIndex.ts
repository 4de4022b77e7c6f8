/**
 * Writes the exact-phrase index (see phrase.ts) for a corpus: meta.json, bigram and
 * positional trigram posting shards, facets.json (read only when filtering), one small
 * file per circular (title, 文号, clause anchors) and one with its texts for excerpts —
 * fetched only for the results shown — and the department → circulars map.
 */
import { TOPICS } from "../config/topics.ts";
import type { CorpusIndex } from "../corpus/index.ts";
import type { Circular, CircularMeta } from "../model/circular.ts";
import { allTopics, yearOf } from "../corpus/index.ts";
import { phraseKey } from "../text/keys.ts";
import { levelName, placeOf } from "../model/display.ts";
import { searchEntries } from "./entries.ts";
import { shardOf, type GramKind, type PhraseDoc, type PhraseFacets, type PhraseMeta } from "./phrase.ts";

/** Aim for posting shards of about this many bytes: a query fetches one per gram. */
const TARGET_SHARD_BYTES = 12_000;
/** The parts of each gram's postings are joined every so many circulars, so a big library is not millions of small strings. */
const CHUNK_DOCS = 256;

/** Posting strings of one gram length, built a circular at a time. */
class PostingWriter {
  /** Per gram: the circular written last, joined chunks, and the parts not yet joined. */
  private readonly grams = new Map<string, { lastDoc: number; chunks: string[]; parts: string[] }>();
  readonly n: 2 | 3;
  constructor(n: 2 | 3) {
    this.n = n;
  }

  /**
   * Adds circular `doc` (called in increasing order) with its entries as characters. Its
   * part of each gram's postings ("entry.pos.pos;entry…", phrase.ts) is written as the
   * grams come: entries and positions arrive in increasing order.
   */
  add(doc: number, entries: string[][]): void {
    const positional = this.n === 3;
    const inDoc = new Map<string, { text: string; entry: number }>();
    entries.forEach((chars, entry) => {
      for (let i = 0; i + this.n <= chars.length; i++) {
        const g = positional ? chars[i]! + chars[i + 1]! + chars[i + 2]! : chars[i]! + chars[i + 1]!;
        const p = inDoc.get(g);
        if (!p) inDoc.set(g, { text: positional ? `${entry.toString(36)}.${i.toString(36)}` : entry.toString(36), entry });
        else if (p.entry !== entry) {
          p.text += positional ? `;${entry.toString(36)}.${i.toString(36)}` : `;${entry.toString(36)}`;
          p.entry = entry;
        } else if (positional) p.text += `.${i.toString(36)}`;
      }
    });
    for (const [g, p] of inDoc) {
      let w = this.grams.get(g);
      if (!w) this.grams.set(g, (w = { lastDoc: -1, chunks: [], parts: [] }));
      w.parts.push(`${(doc - w.lastDoc - 1).toString(36)}:${p.text}`);
      w.lastDoc = doc;
    }
    // Only the new parts are joined: joining all so far each time grew as the square of the library.
    if (doc % CHUNK_DOCS === CHUNK_DOCS - 1) {
      for (const w of this.grams.values()) {
        if (w.parts.length > 1) w.chunks.push(w.parts.join(","));
        else if (w.parts.length === 1) w.chunks.push(w.parts[0]!);
        w.parts = [];
      }
    }
  }

  /** Shard files, named `${kind}/${i}.json`, and how many shards. */
  write(files: Map<string, string>, kind: GramKind): number {
    const encoded = [...this.grams].map(([g, w]) => [g, [...w.chunks, ...w.parts].join(",")] as const);
    const totalBytes = encoded.reduce((n, [g, p]) => n + g.length * 3 + p.length + 6, 0);
    const shards = Math.max(8, Math.min(16384, Math.ceil(totalBytes / TARGET_SHARD_BYTES)));
    const shardMaps: Array<Record<string, string>> = Array.from({ length: shards }, () => ({}));
    for (const [g, p] of encoded) shardMaps[shardOf(g, shards)]![g] = p;
    shardMaps.forEach((m, i) => files.set(`${kind}/${i}.json`, JSON.stringify(m)));
    return shards;
  }
}

/**
 * Every part of the body is indexed, so each circular is read whole through `fullModel`,
 * one at a time (a large library's bodies need not all be in memory at once).
 */
export function buildPhraseIndex(
  index: CorpusIndex,
  circularUrl: (id: string) => string,
  pagefindBundles: string[],
  fullModel: (doc: CircularMeta) => Circular,
): Map<string, string> {
  const files = new Map<string, string>();
  const bi = new PostingWriter(2);
  const tri = new PostingWriter(3);
  const facets: PhraseFacets["facets"] = [];
  const provinces: string[] = [];
  const levels = (["national", "province", "prefecture", "county"] as const).map(levelName);
  const genres: string[] = [];
  const indexOf = (list: string[], v: string) => {
    let i = list.indexOf(v);
    if (i < 0) i = list.push(v) - 1;
    return i;
  };
  const departments: Record<string, number[]> = {};
  index.docs.forEach((doc, d) => {
    const entries = searchEntries(fullModel(doc));
    const texts = [[doc.title, doc.docNumber ?? "", doc.docNumberRaw ?? "", ...doc.issuers].join(" "), ...entries.map((e) => e.text)];
    const chars = texts.map((t) => Array.from(phraseKey(t)));
    bi.add(d, chars);
    tri.add(d, chars);
    const topicMask = allTopics(index.docTopics.get(doc.id)).reduce((m, slug) => m | (1 << TOPICS.findIndex((t) => t.slug === slug)), 0);
    facets.push([
      indexOf(provinces, doc.jurisdiction?.province ?? (doc.jurisdiction?.level === "national" ? "国家" : "")),
      doc.jurisdiction ? levels.indexOf(levelName(doc.jurisdiction.level)) : -1,
      Number(yearOf(doc) ?? 0),
      indexOf(genres, doc.genre ?? ""),
      topicMask,
    ]);
    const shown: PhraseDoc = {
      id: doc.id, url: circularUrl(doc.id), title: doc.title, docNumber: doc.docNumber, date: doc.date,
      place: placeOf(doc.jurisdiction), anchors: entries.map((e) => e.anchor), labels: entries.map((e) => e.label),
    };
    files.set(`doc/${d}.json`, JSON.stringify(shown));
    files.set(`text/${d}.json`, JSON.stringify(texts));
    for (const depts of index.clauseDepartments.get(doc.id)?.values() ?? []) {
      for (const dept of depts) {
        const list = (departments[dept.name] ??= []);
        if (list.at(-1) !== d) list.push(d);
      }
    }
  });
  const shards = { bi: bi.write(files, "bi"), tri: tri.write(files, "tri") };
  files.set("departments.json", JSON.stringify(departments));
  const facetFile: PhraseFacets = { facets, provinces, levels, genres, topics: TOPICS.map((t) => t.name) };
  files.set("facets.json", JSON.stringify(facetFile));
  const meta: PhraseMeta = { version: 2, docs: index.docs.length, shards, pagefindBundles };
  files.set("meta.json", JSON.stringify(meta));
  return files;
}
