/**
 * The library's bigram document frequencies, as a compact table the compare page loads:
 * the aligner weighs wording by how common it is across the whole library, not only in the
 * two documents compared. Bigrams in fewer than `minDf` clauses are left out (they weigh as
 * if in one clause): measured on the gold set, a table cut at 3 aligns exactly as the full
 * one at under half its size. Browser-safe.
 */
import type { Idf, PhraseKey } from "./similarity.ts";

export interface IdfTable {
  /** Number of clauses counted. */
  clauses: number;
  minDf: number;
  /** Document frequency → the bigrams with it, concatenated (each two code points). */
  byDf: Record<string, string>;
}

export function buildIdfTable(texts: Iterable<string>, key: PhraseKey, minDf = 3): IdfTable {
  // Bigrams of code points counted as numbers, once per clause: strings and a set per
  // clause took 10 s at 200,000 clauses.
  const PLANE = 0x110000;
  const df = new Map<number, number>();
  let clauses = 0;
  let codes = new Float64Array(256);
  for (const t of texts) {
    clauses++;
    const k = key(t);
    if (k.length > codes.length) codes = new Float64Array(k.length * 2);
    let n = 0;
    let previous = -1;
    for (let i = 0; i < k.length; i++) {
      const cp = k.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (previous >= 0) codes[n++] = previous * PLANE + cp;
      previous = cp;
    }
    const set = codes.subarray(0, n).sort();
    for (let i = 0; i < n; i++) if (i === 0 || set[i] !== set[i - 1]) df.set(set[i]!, (df.get(set[i]!) ?? 0) + 1);
  }
  const groups = new Map<number, string[]>();
  for (const [code, count] of df) {
    if (count < minDf) continue;
    const g = String.fromCodePoint(Math.floor(code / PLANE), code % PLANE);
    const list = groups.get(count);
    if (list) list.push(g);
    else groups.set(count, [g]);
  }
  const byDf: Record<string, string> = {};
  for (const n of [...groups.keys()].sort((x, y) => x - y)) byDf[String(n)] = groups.get(n)!.sort().join("");
  return { clauses, minDf, byDf };
}

export function idfOf(table: IdfTable): Idf {
  const df = new Map<string, number>();
  for (const [n, grams] of Object.entries(table.byDf)) {
    const chars = [...grams];
    for (let i = 0; i + 1 < chars.length; i += 2) df.set(chars[i]! + chars[i + 1]!, Number(n));
  }
  return (g) => Math.log(1 + table.clauses / (df.get(g) ?? 1));
}
