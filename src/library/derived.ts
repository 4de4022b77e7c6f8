/**
 * The derive and facts stages' files (derived/ beside the models). Related clauses are
 * stored a document at a time (derived/related/<id>.json): a page reads its own, and the
 * site build does not hold the library's million pairs. The computation's state is kept
 * too (derived/related.state, binary), so the next build scores only what changed
 * (corpus/related.ts). Each document's own facts are a file of their own too
 * (derived/own/<id>.json), beside the library's (derived/facts.json).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { DERIVED_DIR, DERIVED_IDF } from "../config/paths.ts";
import {
  byDocument,
  relatedSummary,
  relatedTriples,
  type DocFacts,
  type Derivation,
  type Derived,
  type DocumentFacts,
  type LibraryFacts,
} from "../corpus/derived.ts";
import { SIGNATURE_LENGTH, type Related, type RelatedState } from "../corpus/related.ts";
import { z } from "zod";
import {
  DocFacts as DocFactsFile,
  FactsFile,
  FactsInputsFile,
  KeyedLibraryFile,
  RelatedSummaries,
  RelatedTriples,
  readJsonFile,
  readJsonFileOr,
  asRecorded,
  fileRecord,
  parseJson,
  readUtf8,
  writeJsonFile,
} from "./files.ts";
import type { KeyedLibrary } from "../corpus/keyedLibrary.ts";
import type { FactsInput } from "../model/circular.ts";
import type { UnitDepartment } from "../corpus/departments.ts";
import type { TopicMatch } from "../corpus/topics.ts";

/** Stored as [docId, clauseId, score] triples (similar circulars have no clause). */
const store = (path: string, m: Map<string, Related[]>): void => writeJsonFile(RelatedTriples, path, relatedTriples(m));
const load = (path: string): Map<string, Related[]> =>
  new Map(
    Object.entries(readJsonFile(RelatedTriples, path)).map(([k, list]) => [
      k,
      list.map(([docId, clauseId, score]) => ({ docId, clauseId, score })),
    ]),
  );

const SIMILAR = "similar.json";
/** Each document's related clauses in short (corpus/derived.ts relatedSummary), by id. */
const SUMMARIES = "related-summaries.json";
const FACTS = "facts.json";
const OWN = "own";
const ownPath = (dir: string, id: string) => join(dir, OWN, `${id}.json`);

/** What own facts are made from: the pipeline's code and each document's source, by id. */
export type MadeFrom = NonNullable<FactsFile["madeFrom"]>;

/** The facts stage's file as the last build left it; null if none or of another shape (then all is made again). */
export function readFactsFile(dir = DERIVED_DIR): FactsFile | null {
  try {
    return readJsonFileOr<FactsFile | null>(FactsFile, join(dir, FACTS), null);
  } catch {
    return null;
  }
}

/**
 * Of `ids`, the documents whose own facts the last build stored and this one keeps: made by
 * the same code from the same source, their file as it was written.
 */
export function ownFactsKept(ids: string[], madeFrom: MadeFrom, previous: FactsFile | null, dir = DERIVED_DIR) {
  const before = previous?.madeFrom?.code === madeFrom.code ? previous : null;
  return new Set(
    ids.filter((id) => {
      const source = madeFrom.sources[id];
      return (
        source !== undefined && before?.madeFrom?.sources[id] === source && asRecorded(ownPath(dir, id), before.own[id])
      );
    }),
  );
}

const INPUTS = "facts-inputs.json";

/**
 * The facts inputs the last build stored of documents whose code and source are as `madeFrom`
 * says, by id; none when the file is missing, unreadable or of other code.
 */
export function factsInputsKept(madeFrom: MadeFrom, dir = DERIVED_DIR): Map<string, FactsInput> {
  let file: FactsInputsFile | null = null;
  try {
    file = readJsonFileOr<FactsInputsFile | null>(FactsInputsFile, join(dir, INPUTS), null);
  } catch {
    return new Map();
  }
  if (file?.code !== madeFrom.code) return new Map();
  return new Map(
    Object.entries(file.docs).flatMap(([id, [source, input]]) =>
      madeFrom.sources[id] === source ? [[id, input]] : [],
    ),
  );
}

/** Stores the library's facts inputs, each with the source it was read from. */
export function writeFactsInputs(madeFrom: MadeFrom, inputs: FactsInput[], dir = DERIVED_DIR): void {
  const docs = Object.fromEntries(
    inputs.map((d): [string, [string, FactsInput]] => [d.id, [madeFrom.sources[d.id] ?? "", d]]),
  );
  writeJsonFile(FactsInputsFile, join(dir, INPUTS), { code: madeFrom.code, docs });
}

