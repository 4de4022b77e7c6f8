/**
 * How alike two texts are, and which clauses of two circulars correspond. Text is
 * compared as the set of its character bigrams of its phrase key (text/normalize.ts, the
 * key search uses: a clause and its traditional-script twin have the same key), so
 * wording shared in any order counts and Chinese needs no word segmentation.
 * No Node APIs: the compare page runs this in the browser, with the keys it has loaded.
 */
import { diffArrays, diffChars } from "diff";
import { bigrams } from "../text/grams.ts";

/** The phrase key texts are compared by (Keys.phraseKey). */
export type PhraseKey = (text: string) => string;

export function shingles(text: string, key: PhraseKey): Set<string> {
  return new Set(bigrams(key(text)));
}

/** Jaccard similarity of two shingle sets: 1 for the same wording, near 0 for unrelated text. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

export interface AlignedPair {
  a: number;
  b: number;
  score: number;
}

export interface Alignment {
  pairs: AlignedPair[];
  unmatchedA: number[];
  unmatchedB: number[];
}

/** Inverse document frequency of a bigram (compare/idf.ts builds one from the whole library). */
export type Idf = (gram: string) => number;

/**
 * TF-IDF vectors of the texts' bigrams. IDF comes from the whole library when given —
 * wording every regulation uses (违反本条例, 县级以上) then weighs little even when the two
 * documents compared share it — else from the texts themselves.
 */
export function tfidfVectors(texts: string[], key: PhraseKey, idf?: Idf): Array<Map<string, number>> {
  const counts = texts.map((t) => {
    const m = new Map<string, number>();
    for (const g of bigrams(key(t))) m.set(g, (m.get(g) ?? 0) + 1);
    return m;
  });
  let weight = idf;
  if (!weight) {
    const df = new Map<string, number>();
    for (const m of counts) for (const g of m.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    weight = (g) => Math.log(1 + texts.length / df.get(g)!);
  }
  return counts.map((m) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [g, tf] of m) {
      const w = (1 + Math.log(tf)) * weight(g);
      v.set(g, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, w] of v) v.set(g, w / norm);
    return v;
  });
}

/** Cosine of two unit vectors. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [g, w] of small) dot += w * (large.get(g) ?? 0);
  return Math.min(1, dot);
}

export interface AlignOptions {
  idf?: Idf;
  /** Pairs at least this similar are taken on their own. */
  anchor?: number;
  /** Weaker pairs, down to this, are taken only with support from the documents' structure. */
  floor?: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Aligns clauses by content, not position (TF-IDF cosine of bigrams), each clause used once;
 * pairs come back in A's order. Pairs scoring `anchor` or more are taken, most similar first.
 * A weaker pair (down to `floor`) is taken only when the structure supports it: its
 * neighbours are aligned (clause i−1 with j−1, or i+1 with j+1: articles keep their order
 * around it), or each is the other's most similar clause. Measured against hand-labelled
 * article pairs (npm run eval-align), this keeps the pairs a reader would make and drops
 * those that only share boilerplate.
 */
export function alignClauses(a: string[], b: string[], key: PhraseKey, options: AlignOptions = {}): Alignment {
  const { idf, anchor = 0.2, floor = 0.12 } = options;
  const vectors = tfidfVectors([...a, ...b], key, idf);
  const vb = vectors.slice(a.length);
  const scores = vectors.slice(0, a.length).map((x) => vb.map((y) => cosine(x, y)));
  const bestOfA = scores.map((row) => row.indexOf(Math.max(...row)));
  const bestOfB = b.map((_, j) => scores.reduce((best, row, i) => (row[j]! > scores[best]![j]! ? i : best), 0));
  const byScore = (p: AlignedPair, q: AlignedPair) => q.score - p.score || p.a - q.a || p.b - q.b;
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const taken = new Set<string>();
  const pairs: AlignedPair[] = [];
  const take = (p: AlignedPair) => {
    usedA.add(p.a);
    usedB.add(p.b);
    taken.add(`${p.a},${p.b}`);
    pairs.push({ ...p, score: round3(p.score) });
  };
  const candidates = (supported: (i: number, j: number) => boolean, min: number) => {
    const out: AlignedPair[] = [];
    scores.forEach((row, i) =>
      row.forEach((score, j) => {
        if (score >= min && !usedA.has(i) && !usedB.has(j) && supported(i, j)) out.push({ a: i, b: j, score });
      }),
    );
    return out.sort(byScore);
  };
  for (const c of candidates(() => true, anchor)) if (!usedA.has(c.a) && !usedB.has(c.b)) take(c);
  // One supported pair at a time: each one taken can support its neighbours.
  const supported = (i: number, j: number) =>
    taken.has(`${i - 1},${j - 1}`) || taken.has(`${i + 1},${j + 1}`) || (bestOfA[i] === j && bestOfB[j] === i);
  for (let next = candidates(supported, floor)[0]; next; next = candidates(supported, floor)[0]) take(next);
  pairs.sort((p, q) => p.a - q.a);
  return {
    pairs,
    unmatchedA: a.map((_, i) => i).filter((i) => !usedA.has(i)),
    unmatchedB: b.map((_, j) => j).filter((j) => !usedB.has(j)),
  };
}

