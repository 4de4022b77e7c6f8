/**
 * Related clauses across the corpus without comparing all pairs: MinHash signatures of
 * each clause's bigram set, banded into LSH buckets; only clauses sharing a bucket are
 * scored exactly. Build cost grows near-linearly with the number of clauses.
 *
 * Bigrams are numbered once and each text kept as a sorted Int32Array, and each text keeps
 * only its best `top` neighbours: at 80,000 clauses, sets of strings and a map of every
 * scored pair were most of the build's memory.
 */
import { bigrams } from "../text/grams.ts";
import { phraseKey } from "../text/keys.ts";

export interface ClauseKey {
  docId: string;
  clauseId: string;
  text: string;
}

export interface Related {
  docId: string;
  clauseId: string;
  score: number;
}

// 24 bands of 2 rows: pairs at Jaccard 0.3 share a bucket with probability 0.90, at 0.2 with 0.62.
const HASHES = 48;
const BANDS = 24;
const ROWS = HASHES / BANDS;
const SEEDS = Array.from({ length: HASHES }, (_, k) => Math.imul(k + 1, 0x9e3779b1) >>> 0);

/** Below this many distinct texts every pair is scored: exact, and still cheap. */
const EXHAUSTIVE_UP_TO = 3000;

function mix(x: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function signature(ids: Int32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const id of ids) {
    for (let k = 0; k < HASHES; k++) {
      const v = mix(id, SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Jaccard of two sorted id arrays. */
export function jaccardSorted(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 1 : shared / union;
}

/** Keeps the best `top` (neighbour, score) pairs, best first. */
function offer(list: Array<[number, number]>, j: number, score: number, top: number): void {
  if (list.some(([x]) => x === j)) return;
  if (list.length === top && score <= list[top - 1]![1]) return;
  let at = list.findIndex(([, s]) => score > s);
  if (at < 0) at = list.length;
  list.splice(at, 0, [j, score]);
  if (list.length > top) list.pop();
}

/**
 * For each clause, the `top` most similar clauses of other circulars with Jaccard ≥ `min`.
 * Small corpora are scored exhaustively; larger ones through LSH buckets, where buckets
 * larger than `maxBucket` (boilerplate shared by very many clauses) are skipped.
 */
export function relatedClauses(input: ClauseKey[], top = 5, min = 0.1, maxBucket = 100, exhaustiveUpTo = EXHAUSTIVE_UP_TO): Map<string, Related[]> {
  // Circulars copy clauses word for word: score each distinct text once, then expand.
  const groups = new Map<string, ClauseKey[]>();
  for (const c of input) {
    const key = phraseKey(c.text);
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const dictionary = new Map<string, number>();
  const texts: Int32Array[] = [];
  const members: ClauseKey[][] = [];
  for (const [key, group] of groups) {
    const ids = new Set<number>();
    for (const g of bigrams(key)) {
      let id = dictionary.get(g);
      if (id === undefined) dictionary.set(g, (id = dictionary.size));
      ids.add(id);
    }
    texts.push(Int32Array.from(ids).sort());
    members.push(group);
  }
  // A text's neighbours: more than `top` so that copies in the same circular can be skipped.
  const keep = top * 2;
  const best: Array<Array<[number, number]>> = texts.map(() => []);
  const score = (i: number, j: number) => {
    const s = jaccardSorted(texts[i]!, texts[j]!);
    if (s < min) return;
    offer(best[i]!, j, s, keep);
    offer(best[j]!, i, s, keep);
  };
  if (texts.length <= exhaustiveUpTo) {
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) score(i, j);
  } else {
    const signatures: Array<Uint32Array | null> = texts.map((ids) => (ids.length < 4 ? null : signature(ids)));
    const buckets = new Map<string, { band: number; items: number[] }>();
    signatures.forEach((sig, i) => {
      if (!sig) return;
      for (let b = 0; b < BANDS; b++) {
        const key = `${b}:${sig[b * ROWS]}:${sig[b * ROWS + 1]}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.items.push(i);
        else buckets.set(key, { band: b, items: [i] });
      }
    });
    // A pair that shares several bands is scored in the first one only (no set of pairs:
    // at 200,000 clauses it would exceed what a Set can hold).
    const sharedEarlier = (x: Uint32Array, y: Uint32Array, band: number) => {
      for (let b = 0; b < band; b++) if (x[b * ROWS] === y[b * ROWS] && x[b * ROWS + 1] === y[b * ROWS + 1]) return true;
      return false;
    };
    for (const { band, items } of buckets.values()) {
      if (items.length < 2 || items.length > maxBucket) continue;
      for (let x = 0; x < items.length; x++) {
        for (let y = x + 1; y < items.length; y++) {
          const i = items[x]!;
          const j = items[y]!;
          if (!sharedEarlier(signatures[i]!, signatures[j]!, band)) score(i, j);
        }
      }
    }
  }
  const out = new Map<string, Related[]>();
  members.forEach((group, i) => {
    // Identical copies first (score 1), then the most similar distinct texts.
    const neighbours: Array<[number, number]> = [[i, 1], ...best[i]!];
    for (const c of group) {
      const list: Related[] = [];
      for (const [j, s] of neighbours) {
        for (const other of members[j]!) {
          if (other.docId === c.docId || list.length >= top) continue;
          list.push({ docId: other.docId, clauseId: other.clauseId, score: Math.round(s * 1000) / 1000 });
        }
        if (list.length >= top) break;
      }
      if (list.length) out.set(`${c.docId}#${c.clauseId}`, list);
    }
  });
  return out;
}

/**
 * Circulars most alike to each circular, from the related clauses: the summed similarity of
 * their related clause pairs over the circular's clause count. Reuses the clause-level
 * work, so it adds no pass over the corpus.
 */
export function similarCirculars(related: Map<string, Related[]>, clauseCounts: Map<string, number>, top = 5): Map<string, Related[]> {
  const sums = new Map<string, Map<string, number>>();
  for (const [key, list] of related) {
    const docId = key.slice(0, key.indexOf("#"));
    const m = sums.get(docId) ?? new Map<string, number>();
    for (const r of list) m.set(r.docId, (m.get(r.docId) ?? 0) + r.score);
    sums.set(docId, m);
  }
  const out = new Map<string, Related[]>();
  for (const [docId, m] of sums) {
    const n = clauseCounts.get(docId) ?? 1;
    out.set(docId, [...m].map(([other, sum]) => ({ docId: other, clauseId: "", score: Math.round((sum / n) * 1000) / 1000 })).sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId)).slice(0, top));
  }
  return out;
}