/**
 * Stores the facts of the library `ids`: own facts for the documents in `made`, the others'
 * files kept as they are (ownFactsKept), those of documents gone deleted. facts.json is
 * removed first and written last: a stage stopped half-way leaves no record naming own facts
 * it replaced, and the next build makes them all again.
 */
export function writeFacts(
  facts: LibraryFacts,
  madeFrom: MadeFrom | null,
  ids: string[],
  made: Map<string, DocFacts>,
  dir = DERIVED_DIR,
): void {
  const file = join(dir, FACTS);
  rmSync(file, { force: true });
  mkdirSync(join(dir, OWN), { recursive: true });
  for (const [id, own] of made) writeJsonFile(DocFactsFile, ownPath(dir, id), own);
  const present = new Set(ids.map((id) => `${id}.json`));
  for (const name of readdirSync(join(dir, OWN))) if (!present.has(name)) rmSync(join(dir, OWN, name));
  const own = Object.fromEntries(ids.map((id) => [id, fileRecord(ownPath(dir, id))]));
  writeJsonFile(FactsFile, file, { ...facts, madeFrom, own });
}

/** The stored facts, each document's own read when it is asked for. */
export interface StoredFacts {
  library: LibraryFacts;
  /** The documents whose own facts are stored. */
  ids: string[];
  /** The document's own facts, or undefined if none are stored. */
  ownOf(id: string): DocFacts | undefined;
}

/**
 * The stored facts, or null when the facts stage has stored none. An own-facts file as the
 * stage wrote it is parsed without a check (10,000 checks took over a second in each stage
 * that reads them), any other is checked. Reading all 10,000 own files takes 2 s: a stage
 * that needs a few reads those.
 */
export function openFacts(dir = DERIVED_DIR): StoredFacts | null {
  const file = readJsonFileOr<FactsFile | null>(FactsFile, join(dir, FACTS), null);
  if (!file) return null;
  const { own, madeFrom: _, ...library } = file;
  const shared = sharedEntries();
  return {
    library,
    ids: Object.keys(own),
    ownOf: (id) => {
      const record = own[id];
      if (!record) return undefined;
      const path = ownPath(dir, id);
      return shared(
        asRecorded(path, record)
          ? (parseJson(z.unknown(), readUtf8(path), `${path}:1`) as DocFacts)
          : readJsonFile(DocFactsFile, path),
      );
    },
  };
}

/**
 * One object for each department and each topic match that many clauses share, where each parsed file has copies of
 * its own: at the bench's 10,000 documents the own facts held 296 MB of heap in every stage that read them all (the
 * site build's peak), 100 MB shared. A table by slug, each holding the few variants written (unit as written, name).
 */
function sharedEntries(): (facts: DocFacts) => DocFacts {
  const departments = new Map<string, UnitDepartment[]>();
  const matches = new Map<string, TopicMatch[]>();
  const one = <T extends { slug: string }>(table: Map<string, T[]>, value: T, same: (a: T) => boolean): T => {
    const variants = table.get(value.slug);
    const found = variants?.find(same);
    if (found) return found;
    if (variants) variants.push(value);
    else table.set(value.slug, [value]);
    return value;
  };
  return (facts) => {
    for (const entry of facts.clauseDepartments)
      entry[1] = entry[1].map((d) =>
        one(
          departments,
          d,
          (x) => x.unit === d.unit && x.name === d.name && x.anchor === d.anchor && x.code === d.code,
        ),
      );
    for (const entry of facts.clauseTopics)
      entry[1] = entry[1].map((m) =>
        one(matches, m, (x) => x.terms.length === m.terms.length && x.terms.every((t, i) => t === m.terms[i])),
      );
    return facts;
  };
}

/** The stored facts with every document's own (openFacts), or null. */
export function readFacts(dir = DERIVED_DIR): DocumentFacts | null {
  const stored = openFacts(dir);
  return (
    stored && { ...stored.library, documents: Object.fromEntries(stored.ids.map((id) => [id, stored.ownOf(id)!])) }
  );
}
const RELATED = "related";
const STATE = "related.state";
const KEYS = "keys.json";
const KEYS_TEXT = "keys.txt";

export function writeKeyedLibrary(library: KeyedLibrary, dir = DERIVED_DIR): void {
  const bigrams = new Float64Array(library.counts.df.size);
  const df = new Uint32Array(library.counts.df.size);
  let i = 0;
  for (const [bigram, n] of library.counts.df) {
    bigrams[i] = bigram;
    df[i++] = n;
  }
  const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
  const [json, text] = [join(dir, KEYS), join(dir, KEYS_TEXT)];
  // The record goes first and comes last: keys written half-way are named by no record.
  rmSync(json, { force: true });
  mkdirSync(dir, { recursive: true });
  const keys: string[] = [];
  const docs = [...library.docs].map(([id, d]): [string, string, Array<[string, number]>] => [
    id,
    d.source,
    d.clauses.map(([clauseId, key]) => (keys.push(key), [clauseId, key.length])),
  ]);
  writeFileSync(text, keys.join(""));
  writeJsonFile(KeyedLibraryFile, json, {
    code: library.code,
    docs,
    counts: { clauses: library.counts.clauses, bigrams: base64(bigrams), df: base64(df) },
    keys: fileRecord(text),
  });
}

