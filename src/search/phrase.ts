/**
 * The exact-phrase index that closes Pagefind's recall gap. Every clause, every other run
 * of body text (entries.ts) and each circular's header (title, 文号, issuers) is an entry,
 * indexed by its phrase key (text/normalize.ts: half-width, simplified, lower case, no
 * white space). Bigrams map to the entries holding them (two-character queries); trigrams
 * to the entries and the positions they stand at, so a longer phrase is found exactly
 * where its trigrams stand at the right distances: every clause containing it, and no
 * clause that holds its pieces apart.
 *
 * Shared by the build (which writes the files) and the browser (which reads them):
 * no Node APIs here.
 */

/** FNV-1a over UTF-16 code units: the shard a gram's postings live in. */
export function shardOf(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/**
 * Postings of one gram: for each circular holding it, its entries (0 = the header:
 * title, 文号, issuers; 1… its clauses and other text, see entries.ts), and for trigrams
 * the positions in the entry.
 */
export type Postings = Map<number, Map<number, number[]>>;

/**
 * A gram's postings as written (buildIndex.ts): circulars in increasing order, comma-separated,
 * each "docDelta:entry;entry.pos.pos" in base 36 — docDelta counts from the circular before
 * (−1 at first) less one; positions only for trigrams.
 */
export function decodePostings(s: string): Postings {
  const out: Postings = new Map();
  let doc = -1;
  for (const group of s.split(",")) {
    const colon = group.indexOf(":");
    doc += parseInt(group.slice(0, colon), 36) + 1;
    const entries = new Map<number, number[]>();
    for (const e of group.slice(colon + 1).split(";")) {
      const [entry, ...positions] = e.split(".").map((n) => parseInt(n, 36));
      entries.set(entry!, positions);
    }
    out.set(doc, entries);
  }
  return out;
}

/** The index's table of contents, loaded first: a few hundred bytes whatever the library's size. */
export interface PhraseMeta {
  version: 2;
  /** Circulars in the index (numbered 0… in the order of doc/<n>.json). */
  docs: number;
  /** Shard counts of the bigram and the positional trigram postings. */
  shards: { bi: number; tri: number };
  /** Pagefind index folders: the first is loaded, the others merged into it. */
  pagefindBundles: string[];
}

/** What filters read (facets.json), loaded only when a filter is set. */
export interface PhraseFacets {
  /** Per circular: [province index, level index, year, genre index, topic bit mask]. */
  facets: Array<[number, number, number, number, number]>;
  provinces: string[];
  levels: string[];
  genres: string[];
  topics: string[];
}

export type GramKind = "bi" | "tri";

/**
 * The grams a phrase is looked up by, with their offsets in it: its one bigram when it has
 * two characters; else trigrams tiling it (0, 3, 6 … and the last three characters). With
 * positions, trigrams at those offsets pin every character, so a match is exact.
 */
export function lookupGrams(key: string): Array<{ gram: string; at: number }> {
  const chars = [...key];
  if (chars.length < 2) return [];
  if (chars.length === 2) return [{ gram: key, at: 0 }];
  const offsets: number[] = [];
  for (let k = 0; k + 3 <= chars.length; k += 3) offsets.push(k);
  if (offsets.at(-1) !== chars.length - 3) offsets.push(chars.length - 3);
  return offsets.map((at) => ({ gram: chars.slice(at, at + 3).join(""), at }));
}

/**
 * Every entry containing the phrase whose phrase key is `key`, by circular: doc → entry
 * offsets. Exact: a two-character phrase is its bigram; a longer one needs its trigrams at
 * the right distances. Returns null for phrases shorter than two characters (the index
 * cannot answer).
 */
export async function findPhrase(
  key: string,
  meta: Pick<PhraseMeta, "shards">,
  loadShard: (kind: GramKind, shard: number) => Promise<Record<string, string>>,
): Promise<Map<number, Set<number>> | null> {
  const grams = lookupGrams(key);
  if (grams.length === 0) return null;
  const kind: GramKind = [...grams[0]!.gram].length === 2 ? "bi" : "tri";
  const shards = await Promise.all(grams.map((g) => loadShard(kind, shardOf(g.gram, meta.shards[kind]))));
  const postings = grams.map((g, i) => {
    const encoded = shards[i]![g.gram];
    return encoded ? decodePostings(encoded) : new Map() as Postings;
  });
  const [first, ...rest] = postings.map((p, i) => ({ p, at: grams[i]!.at })).sort((a, b) => a.p.size - b.p.size);
  const out = new Map<number, Set<number>>();
  for (const [doc, entries] of first!.p) {
    for (const [entry, positions] of entries) {
      const others = rest.map((r) => ({ positions: r.p.get(doc)?.get(entry), at: r.at }));
      if (others.some((o) => !o.positions)) continue;
      // Bigram postings have no positions: the entry holds the phrase.
      const exact = kind === "bi" || positions.some((p) => {
        const start = p - first!.at;
        return others.every((o) => o.positions!.includes(start + o.at));
      });
      if (exact) {
        if (!out.has(doc)) out.set(doc, new Set());
        out.get(doc)!.add(entry);
      }
    }
  }
  return out;
}

/** One circular, as search results show it. */
export interface PhraseDoc {
  id: string;
  url: string;
  title: string;
  docNumber: string | null;
  date: string | null;
  place: string;
  /** Fragment ids of entries 1… (entry 0 is the header); "" for text outside numbered parts. */
  anchors: string[];
  /** Their labels for display: 二、（三）, 正文. */
  labels: string[];
}
