/**
 * The corpus as the site sees it: every stored model (without its text), loaded and
 * validated once per build, with the cross-document index and the related clauses the
 * derive stage stored. Pages import from here.
 */
import type { CircularMeta } from "../model/circular.ts";
import { buildCorpusIndex, type CorpusIndex } from "../corpus/index.ts";
import { loadModels, publishedIds } from "../library/store.ts";
import { readDerived } from "../library/derived.ts";

let index: CorpusIndex | null = null;

export function corpus(): CorpusIndex {
  index ??= buildCorpusIndex(loadModels(), publishedIds(), readDerived());
  return index;
}

export const allCirculars = (): CircularMeta[] => corpus().docs;
export const circularById = (id: string): CircularMeta | undefined => corpus().byId.get(id);
