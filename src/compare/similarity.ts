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

/**
 * TF-IDF vectors of the texts' bigrams, IDF taken over the texts themselves: wording every
 * clause uses (安全, 加强) weighs little, wording two clauses share alone weighs much.
 */
export function tfidfVectors(texts: string[], key: PhraseKey): Array<Map<string, number>> {
  const counts = texts.map((t) => {
    const m = new Map<string, number>();
    for (const g of bigrams(key(t))) m.set(g, (m.get(g) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of counts) for (const g of m.keys()) df.set(g, (df.get(g) ?? 0) + 1);
  return counts.map((m) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [g, tf] of m) {
      const w = (1 + Math.log(tf)) * Math.log(1 + texts.length / df.get(g)!);
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

/**
 * Aligns clauses by content, not position (TF-IDF cosine of bigrams): the most similar
 * pairs first, each clause used once, pairs under `threshold` left unmatched. Pairs come
 * back in A's order.
 */
export function alignClauses(a: string[], b: string[], key: PhraseKey, threshold = 0.08): Alignment {
  const vectors = tfidfVectors([...a, ...b], key);
  const va = vectors.slice(0, a.length);
  const vb = vectors.slice(a.length);
  const candidates: AlignedPair[] = [];
  va.forEach((x, i) => vb.forEach((y, j) => {
    const score = cosine(x, y);
    if (score >= threshold) candidates.push({ a: i, b: j, score: Math.round(score * 1000) / 1000 });
  }));
  candidates.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
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
  kind: "unchanged" | "changed" | "removed" | "added";
  a: number | null;
  b: number | null;
  score: number | null;
  changes: WordChange[];
}

/** Clause-level diff of two versions of a series: added, removed, changed (with word changes), unchanged. */
export function diffVersions(before: string[], after: string[], key: PhraseKey, threshold = 0.3): ClauseDiff[] {
  const { pairs, unmatchedA, unmatchedB } = alignClauses(before, after, key, threshold);
  const out: ClauseDiff[] = pairs.map((p) => {
    const same = key(before[p.a]!) === key(after[p.b]!);
    return { kind: same ? "unchanged" : "changed", a: p.a, b: p.b, score: p.score, changes: same ? [] : wordDiff(before[p.a]!, after[p.b]!) };
  });
  out.push(...unmatchedA.map((a) => ({ kind: "removed" as const, a, b: null, score: null, changes: [] })));
  out.push(...unmatchedB.map((b) => ({ kind: "added" as const, a: null, b, score: null, changes: [] })));
  const position = (d: ClauseDiff) => (d.b ?? (pairs.find((p) => p.a > (d.a ?? 0))?.b ?? after.length) - 0.5);
  return out.sort((x, y) => position(x) - position(y));
}
