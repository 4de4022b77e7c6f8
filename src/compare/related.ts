/**
 * Related clauses across the corpus without comparing all pairs: MinHash signatures of
 * each clause's bigram set, banded into LSH buckets; only clauses sharing a bucket are
 * scored exactly. Build cost grows near-linearly with the number of clauses.
 */
import { jaccard, shingles } from "./similarity.ts";
import { normalizeForPhrase } from "../search/phrase.ts";

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

function hash32(s: string, seed: number): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

function signature(set: Set<string>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const g of set) {
    for (let k = 0; k < HASHES; k++) {
      const v = hash32(g, k * 0x9e3779b1);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Below this many clauses every pair is scored: exact, and still cheap (a few million pairs). */
const EXHAUSTIVE_UP_TO = 3000;

/**
 * For each clause, the `top` most similar clauses of other circulars with Jaccard ≥ `min`.
 * Small corpora are scored exhaustively; larger ones through LSH buckets, where buckets
 * larger than `maxBucket` (boilerplate shared by very many clauses) are skipped.
 */
export function relatedClauses(input: ClauseKey[], top = 5, min = 0.1, maxBucket = 200, exhaustiveUpTo = EXHAUSTIVE_UP_TO): Map<string, Related[]> {
  // Circulars copy clauses word for word: score each distinct text once, then expand.
  const groups = new Map<string, ClauseKey[]>();
  for (const c of input) {
    const key = normalizeForPhrase(c.text);
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const members = [...groups.values()];
  const clauses = members.map((g) => g[0]!);
  const sets = clauses.map((c) => shingles(c.text));
  const exhaustive = clauses.length <= exhaustiveUpTo;
  const buckets = new Map<string, number[]>();
  if (exhaustive) buckets.set("all", clauses.map((_, i) => i));
  else {
    clauses.forEach((_, i) => {
      if (sets[i]!.size < 4) return;
      const sig = signature(sets[i]!);
      for (let b = 0; b < BANDS; b++) {
        const key = `${b}:${Array.from(sig.subarray(b * ROWS, b * ROWS + ROWS)).join(",")}`;
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      }
    });
  }
  const best = new Map<number, Map<number, number>>();
  for (const list of buckets.values()) {
    if (list.length < 2 || (list.length > maxBucket && !exhaustive)) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x]!;
        const j = list[y]!;
        if (best.get(i)?.has(j)) continue;
        const score = jaccard(sets[i]!, sets[j]!);
        if (score < min) continue;
        for (const [p, q] of [[i, j], [j, i]] as const) {
          const m = best.get(p) ?? new Map<number, number>();
          m.set(q, score);
          best.set(p, m);
        }
      }
    }
  }
  const out = new Map<string, Related[]>();
  members.forEach((group, i) => {
    // Identical copies first (score 1), then the most similar distinct texts.
    const neighbours = [[i, 1] as const, ...[...(best.get(i) ?? new Map<number, number>())].sort((p, q) => q[1] - p[1] || p[0] - q[0])];
    for (const c of group) {
      const list: Related[] = [];
      for (const [j, score] of neighbours) {
        for (const other of members[j]!) {
          if (other.docId === c.docId || list.length >= top) continue;
          if (list.some((r) => r.docId === other.docId && r.clauseId === other.clauseId)) continue;
          list.push({ docId: other.docId, clauseId: other.clauseId, score: Math.round(score * 1000) / 1000 });
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