export interface Segment {
  text: string;
  shared: boolean;
}

/**
 * The two texts cut into runs of wording they share (runs of at least `minShared`
 * characters) and wording of their own — for highlighting side by side.
 */
export function sharedWording(a: string, b: string, minShared = 3): { a: Segment[]; b: Segment[] } {
  const outA: Segment[] = [];
  const outB: Segment[] = [];
  const push = (out: Segment[], text: string, shared: boolean) => {
    const last = out.at(-1);
    if (last && last.shared === shared) last.text += text;
    else if (text) out.push({ text, shared });
  };
  for (const part of diffChars(a, b)) {
    const shared = !part.added && !part.removed && [...part.value.replace(/\s/g, "")].length >= minShared;
    if (!part.added) push(outA, part.value, shared);
    if (!part.removed) push(outB, part.value, shared);
  }
  return { a: outA, b: outB };
}

/** Words of Chinese text (Intl.Segmenter), for word-level diffs. */
export function words(text: string): string[] {
  const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

export interface WordChange {
  value: string;
  kind: "same" | "added" | "removed";
}

/** Word-level changes from `before` to `after`. */
export function wordDiff(before: string, after: string): WordChange[] {
  return diffArrays(words(before), words(after)).map((p) => ({
    value: p.value.join(""),
    kind: p.added ? "added" : p.removed ? "removed" : "same",
  }));
}

export interface ClauseDiff {
  /** moved: aligned, but out of the order of the others (with word changes when changed too). */
  kind: "unchanged" | "changed" | "moved" | "removed" | "added";
  a: number | null;
  b: number | null;
  score: number | null;
  changes: WordChange[];
}

/** Indexes of the longest run of pairs whose B positions rise with their A positions. */
function inOrder(pairs: AlignedPair[]): Set<number> {
  // Patience sorting over the pairs (already in A's order) by B position.
  const tails: number[] = [];
  const prev: number[] = [];
  pairs.forEach((p, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]!.b < p.b) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const out = new Set<number>();
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k]!) out.add(k);
  return out;
}

/**
 * Clause-level diff of two versions: added, removed, changed (with word changes), moved,
 * unchanged. Clauses are paired by content, so an article renumbered by insertions before
 * it is unchanged or changed, never removed and added; one that left its place among the
 * others is moved.
 */
export function diffVersions(
  before: string[],
  after: string[],
  key: PhraseKey,
  options: AlignOptions = {},
): ClauseDiff[] {
  const { pairs, unmatchedA, unmatchedB } = alignClauses(before, after, key, options);
  const ordered = inOrder(pairs);
  const out: ClauseDiff[] = pairs.map((p, k) => {
    const same = key(before[p.a]!) === key(after[p.b]!);
    const kind = !ordered.has(k) ? "moved" : same ? "unchanged" : "changed";
    return { kind, a: p.a, b: p.b, score: p.score, changes: same ? [] : wordDiff(before[p.a]!, after[p.b]!) };
  });
  out.push(...unmatchedA.map((a) => ({ kind: "removed" as const, a, b: null, score: null, changes: [] })));
  out.push(...unmatchedB.map((b) => ({ kind: "added" as const, a: null, b, score: null, changes: [] })));
  // A removed clause stands just before where its successor went.
  const position = (d: ClauseDiff) => d.b ?? (pairs.find((p) => p.a > d.a!)?.b ?? after.length) - 0.5;
  return out.sort((x, y) => position(x) - position(y));
}
