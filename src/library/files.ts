/**
 * The files the pipeline writes and reads again — its contracts. Each is a zod schema with
 * its read and write: a file of another shape (a partial write, an older layout, a hand
 * edit) fails with its path named, as a model does (store.ts), instead of as a crash in
 * some later stage. Inputs (sources, labels, YAML corrections) are read by their parsers.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { FactsInput, Validity } from "../model/circular.ts";
import type { DocFacts as OwnFacts, LibraryFacts } from "../corpus/derived.ts";

/** A file's size and time as it was written or checked: while they are so, it need not be read or checked again. */
export const FileRecord = z.object({ size: z.number(), mtimeMs: z.number() });
export type FileRecord = z.infer<typeof FileRecord>;

export function fileRecord(path: string): FileRecord {
  const { size, mtimeMs } = statSync(path);
  return { size, mtimeMs };
}

/** Whether a file is as `record` says it was written or checked (models by ingest, large JSON files, clauses.csv). */
export function asRecorded(path: string, record: FileRecord | null | undefined): boolean {
  if (!record) return false;
  const now = statSync(path, { throwIfNoEntry: false });
  return now?.size === record.size && now.mtimeMs === record.mtimeMs;
}

/** What ingest stored, by source file (models/.manifest.json). */
export const Manifest = z.object({
  /** A hash of the pipeline's code: a model made by other code is parsed again. */
  pipeline: z.string(),
  /**
   * Per source file: its hash, its document's id and date, the hash of the correction applied to it (if any), and its
   * model file's size and time.
   */
  files: z.record(
    z.string(),
    z.object({
      sha256: z.string(),
      id: z.string(),
      date: z.string().nullish(),
      override: z.string().nullish(),
      /** The model file as ingest last wrote or checked it: while it is so, the next ingest need not read it. */
      model: FileRecord.nullish(),
    }),
  ),
});
export type Manifest = z.infer<typeof Manifest>;

/** Ids published by earlier builds, by source key (content/published-ids.json). */
export const PublishedIds = z.object({ ids: z.record(z.string(), z.array(z.string())) });

const TopicMatch = z.object({ slug: z.string(), terms: z.array(z.string()) });
const UnitDepartment = z.object({
  slug: z.string(),
  anchor: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  unit: z.string(),
});
/** A document's own facts: its topics and its clauses' departments (derived/own/<id>.json). */
export const DocFacts: z.ZodType<OwnFacts> = z.object({
  topics: z.object({ primary: z.array(z.string()), mentioned: z.array(z.string()) }),
  clauseTopics: z.array(z.tuple([z.string(), z.array(TopicMatch)])),
  clauseDepartments: z.array(z.tuple([z.string(), z.array(UnitDepartment)])),
});
const Kind = z.object({
  slug: z.string(),
  name: z.string(),
  docIds: z.array(z.string()),
  baseline: z.string().nullable(),
  jurisdictionCount: z.number().int(),
});
/**
 * The facts stage's file (derived/facts.json): the facts that rest on the library (时效性 as of a
 * date, versions, kinds), and what each document's own facts were made from — the pipeline's
 * code and its source (store.ts sourceHashes) — with its file as written. Own facts are a
 * file per document: a build writes only those of documents whose source changed (written
 * whole, they were 126 MB at 10,000 documents, and most of the stage's time).
 */
export const FactsFile = z.object({
  asOf: z.string(),
  validity: z.record(z.string(), Validity),
  versions: z.array(z.array(z.string())),
  kinds: z.array(Kind),
  madeFrom: z.object({ code: z.string(), sources: z.record(z.string(), z.string()) }).nullable(),
  own: z.record(z.string(), FileRecord),
}) satisfies z.ZodType<LibraryFacts>;
export type FactsFile = z.infer<typeof FactsFile>;

/**
 * The facts stage's inputs (derived/facts-inputs.json): what the library's facts read of each
 * document (model/circular.ts FactsInput) with the source it was read from, by id, as the
 * pipeline's code `code` read them. A rebuild reads only the models whose source changed.
 */
export const FactsInputsFile = z.object({
  code: z.string(),
  docs: z.record(z.string(), z.tuple([z.string(), FactsInput])),
});
export type FactsInputsFile = z.infer<typeof FactsInputsFile>;

/**
 * The derive stage's keyed library (corpus/keyedLibrary.ts; derived/keys.json): each
 * document's source and its clauses as [clause id, length of its phrase key], and the bigram
 * counts of them all, the bigrams (two code points in one number) and their counts as base64
 * of a Float64Array and a Uint32Array. The keys themselves are one text, in that order
 * (derived/keys.txt, as `keys` records it): as JSON strings they were 116 MB at 10,000
 * documents, three seconds of each derive to read and write.
 */
