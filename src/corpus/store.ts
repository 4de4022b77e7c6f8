/**
 * The stored models (content/models, or INGEST_OUT): read and validated here, so a model
 * of another shape fails with its file named rather than as a crash in some page.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Circular, CircularMeta, formatError, validateModel } from "../model/circular.ts";
import { MODELS_DIR, PUBLISHED_IDS } from "../config/paths.ts";

const modelFiles = () => (existsSync(MODELS_DIR) ? readdirSync(MODELS_DIR).filter((f) => f.endsWith(".json") && !f.startsWith(".")).sort() : []);

/** The JSON of one model exactly as ingest wrote it (open data serves it as is). */
export function modelJson(id: string): string {
  return readFileSync(join(MODELS_DIR, `${id}.json`), "utf8");
}

function read<T>(schema: typeof Circular | typeof CircularMeta, file: string): T {
  const path = join(MODELS_DIR, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`${path}:1: not JSON: ${(e as Error).message}`);
  }
  const r = validateModel(schema, data, path);
  if (!r.ok) throw new Error(formatError(r.error));
  return r.value as T;
}

/**
 * Every stored model without its text (body, noise): what pages read. At 4,000 circulars
 * the text is a third of the build's memory, and no page shows it (the text is in the
 * sections and clauses).
 */
export function loadModels(): CircularMeta[] {
  return modelFiles().map((f) => read<CircularMeta>(CircularMeta, f));
}

/** One stored model, whole. */
export function loadModel(id: string): Circular {
  return read<Circular>(Circular, `${id}.json`);
}

/** Ids published by earlier builds, by source key (content/published-ids.json). */
export function publishedIds(): Record<string, string[]> {
  return existsSync(PUBLISHED_IDS) ? (JSON.parse(readFileSync(PUBLISHED_IDS, "utf8")) as { ids: Record<string, string[]> }).ids : {};
}