/**
 * Forgets the keyed library: derive does before it writes what it derives, and writes the
 * library last, so that a library on disk names outputs written whole (derivedInPlace).
 */
export function forgetKeyedLibrary(dir = DERIVED_DIR): void {
  rmSync(join(dir, KEYS), { force: true });
}

/**
 * Whether what derive writes is in place: the IDF table, similar circulars, the summaries,
 * and the related clauses of every document the summaries name (a file deleted by hand is
 * missed).
 */
export function derivedInPlace(dir = DERIVED_DIR): boolean {
  const summaries = readJsonFileOr<RelatedSummaries | null>(RelatedSummaries, join(dir, SUMMARIES), null);
  if (!summaries || !existsSync(join(dir, SIMILAR)) || !existsSync(join(dir, basename(DERIVED_IDF)))) return false;
  const files = new Set(readdirSync(join(dir, RELATED)));
  return Object.keys(summaries).every((id) => files.has(`${id}.json`));
}

/** The last build's keyed library, or null (none, or unreadable: then every document is keyed again). */
export function readKeyedLibrary(dir = DERIVED_DIR): KeyedLibrary | null {
  try {
    const file = readJsonFile(KeyedLibraryFile, join(dir, KEYS));
    const textPath = join(dir, KEYS_TEXT);
    if (!asRecorded(textPath, file.keys)) return null;
    const text = readUtf8(textPath);
    const array = <T>(text: string, Type: { new (b: ArrayBuffer): T }) => {
      const bytes = Buffer.from(text, "base64");
      return new Type(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    };
    const bigrams = array(file.counts.bigrams, Float64Array);
    const counts = array(file.counts.df, Uint32Array);
    if (counts.length !== bigrams.length) return null;
    const df = new Map<number, number>();
    bigrams.forEach((b, i) => df.set(b, counts[i]!));
    let at = 0;
    const docs: KeyedLibrary["docs"] = new Map();
    for (const [id, source, clauses] of file.docs)
      docs.set(id, {
        source,
        clauses: clauses.map(([clauseId, length]) => [clauseId, text.slice(at, (at += length))]),
      });
    if (at !== text.length) return null;
    return { code: file.code, docs, counts: { clauses: file.counts.clauses, df } };
  } catch {
    return null;
  }
}

/**
 * Writes the derivation. A document's related clauses are written only when they differ
 * from its file's (most documents' do not change when a few are added), and the files of
 * documents that have none now are deleted. A derivation made from the last build's state
 * (`changed`) holds only what changed: the other documents' files, summaries and similar
 * circulars are kept as the last build wrote them, which it must have written whole.
 */
export function writeDerived(d: Derivation, dir = DERIVED_DIR): void {
  const folder = join(dir, RELATED);
  mkdirSync(folder, { recursive: true });
  // The summaries go first and come last: a stage stopped half-way leaves none that could be stale. The last ones
  // name the files as they were written whole: a file whose hash is the same is not read again to be compared.
  const summaries = join(dir, SUMMARIES);
  const previous = readJsonFileOr<RelatedSummaries | null>(RelatedSummaries, summaries, null);
  const kept = d.changed && { summaries: previous, similar: load(join(dir, SIMILAR)), changed: d.changed };
  if (kept && !kept.summaries) throw new Error(`${summaries}: the last build's related clauses are not whole`);
  rmSync(summaries, { force: true });
  const present = new Set(readdirSync(folder));
  const stale = new Set(present);
  const summary: RelatedSummaries = {};
  const similar = new Map<string, Related[]>();
  const grouped = byDocument(d.related);
  for (const doc of d.documents) {
    const file = `${doc}.json`;
    if (kept && !kept.changed.has(doc)) {
      const [was, wasSimilar] = [kept.summaries![doc], kept.similar.get(doc)];
      if (was) {
        summary[doc] = was;
        stale.delete(file);
      }
      if (wasSimilar) similar.set(doc, wasSimilar);
      continue;
    }
    const [clauses, mine] = [grouped.get(doc), d.similar.get(doc)];
    if (mine) similar.set(doc, mine);
    if (!clauses) continue;
    stale.delete(file);
    const value = relatedTriples(clauses);
    const text = JSON.stringify(value);
    const { hash, docIds } = relatedSummary(clauses, text);
    summary[doc] = [hash, docIds];
    const path = join(folder, file);
    const was = previous?.[doc];
    if (present.has(file) && (was ? was[0] === hash : readUtf8(path) === text)) continue;
    writeJsonFile(RelatedTriples, path, value);
  }
  for (const file of stale) rmSync(join(folder, file), { force: true });
  writeJsonFile(RelatedSummaries, summaries, summary);
  store(join(dir, SIMILAR), similar);
  if (d.state) writeFileSync(join(dir, STATE), encodeState(d.state));
  else rmSync(join(dir, STATE), { force: true });
}

/**
 * The stored data; an error that says what to run when the stage has not run. The facts are
 * read now, once `ready.facts` returns; the derive stage's outputs when first asked for, after
 * `ready.derived` returns (an incremental site build starts before both stages end, and waits
 * there).
 */
export function readDerived(dir = DERIVED_DIR, ready: { facts?: () => void; derived?: () => void } = {}): Derived {
  let stored: { files: Set<string>; summaries: RelatedSummaries | null; similar: Map<string, Related[]> } | null = null;
  const open = () => {
    if (stored) return stored;
    ready.derived?.();
    if (!existsSync(join(dir, SIMILAR)))
      throw new Error(`${dir}: no related clauses; the build's derive stage (node scripts/derive.ts) makes them`);
    stored = {
      files: new Set(readdirSync(join(dir, RELATED))),
      // Without the summaries (a derive stage stopped half-way), each is made from the lists.
      summaries: readJsonFileOr<RelatedSummaries | null>(RelatedSummaries, join(dir, SUMMARIES), null),
      similar: load(join(dir, SIMILAR)),
    };
    return stored;
  };
  let last: [string, Map<string, Related[]>] | null = null;
  const relatedOf = (id: string) => {
    // Pages of one document ask in a row: keep the last one read.
    if (last?.[0] !== id)
      last = [id, open().files.has(`${id}.json`) ? load(join(dir, RELATED, `${id}.json`)) : new Map()];
    return last[1];
  };
  const none = relatedSummary(new Map());
  return {
    relatedOf,
    relatedSummaryOf(id) {
      const { summaries } = open();
      if (!summaries) return relatedSummary(relatedOf(id));
      const s = summaries[id];
      return s ? { hash: s[0], docIds: s[1] } : none;
    },
    get similar() {
      return open().similar;
    },
    facts: (ready.facts?.(), readFacts(dir)),
  };
}

/** The last build's state, or null (none, or unreadable: then everything is scored). */
export function readState(dir = DERIVED_DIR): RelatedState | null {
  try {
    return decodeState(readFileSync(join(dir, STATE)));
  } catch {
    return null;
  }
}

// The state in a small binary file: the identities and the documents' hashes as text, then the typed arrays.
function encodeState(s: RelatedState): Buffer {
  const texts = Buffer.from(s.texts.join("\n"));
  const documents = Buffer.from([...s.documents].map(([id, hash]) => `${id}\t${hash}`).join("\n"));
  const head = Buffer.alloc(16);
  head.writeUInt32LE(s.texts.length, 0);
  head.writeUInt32LE(s.keep, 4);
  head.writeUInt32LE(texts.length, 8);
  head.writeUInt32LE(documents.length, 12);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const pad = Buffer.alloc((8 - ((16 + texts.length + documents.length) % 8)) % 8);
  return Buffer.concat([
    head,
    texts,
    documents,
    pad,
    bytes(s.score),
    bytes(s.sig),
    bytes(s.index),
    bytes(s.copies),
    bytes(s.count),
  ]);
}

function decodeState(b: Buffer): RelatedState {
  const n = b.readUInt32LE(0);
  const keep = b.readUInt32LE(4);
  const textBytes = b.readUInt32LE(8);
  const documentBytes = b.readUInt32LE(12);
  let at = 16;
  const text = (length: number) => b.subarray(at, (at += length)).toString();
  const texts = text(textBytes).split("\n");
  const documentsText = text(documentBytes);
  const documents = new Map(
    documentsText ? documentsText.split("\n").map((line) => line.split("\t") as [string, string]) : [],
  );
  at += (8 - (at % 8)) % 8;
  // Views on the file's bytes, which a whole-file read leaves aligned (a copy that is, where they are not).
  const bytes = b.byteOffset % 8 === 0 ? b : new Uint8Array(b);
  const view = <T>(
    Type: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
    length: number,
  ) => {
    const out = new Type(bytes.buffer, bytes.byteOffset + at, length);
    at += length * Type.BYTES_PER_ELEMENT;
    return out;
  };
  const score = view(Float64Array, n * keep);
  const sig = view(Uint32Array, n * SIGNATURE_LENGTH);
  const index = view(Int32Array, n * keep);
  const copies = view(Uint32Array, n * 2);
  const count = view(Uint8Array, n);
  if (texts.length !== n || at !== b.length) throw new Error("related.state: not the expected size");
  return { texts, sig, keep, count, index, score, copies, documents };
}
