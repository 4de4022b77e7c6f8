/**
 * How good an alignment is against a hand-labelled gold set: precision over the pairs the
 * aligner proposes (a pair for an article the gold says has no counterpart is wrong),
 * recall over the articles that have one. Articles the labeller marked uncertain count
 * neither way.
 */
import type { Clause, SectionNode } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { alignClauses, type AlignedPair, type Idf, type PhraseKey } from "./similarity.ts";

export interface GoldSet {
  a: string;
  b: string;
  /** Article number of a → article numbers of b a reader would put beside it. */
  pairs: Record<string, number[]>;
  uncertain: number[];
}

export interface AlignScore {
  /** Gold articles (the recall denominator). */
  pairs: number;
  proposed: number;
  correct: number;
  precision: number;
  recall: number;
}

/** `articleA[i]` / `articleB[j]` are the article numbers of the aligned texts. */
export function scoreAlignment(
  gold: GoldSet,
  aligned: AlignedPair[],
  articleA: number[],
  articleB: number[],
): AlignScore {
  const uncertain = new Set(gold.uncertain);
  let proposed = 0;
  let correct = 0;
  for (const p of aligned) {
    const a = articleA[p.a]!;
    if (uncertain.has(a)) continue;
    proposed++;
    if (gold.pairs[String(a)]?.includes(articleB[p.b]!)) correct++;
  }
  const pairs = Object.keys(gold.pairs).length;
  return { pairs, proposed, correct, precision: ratio(correct, proposed), recall: ratio(correct, pairs) };
}

/** Scores of several sets pooled (micro-averaged). */
export function poolScores(scores: AlignScore[]): AlignScore {
  const sum = (k: "pairs" | "proposed" | "correct") => scores.reduce((s, x) => s + x[k], 0);
  const [pairs, proposed, correct] = [sum("pairs"), sum("proposed"), sum("correct")];
  return { pairs, proposed, correct, precision: ratio(correct, proposed), recall: ratio(correct, pairs) };
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

const articleNumber = (c: Pick<Clause, "id">) => Number(/^art(\d+)$/.exec(c.id)?.[1] ?? NaN);

/** Aligns each gold set's two documents (looked up by file name) and scores the result. */
export function evaluateGold(
  sets: GoldSet[],
  docOf: (name: string) => { sections: SectionNode[] },
  key: PhraseKey,
  idf?: Idf,
): Array<{ a: string; b: string } & AlignScore> {
  return sets.map((set) => {
    const [a, b] = [docOf(set.a), docOf(set.b)];
    const { pairs } = alignClauses(
      clausesOf(a).map((c) => c.text),
      clausesOf(b).map((c) => c.text),
      key,
      { idf },
    );
    return {
      a: set.a,
      b: set.b,
      ...scoreAlignment(set, pairs, clausesOf(a).map(articleNumber), clausesOf(b).map(articleNumber)),
    };
  });
}