export const KeyedLibraryFile = z.object({
  code: z.string(),
  docs: z.array(z.tuple([z.string(), z.string(), z.array(z.tuple([z.string(), z.number().int()]))])),
  counts: z.object({ clauses: z.number().int(), bigrams: z.base64(), df: z.base64() }),
  keys: FileRecord,
});
export type KeyedLibraryFile = z.infer<typeof KeyedLibraryFile>;

/** Related clauses or similar circulars as [docId, clauseId, score] triples, by clause or document (derived/). */
export const RelatedTriples = z.record(z.string(), z.array(z.tuple([z.string(), z.string(), z.number()])));
export type RelatedTriples = z.infer<typeof RelatedTriples>;

/** Each document's related clauses in short, [hash, the documents they name] by id (derived/related-summaries.json). */
export const RelatedSummaries = z.record(z.string(), z.tuple([z.string(), z.array(z.string())]));
export type RelatedSummaries = z.infer<typeof RelatedSummaries>;

/**
 * A short hash per rule of a page's inputs; for `neighbours`, the places in the build's card table of the documents the
 * page names (site/pagePlan.ts).
 */
export const Fingerprints = z.object({
  text: z.string().optional(),
  validity: z.string().optional(),
  links: z.string().optional(),
  members: z.string().optional(),
  neighbours: z.array(z.number().int()).optional(),
});
export type Fingerprints = z.infer<typeof Fingerprints>;

/**
 * The fingerprints of every page of a build, by page key, and the card of every document a page names, as [id, hash]
 * (site-state/pages.json).
 */
export const PageStates = z.object({
  cards: z.array(z.tuple([z.string(), z.string()])),
  pages: z.record(z.string(), Fingerprints),
});
export type PageStates = z.infer<typeof PageStates>;

/** What a site build rendered and what it deleted (site-state/plan.json). */
export const PagePlanFile = z.object({
  incremental: z.boolean(),
  render: z.array(z.string()),
  removed: z.array(z.string()),
  pages: z.number(),
});
export type PagePlanFile = z.infer<typeof PagePlanFile>;

/** The files (under dist/) the page of a page key (site/pagePlan.ts) writes: what a removed page leaves to delete. */
export function outputFiles(key: string): string[] {
  const [kind, name] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  switch (kind) {
    case "doc":
    case "moved":
      return [`circulars/${name}/index.html`];
    case "data":
      return [`data/circulars/${name}.json`];
    case "source":
      return [`data/sources/${name}.txt`];
    case "topic":
      return [`topics/${name}/index.html`];
    case "region":
      return [`regions/${name}/index.html`];
    case "year":
      return [`years/${name}/index.html`];
    case "dept":
      return [`departments/${name}/index.html`];
    case "kind":
      return [`kinds/${name}/index.html`];
    default:
      throw new Error(`page plan: unknown page key ${key}`);
  }
}

/**
 * Where each document's rows are in the last data/clauses.csv (exports-state/clauses.json): what the rows were made
 * with (the code, the site's address), and per document in the file's order its id, its source (store.ts
 * sourceHashes), and its rows' first byte and length.
 */
export const ClausesCsvParts = z.object({
  madeWith: z.string(),
  parts: z.array(z.tuple([z.string(), z.string(), z.number().int(), z.number().int()])),
});
export type ClausesCsvParts = z.infer<typeof ClausesCsvParts>;
/** The parts, and the file as it was written: a file changed since is not copied from. */
export const ClausesCsvState = ClausesCsvParts.extend({ file: FileRecord });

/** The code, the inputs and the dist/ of the last build that succeeded (site-state/build.json). */
export const BuildRecord = z.object({
  code: z.string(),
  dist: z.string(),
  /** What the stages after ingest read besides the code (build.ts inputsHash); none in a record of older code. */
  inputs: z.string().optional(),
});

/**
 * A Pagefind bundle: its folder under the site root (trailing slash) and the ids of the circulars it indexes, sorted.
 */
export const PagefindBundle = z.object({ folder: z.string(), ids: z.array(z.string()) });
export type PagefindBundle = z.infer<typeof PagefindBundle>;
export const PagefindBundles = z.array(PagefindBundle);

