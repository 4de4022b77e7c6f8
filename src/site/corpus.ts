/**
 * The corpus as the site sees it: every model from content/models (or INGEST_OUT),
 * loaded once per build, with the cross-document index. Pages import from here.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Circular } from "../model/circular.ts";
import { MODELS_DIR } from "../config/paths.ts";
import { buildCorpusIndex, type CorpusIndex } from "../corpus/index.ts";

let index: CorpusIndex | null = null;

/** Every model ingest wrote. */
export function loadModels(): Circular[] {
  const files = existsSync(MODELS_DIR) ? readdirSync(MODELS_DIR).filter((f) => f.endsWith(".json") && !f.startsWith(".")) : [];
  return files.map((f) => JSON.parse(readFileSync(join(MODELS_DIR, f), "utf8")) as Circular);
}

export function corpus(): CorpusIndex {
  index ??= buildCorpusIndex(loadModels());
  return index;
}

export const allCirculars = (): Circular[] => corpus().docs;
export const circularById = (id: string): Circular | undefined => corpus().byId.get(id);
