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

const modelFiles = () => (existsSync(MODELS_DIR) ? readdirSync(MODELS_DIR).filter((f) => f.endsWith(".json") && !f.startsWith(".")) : []);

/** The JSON of one model exactly as ingest wrote it (open data serves it as is). */
export function modelJson(id: string): string {
  return readFileSync(join(MODELS_DIR, `${id}.json`), "utf8");
}

/**
 * Every model ingest wrote. Pages never show the raw body or the chrome lines (the text is
 * in sections and clauses), so by default they are dropped on load: at 4,000 circulars
 * that is a third of the build's memory.
 */
export function loadModels(options: { full?: boolean } = {}): Circular[] {
  return modelFiles().map((f) => {
    const m = JSON.parse(readFileSync(join(MODELS_DIR, f), "utf8")) as Circular;
    return options.full ? m : { ...m, body: "", noise: [], bodyLineNumbers: [] };
  });
}

export function corpus(): CorpusIndex {
  index ??= buildCorpusIndex(loadModels());
  return index;
}

export const allCirculars = (): Circular[] => corpus().docs;
export const circularById = (id: string): Circular | undefined => corpus().byId.get(id);