/** One circular's record for Pagefind (search-cache/records.jsonl, one per line). */
export const PagefindRecord = z.object({
  url: z.string(),
  content: z.string(),
  language: z.literal("zh-cn"),
  meta: z.record(z.string(), z.string()),
  filters: z.record(z.string(), z.array(z.string())),
  sort: z.record(z.string(), z.string()),
});
export type PagefindRecord = z.infer<typeof PagefindRecord>;

function check<T>(schema: z.ZodType<T>, data: unknown, where: string): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${where}: not the expected file: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return r.data;
}

/** Parses and checks JSON the pipeline wrote; `where` (a path and line) begins an error's message. */
export function parseJson<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${where}: not JSON: ${(e as Error).message}`);
  }
  return check(schema, data, where);
}

/**
 * A text file's content. Node 24's `readFileSync(path, "utf8")` decodes Chinese text ten
 * times slower than reading the bytes and decoding them: the 10,009 models of the bench
 * library took 3.0 s against 0.3 s, facts.json 0.84 s against 0.33 s. Same string.
 */
export const readUtf8 = (path: string): string => readFileSync(path).toString("utf8");

/**
 * A file this large is checked once, when it is written: a note beside it (`<file>.checked`)
 * records its size and time and its schema's hash, and while all three are so a read parses
 * it without checking it again. Checking facts.json of 10,000 documents took 1.4–1.8 s in
 * each stage that read it. A file changed since (by hand, by a partial write, by other code
 * of another schema) is checked as any other.
 */
const CHECKED_ONCE_BYTES = 1 << 20;
const checkedNote = (path: string) => `${path}.checked`;
const CheckedNote = FileRecord.extend({ schema: z.string() });

const schemaHashes = new WeakMap<z.ZodType, string | null>();
/** A hash of what the schema accepts; null where JSON Schema cannot say (a transform): its files are always checked. */
function schemaHash(schema: z.ZodType): string | null {
  let hash = schemaHashes.get(schema);
  if (hash === undefined) {
    try {
      hash = createHash("sha256")
        .update(JSON.stringify(z.toJSONSchema(schema)))
        .digest("hex");
    } catch {
      hash = null;
    }
    schemaHashes.set(schema, hash);
  }
  return hash;
}

/** Whether the file is as it was written and checked, against the same schema. */
function checkedAsIs(schema: z.ZodType, path: string): boolean {
  let note: unknown;
  try {
    note = JSON.parse(readFileSync(checkedNote(path), "utf8"));
  } catch {
    return false;
  }
  const n = CheckedNote.safeParse(note);
  return n.success && n.data.schema === schemaHash(schema) && asRecorded(path, n.data);
}

/** Reads and checks a JSON file the pipeline wrote (a large one only if changed since it was written). */
export function readJsonFile<T>(schema: z.ZodType<T>, path: string): T {
  const text = readUtf8(path);
  const where = `${path}:1`;
  if (text.length >= CHECKED_ONCE_BYTES && checkedAsIs(schema, path)) return parseJson(z.unknown(), text, where) as T;
  return parseJson(schema, text, where);
}

/** The file read and checked, or `fallback` when there is none. */
export function readJsonFileOr<T>(schema: z.ZodType<T>, path: string, fallback: T): T {
  return existsSync(path) ? readJsonFile(schema, path) : fallback;
}

/**
 * Writes a value as JSON, checked first: the pipeline never writes a file it could not read
 * back. What is written is the checked value, so that a read that trusts the file gets what a
 * read that checks it would.
 */
export function writeJsonFile<T>(schema: z.ZodType<T>, path: string, value: T, indent?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const text = JSON.stringify(check(schema, value, path), null, indent);
  rmSync(checkedNote(path), { force: true });
  writeFileSync(path, text);
  const schemaId = text.length < CHECKED_ONCE_BYTES ? null : schemaHash(schema);
  if (schemaId === null) return;
  writeFileSync(checkedNote(path), JSON.stringify({ ...fileRecord(path), schema: schemaId }));
}

/** Renames a file the pipeline wrote, with the note that it was checked. */
export function renameJsonFile(from: string, to: string): void {
  rmSync(checkedNote(to), { force: true });
  renameSync(from, to);
  if (existsSync(checkedNote(from))) renameSync(checkedNote(from), checkedNote(to));
}

/** Reads and checks a file of one JSON value per line; an error names the line. */
export function readJsonLines<T>(schema: z.ZodType<T>, path: string): T[] {
  const out: T[] = [];
  readUtf8(path)
    .split("\n")
    .forEach((line, i) => {
      if (line) out.push(parseJson(schema, line, `${path}:${i + 1}`));
    });
  return out;
}
