/**
 * The library's bigram document frequencies, as a compact table the compare page loads:
 * the aligner weighs wording by how common it is across the whole library, not only in the
 * two documents compared. Bigrams in fewer than `minDf` clauses are left out (they weigh as
 * if in one clause): measured on the gold set, a table cut at 3 aligns exactly as the full
 * one at under half its size. Browser-safe.
 *
 * The counts behind the table (text/bigramCounts.ts) can be kept and updated: the derive
 * stage adds the clauses of new documents and takes away those of documents gone, instead of
 * counting 200,000 clauses again.
 */
import type { Idf, PhraseKey } from "./similarity.ts";
import { BIGRAM_PLANE as PLANE, countBigrams, type BigramCounts } from "../text/bigramCounts.ts";

export interface IdfTable {
  /** Number of clauses counted. */
  clauses: number;
  minDf: number;
  /** Document frequency → the bigrams with it, concatenated (each two code points). */
  byDf: Record<string, string>;
}

/** The table of the counts: bigrams in fewer than `minDf` clauses left out. */
export function idfTableOf(counts: BigramCounts, minDf = 3): IdfTable {
  const groups = new Map<number, string[]>();
  for (const [code, count] of counts.df) {
    if (count < minDf) continue;
    const g = String.fromCodePoint(Math.floor(code / PLANE), code % PLANE);
    const list = groups.get(count);
    if (list) list.push(g);
    else groups.set(count, [g]);
  }
  const byDf: Record<string, string> = {};
  for (const n of [...groups.keys()].sort((x, y) => x - y)) byDf[String(n)] = groups.get(n)!.sort().join("");
  return { clauses: counts.clauses, minDf, byDf };
}

/** The table of clause texts, each made a phrase key by `key`. */
export function buildIdfTable(texts: Iterable<string>, key: PhraseKey, minDf = 3): IdfTable {
  const keys = function* () {
    for (const t of texts) yield key(t);
  };
  return idfTableOf(countBigrams({ clauses: 0, df: new Map() }, keys()), minDf);
}

export function idfOf(table: IdfTable): Idf {
  const df = new Map<string, number>();
  for (const [n, grams] of Object.entries(table.byDf)) {
    const chars = [...grams];
    for (let i = 0; i + 1 < chars.length; i += 2) df.set(chars[i]! + chars[i + 1]!, Number(n));
  }
  return (g) => Math.log(1 + table.clauses / (df.get(g) ?? 1));
}
