/**
 * The library's bigram document frequencies, as a compact table the compare page loads:
 * the aligner weighs wording by how common it is across the whole library, not only in the
 * two documents compared. Bigrams in fewer than `minDf` clauses are left out (they weigh as
 * if in one clause): measured on the gold set, a table cut at 3 aligns exactly as the full
 * one at under half its size. Browser-safe.
 */
import { bigrams } from "../text/grams.ts";
import type { Idf, PhraseKey } from "./similarity.ts";

export interface IdfTable {
  /** Number of clauses counted. */
  clauses: number;
  minDf: number;
  /** Document frequency → the bigrams with it, concatenated (each two code points). */
  byDf: Record<string, string>;
}

export function buildIdfTable(texts: Iterable<string>, key: PhraseKey, minDf = 3): IdfTable {
  const df = new Map<string, number>();
  let clauses = 0;
  for (const t of texts) {
    clauses++;
    for (const g of new Set(bigrams(key(t)))) df.set(g, (df.get(g) ?? 0) + 1);
  }
  const groups = new Map<number, string[]>();
  for (const [g, n] of df) if (n >= minDf) groups.set(n, [...(groups.get(n) ?? []), g]);
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
