/**
 * In how many phrase keys (clauses) each bigram of code points is: what the library's IDF
 * table (compare/idf.ts) is made of, kept by the derive stage from one build to the next
 * (corpus/keyedLibrary.ts). Browser-safe.
 */
/** In how many clauses each bigram is, a bigram being its two code points in one number. */
export interface BigramCounts {
  clauses: number;
  df: Map<number, number>;
}

/** A bigram is its first code point × this + its second. */
export const BIGRAM_PLANE = 0x110000;

/**
 * Counts the bigrams of each phrase key once (`step` 1), or takes them away (−1: the keys
 * must have been counted). Numbers, not strings and a set per clause: those took 10 s at
 * 200,000 clauses.
 */
export function countBigrams(counts: BigramCounts, keys: Iterable<string>, step: 1 | -1 = 1): BigramCounts {
  const { df } = counts;
  let codes = new Float64Array(256);
  for (const k of keys) {
    counts.clauses += step;
    if (k.length > codes.length) codes = new Float64Array(k.length * 2);
    let n = 0;
    let previous = -1;
    for (let i = 0; i < k.length; i++) {
      const cp = k.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (previous >= 0) codes[n++] = previous * BIGRAM_PLANE + cp;
      previous = cp;
    }
    const set = codes.subarray(0, n).sort();
    for (let i = 0; i < n; i++) {
      if (i > 0 && set[i] === set[i - 1]) continue;
      const count = (df.get(set[i]!) ?? 0) + step;
      if (count > 0) df.set(set[i]!, count);
      else df.delete(set[i]!);
    }
  }
  return counts;
}
