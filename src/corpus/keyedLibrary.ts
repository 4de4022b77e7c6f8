/**
 * What the derive stage reads of the library: each document's clauses as phrase keys, and
 * the bigram counts of all of them (text/bigramCounts.ts, for the IDF table). Kept from one
 * build to the next (KeyedLibrary), so a build makes keys only for the documents whose source changed, and
 * updates the counts by those documents alone: at 10,000 circulars, loading every model,
 * making 200,000 keys and counting their bigrams again was most of the stage.
 *
 * A kept entry is used only when the library was keyed by the same code (the pipeline's
 * hash, as for the facts) and the document's source (file and correction) is the same:
 * then its model, and so its clauses, are the same.
 */
import { countBigrams, type BigramCounts } from "../text/bigramCounts.ts";
import { phraseKey } from "../text/keys.ts";

/** A document's clauses as [clause id, phrase key], in order. */
export type KeyedClauses = Array<[string, string]>;

export interface KeyedLibrary {
  /** The pipeline's code the keys were made by. */
  code: string;
  /** By document id: its source hash and its keyed clauses. */
  docs: Map<string, { source: string; clauses: KeyedClauses }>;
  /** The bigram counts of every clause of `docs`. */
  counts: BigramCounts;
}

const keysOf = (clauses: KeyedClauses) => clauses.map(([, key]) => key);

export interface KeyingInput {
  /** The library's documents, in the order derive reads them. */
  ids: string[];
  /** A document's source hash (null: unknown, so made again). */
  sourceOf: (id: string) => string | null;
  /** A document's clauses, from its model: called only for documents not kept. */
  clausesOf: (id: string) => Array<{ id: string; text: string }>;
  /** The pipeline's code (null: nothing is kept from `previous`). */
  code: string | null;
  previous: KeyedLibrary | null;
}

const sameClauses = (a: KeyedClauses, b: KeyedClauses) =>
  a.length === b.length && a.every(([id, key], i) => b[i]![0] === id && b[i]![1] === key);

/**
 * The library keyed: kept entries where their source is the same, the others made, and the
 * counts updated by the documents gone, changed and new (or counted whole without a usable
 * `previous`). `previous` is consumed: its counts are updated in place. `unchanged`: the
 * documents, their order and their keyed clauses are `previous`'s (sources may differ: a
 * corrected title or date changes no clause), so what is derived from them is too.
 * `fromPrevious`: `previous` was used (the same code keyed it).
 */
export function keyLibrary(input: KeyingInput, key: (text: string) => string = phraseKey) {
  const { ids, sourceOf, code, previous } = input;
  const usable = code !== null && previous?.code === code ? previous : null;
  const counts: BigramCounts = usable?.counts ?? { clauses: 0, df: new Map() };
  const docs: KeyedLibrary["docs"] = new Map();
  // Clauses are copied word for word between circulars: each text's key is made once.
  const keys = new Map<string, string>();
  const keyOf = (text: string) => keys.get(text) ?? keys.set(text, key(text)).get(text)!;
  let kept = 0;
  const order = [...(usable?.docs.keys() ?? [])];
  let unchanged = usable !== null && order.length === ids.length;
  for (const [i, id] of ids.entries()) {
    const source = sourceOf(id);
    const was = usable?.docs.get(id);
    if (order[i] !== id) unchanged = false;
    if (was && source !== null && was.source === source) {
      docs.set(id, was);
      kept++;
      continue;
    }
    const clauses = input.clausesOf(id).map((c): [string, string] => [c.id, keyOf(c.text)]);
    if (!was || !sameClauses(was.clauses, clauses)) unchanged = false;
    docs.set(id, { source: source ?? "", clauses });
    if (was) countBigrams(counts, keysOf(was.clauses), -1);
    countBigrams(counts, keysOf(clauses));
  }
  if (usable) for (const [id, was] of usable.docs) if (!docs.has(id)) countBigrams(counts, keysOf(was.clauses), -1);
  return {
    library: { code: code ?? "", docs, counts } satisfies KeyedLibrary,
    kept,
    unchanged,
    fromPrevious: usable !== null,
  };
}
