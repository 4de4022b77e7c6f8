/** Where the pipeline reads and writes, relative to the project root. */
import { isAbsolute, join, resolve } from "node:path";

/**
 * npm scripts and vitest run from the project root; the build runs Astro from a folder of
 * its own and names the root in PROJECT_ROOT (src/library/build.ts). Astro bundles this
 * file, so no import.meta paths.
 */
export const ROOT = process.env.PROJECT_ROOT ?? process.cwd();
export const DEFAULT_CORPUS = join(ROOT, "content", "sources");
/** Where ingest writes and the site reads: INGEST_OUT=DIR (tests build elsewhere), else content/. */
export const CONTENT_OUT = process.env.INGEST_OUT ? resolve(process.env.INGEST_OUT) : join(ROOT, "content");
/**
 * Generated MDX, one per circular, for MDX sites and editors: this site draws its pages from the models
 * (astro.config.mjs).
 */
export const MDX_DIR = join(CONTENT_OUT, "circulars");
/** Generated document models (JSON), one per circular. */
export const MODELS_DIR = join(CONTENT_OUT, "models");
/** What ingest stored in a content folder: each model's source, correction and file (files.ts Manifest). */
export const manifestIn = (contentOut: string) => join(contentOut, "models", ".manifest.json");
export const MANIFEST = manifestIn(CONTENT_OUT);
/** What the derive stage computes across documents (related clauses, similar circulars, the IDF table). */
export const DERIVED_DIR = join(CONTENT_OUT, "derived");
/** The library's bigram document frequencies, served to the compare page as /data/idf.json. */
export const DERIVED_IDF = join(DERIVED_DIR, "idf.json");
/** What the site build leaves for the pipeline: the pages' fingerprints and this build's plan (site/renderPlan.ts). */
export const siteStateIn = (contentOut: string) => join(contentOut, "site-state");
/** The site build's plan: the pages it renders and those it deletes, written before it renders any. */
export const planFileIn = (contentOut: string) => join(siteStateIn(contentOut), "plan.json");
/** Editors' corrections, one YAML file per document id (OVERRIDES=DIR, else content/overrides). */
export const OVERRIDES_DIR = process.env.OVERRIDES
  ? resolve(process.env.OVERRIDES)
  : join(ROOT, "content", "overrides");
/** Ids published by earlier builds (kept as pages that send the reader on), by source key. */
export const PUBLISHED_IDS = join(ROOT, "content", "published-ids.json");

/** The folder of raw circulars: CORPUS=DIR, else the bundled seeds. */
export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.CORPUS;
  if (!dir) return DEFAULT_CORPUS;
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
}
