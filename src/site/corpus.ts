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
 * Waits for the mark a stage leaves when its outputs are written, named in `variable`. In an
 * incremental build the site build starts beside the facts and derive stages, so Astro's
 * start and loading the models are done while they run; a full build starts it after them.
 */
function waitForMark(variable: "FACTS_DONE" | "DERIVE_DONE"): void {
  const mark = process.env[variable];
  if (!mark) return;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(mark)) Atomics.wait(sleeper, 0, 0, 50);
}

/** Waits for the derive stage's outputs (related clauses, similar circulars, the idf table). */
export const deriveDone = (): void => waitForMark("DERIVE_DONE");

export function corpus(): CorpusIndex {
  index ??= buildCorpusIndex(
    loadModels(),
    publishedIds(),
    readDerived(undefined, { facts: () => waitForMark("FACTS_DONE"), derived: deriveDone }),
  );
  return index;
}

export const allCirculars = (): CircularMeta[] => corpus().docs;
export const circularById = (id: string): CircularMeta | undefined => corpus().byId.get(id);
