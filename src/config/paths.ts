/** Where the pipeline reads and writes, relative to the project root. */
import { isAbsolute, join, resolve } from "node:path";

/** npm scripts, vitest and Astro all run from the project root (Astro bundles this file, so no import.meta paths). */
export const ROOT = process.cwd();
export const DEFAULT_CORPUS = join(ROOT, "content", "sources");
/** Generated MDX, one per circular: the content collection the site reads. */
export const MDX_DIR = join(ROOT, "content", "circulars");
/** Generated document models (JSON), one per circular. */
export const MODELS_DIR = join(ROOT, "content", "models");
export const MANIFEST = join(ROOT, "content", "models", ".manifest.json");

/** The folder of raw circulars: CORPUS=DIR, else the bundled seeds. */
export function corpusDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.CORPUS;
  if (!dir) return DEFAULT_CORPUS;
  return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
}
