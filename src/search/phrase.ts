/**
 * The exact-phrase index that closes Pagefind's recall gap: every character bigram of
 * every clause (and of each circular's header: title, 文号, issuers) maps to the entries
 * that contain it. A phrase of n ≥ 2 characters can only occur in an entry that holds
 * all its n−1 bigrams, so intersecting their postings finds every clause containing it.
 *
 * Shared by the build (which writes the files) and the browser (which reads them):
 * no Node APIs here.
 */

/** Matching form of text: half-width, lower case, no white space. */
export function normalizeForPhrase(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, "");
}

export function bigrams(normalized: string): string[] {
  const chars = [...normalized];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** FNV-1a over UTF-16 code units: the shard a bigram's postings live in. */
export function shardOf(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** Sorted entry numbers → "base36 deltas" joined by commas. */
export function encodePostings(sorted: number[]): string {
  let prev = 0;
  return sorted.map((n, i) => {
    const d = i === 0 ? n : n - prev;
    prev = n;
    return d.toString(36);
  }).join(",");
}

export function decodePostings(s: string): number[] {
  const out: number[] = [];
  let acc = 0;
  for (const part of s.split(",")) {
    acc += parseInt(part, 36);
    out.push(acc);
  }
  return out;
}

export function intersectSorted(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0]!;
  for (const list of sorted.slice(1)) {
    const set = new Set(list);
    result = result.filter((n) => set.has(n));
    if (result.length === 0) break;
  }
  return result;
}

/** The index's table of contents, loaded first. */
export interface PhraseMeta {
  version: 1;
  shards: number;
  /** Pagefind index folders: the first is loaded, the others merged into it. */
  pagefindBundles: string[];
  /** Entry number of each circular's header; its clauses follow it. */
  docStart: number[];
  /** Per circular: [province index, level index, year, genre index, topic bit mask]. */
  facets: Array<[number, number, number, number, number]>;
  provinces: string[];
  levels: string[];
  genres: string[];
  topics: string[];
}

/** One circular, as search results show it. */
export interface PhraseDoc {
  id: string;
  url: string;
  title: string;
  docNumber: string | null;
  date: string | null;
  place: string;
  /** Clause anchors in entry order (entry 0 is the header). */
  clauses: string[];
  /** Clause labels for display: 二、（三）. */
  labels: string[];
}

/** Entry number → (circular index, entry within it). */
export function locateEntry(meta: Pick<PhraseMeta, "docStart">, entry: number): { doc: number; offset: number } {
  let lo = 0;
  let hi = meta.docStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (meta.docStart[mid]! <= entry) lo = mid;
    else hi = mid - 1;
  }
  return { doc: lo, offset: entry - meta.docStart[lo]! };
}

/**
 * Finds the entries holding every bigram of `phrase`, given a way to fetch a shard.
 * Returns null for phrases shorter than two characters (the bigram index cannot answer).
 */
export async function findPhrase(
  phrase: string,
  meta: Pick<PhraseMeta, "shards">,
  loadShard: (shard: number) => Promise<Record<string, string>>,
): Promise<number[] | null> {
  const grams = [...new Set(bigrams(normalizeForPhrase(phrase)))];
  if (grams.length === 0) return null;
  const shards = await Promise.all(grams.map((g) => loadShard(shardOf(g, meta.shards))));
  const lists = grams.map((g, i) => {
    const encoded = shards[i]![g];
    return encoded ? decodePostings(encoded) : [];
  });
  return intersectSorted(lists);
}
