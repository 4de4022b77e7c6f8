/**
 * The stored models (content/models, or INGEST_OUT): read here, and validated unless the file
 * is as ingest left it, so a model of another shape fails with its file named rather than as
 * a crash in some page.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Circular, CircularMeta, formatError, validateModel } from "../model/circular.ts";
import type { z } from "zod";
import { MANIFEST, MODELS_DIR, PUBLISHED_IDS } from "../config/paths.ts";
import {
  type FileRecord,
  Manifest,
  PublishedIds,
  asRecorded,
  readJsonFileOr,
  readUtf8,
  writeJsonFile,
} from "./files.ts";

export type { Manifest };

const modelFiles = () =>
  existsSync(MODELS_DIR)
    ? readdirSync(MODELS_DIR)
        .filter((f) => f.endsWith(".json") && !f.startsWith("."))
        .sort()
    : [];

/** What ingest stored (files.ts Manifest); an empty one before the first ingest. */
export function readManifest(): Manifest {
  return readJsonFileOr(Manifest, MANIFEST, { pipeline: "", files: {} });
}

export function writeManifest(manifest: Manifest): void {
  writeJsonFile(Manifest, MANIFEST, manifest, 1);
}

/**
 * The stored documents oldest first (by date, then id), from the manifest alone: a stage
 * that reads each model whole, one at a time, needs no pass over them all first.
 */
export function oldestFirst(): string[] {
  return Object.values(readManifest().files)
    .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id))
    .map((f) => f.id);
}

/**
 * One model's JSON as ingest wrote it, its fields in their order (open data serves it so,
 * with what the library adds). Not checked again: loadModels checked every stored model.
 */
export function modelRecord(id: string): Circular & Record<string, unknown> {
  return JSON.parse(readUtf8(join(MODELS_DIR, `${id}.json`))) as Circular & Record<string, unknown>;
}

/** A stored model, or null when it is unreadable or of another shape (ingest parses its source again). */
export function storedModel(id: string): Circular | null {
  try {
    return loadModel(id);
  } catch {
    return null;
  }
}

/**
 * A stored model that is read only when something other than its id, date and source file and
 * hash is asked of it (those come from the manifest): ingest passes over 10,000 unchanged
 * models, and reading and checking them was most of its time. Spreading it, or serialising
 * it, reads it whole; a model found unreadable then is an error naming its file.
 */
export function lazyStoredModel(
  known: Pick<Circular, "id" | "date"> & { source: Pick<Circular["source"], "file" | "sha256"> },
): Circular {
  let whole: Circular | null = null;
  const load = (): Circular => (whole ??= loadModel(known.id));
  return new Proxy({} as Circular, {
    get: (_, key) =>
      !whole && typeof key === "string" && key in known ? known[key as keyof typeof known] : Reflect.get(load(), key),
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(load(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/**
 * Each model file's size and time as ingest wrote or checked it, by id (the manifest). A
 * record is only ever of a file that was checked, so one kept from an older manifest is
 * still true of any file that matches it.
 */
let recorded: Map<string, FileRecord> | null = null;

const asIngestLeftIt = (id: string, path: string): boolean => {
  recorded ??= new Map(Object.values(readManifest().files).flatMap((f) => (f.model ? [[f.id, f.model]] : [])));
  return asRecorded(path, recorded.get(id));
};

/**
 * A stored model read with `schema`. Ingest checks every model it makes (ingestCorpus.ts
 * parseChecked), so a file as it left it is only cut to the schema's fields (a deep check of
 * 10,000 models took seconds in each stage that reads them); any other file is checked, and
 * one of another shape fails with its path named.
 */
function read<T>(schema: z.ZodObject, id: string): T {
  const path = join(MODELS_DIR, `${id}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readUtf8(path));
  } catch (e) {
    throw new Error(`${path}:1: not JSON: ${(e as Error).message}`);
  }
  if (data && typeof data === "object" && asIngestLeftIt(id, path)) {
    const fields = data as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(schema.shape)
        .filter((k) => k in fields)
        .map((k) => [k, fields[k]]),
    ) as T;
  }
  const r = validateModel(schema as z.ZodType<T>, data, path);
  if (!r.ok) throw new Error(formatError(r.error));
  return r.value;
}

/**
 * Every stored model without its text (body, noise): what pages read. At 4,000 circulars
 * the text is a third of the build's memory, and no page shows it (the text is in the
 * sections and clauses).
 */
export function loadModels(): CircularMeta[] {
  return storedIds().map(loadMeta);
}

/** The stored documents' ids, in the order loadModels reads them. */
export function storedIds(): string[] {
  return modelFiles().map((f) => f.slice(0, -".json".length));
}

/** One stored model without its text. */
export function loadMeta(id: string): CircularMeta {
  return read<CircularMeta>(CircularMeta, id);
}

/** What a page needs beyond the metadata to show the whole text: checked alone, it costs little. */
const BodyOnly = Circular.pick({ id: true, body: true, bodyLineNumbers: true });

/** One model's body and its line numbers. */
export function loadBody(id: string): { id: string; body: string; bodyLineNumbers: number[] } {
  return read(BodyOnly, id);
}

/** One stored model, whole. */
export function loadModel(id: string): Circular {
  return read<Circular>(Circular, id);
}

/** Ids published by earlier builds, by source key (content/published-ids.json). */
export function publishedIds(): Record<string, string[]> {
  return readJsonFileOr(PublishedIds, PUBLISHED_IDS, { ids: {} }).ids;
}

/** Each document's source hash and correction, by id (from the manifest): what its model is made from. */
export function sourceHashes(manifest = readManifest()): Map<string, string> {
  return new Map(Object.values(manifest.files).map((f) => [f.id, `${f.sha256}:${f.override ?? ""}`]));
}
