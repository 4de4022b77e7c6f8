/**
 * The corpus as the site sees it: every stored model (without its text), loaded and
 * validated once per build, with the cross-document index and the related clauses the
 * derive stage stored. Pages import from here.
 */
import { existsSync } from "node:fs";
import type { CircularMeta } from "../model/circular.ts";
import { buildCorpusIndex, type CorpusIndex } from "../corpus/index.ts";
import { loadModels, publishedIds } from "../library/store.ts";
import { readDerived } from "../library/derived.ts";

let index: CorpusIndex | null = null;

/**
 * Waits for the derive stage: the build starts the site build beside it, once the facts are
 * stored, and names in DERIVE_DONE the mark derive leaves when its outputs are written. So
 * Astro's start, loading the models and indexing them are done while derive runs.
 */
export function deriveDone(): void {
  const mark = process.env.DERIVE_DONE;
  if (!mark) return;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(mark)) Atomics.wait(sleeper, 0, 0, 50);
}

export function corpus(): CorpusIndex {
  index ??= buildCorpusIndex(loadModels(), publishedIds(), readDerived(undefined, deriveDone));
  return index;
}

export const allCirculars = (): CircularMeta[] => corpus().docs;
export const circularById = (id: string): CircularMeta | undefined => corpus().byId.get(id);
