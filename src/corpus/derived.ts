/**
 * What the site needs that compares every document with every other — related clauses and
 * similar circulars — computed once per build by its own stage (scripts/derive.ts) and
 * stored beside the models, so the site build reads it instead of computing it: at 10,000
 * circulars it was a quarter of the site build's time, on the build's one busy core.
 *
 * Related clauses are stored a document at a time (derived/related/<id>.json): a page
 * reads its own, and the site build does not hold the library's million pairs. The
 * computation's state is kept too (derived/related.state), so the next build scores only
 * what changed (related.ts).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CircularMeta, Validity } from "../model/circular.ts";
import { buildCitationGraph } from "./citationGraph.ts";
import { validities } from "./validity.ts";
import { versionChains } from "./versions.ts";
import { DERIVED_DIR } from "../config/paths.ts";
import { relatedClauses, similarCirculars, SIGNATURE_LENGTH, type Related, type RelatedState } from "./related.ts";

/** Facts of each document that rest on the whole library: its 时效性 as of a date. */
export interface DocumentFacts {
  asOf: string;
  validity: Record<string, Validity>;
}

export interface Derived {
  /** A document's related clauses: clause id → the most similar clauses of other circulars. */
  relatedOf(docId: string): Map<string, Related[]>;
  /** docId → the most similar other circulars. */
  similar: Map<string, Related[]>;
  /** Facts of each document (null when the stage stored none). */
  facts?: DocumentFacts | null;
}

export interface Derivation {
  /** "docId#clauseId" → related clauses. */
  related: Map<string, Related[]>;
  similar: Map<string, Related[]>;
  state: RelatedState | null;
  /** Distinct clause texts scored again (all of them without a usable earlier state). */
  rescored: number;
}

export function derive(docs: CircularMeta[], previous: RelatedState | null = null): Derivation {
  const { related, state, rescored } = relatedClauses(docs.flatMap((d) => d.clauses.map((c) => ({ docId: d.id, clauseId: c.id, text: c.text }))), { previous });
  return { related, similar: similarCirculars(related, new Map(docs.map((d) => [d.id, d.clauses.length]))), state, rescored };
}

/** Related clauses grouped by document, for relatedOf. */
function byDocument(related: Map<string, Related[]>): Map<string, Map<string, Related[]>> {
  const out = new Map<string, Map<string, Related[]>>();
  for (const [key, list] of related) {
    const hash = key.indexOf("#");
    const doc = key.slice(0, hash);
    (out.get(doc) ?? out.set(doc, new Map()).get(doc)!).set(key.slice(hash + 1), list);
  }
  return out;
}

/** The derivation as the site reads it, from memory (buildCorpusIndex without a derive stage). */
export function inMemory(d: Pick<Derivation, "related" | "similar">): Derived {
  const grouped = byDocument(d.related);
  return { relatedOf: (id) => grouped.get(id) ?? new Map(), similar: d.similar };
}

/** Stored as [docId, clauseId, score] triples (similar circulars have no clause). */
type Stored = Record<string, Array<[string, string, number]>>;
const store = (m: Map<string, Related[]>): string => JSON.stringify(Object.fromEntries([...m].map(([k, list]) => [k, list.map((r) => [r.docId, r.clauseId, r.score])])));
const load = (text: string): Map<string, Related[]> => new Map(Object.entries(JSON.parse(text) as Stored).map(([k, list]) => [k, list.map(([docId, clauseId, score]) => ({ docId, clauseId, score }))]));

const SIMILAR = "similar.json";
const FACTS = "facts.json";

/** Every document's facts that rest on the library, as of `asOf`. */
export function documentFacts(docs: CircularMeta[], asOf: string): DocumentFacts {
  const validity = validities(docs, buildCitationGraph(docs), versionChains(docs), asOf);
  return { asOf, validity: Object.fromEntries(validity) };
}

export function writeFacts(facts: DocumentFacts, dir = DERIVED_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FACTS), JSON.stringify(facts));
}

/** The stored facts, or null when the derive stage has stored none. */
export function readFacts(dir = DERIVED_DIR): DocumentFacts | null {
  return existsSync(join(dir, FACTS)) ? (JSON.parse(readFileSync(join(dir, FACTS), "utf8")) as DocumentFacts) : null;
}
const RELATED = "related";
const STATE = "related.state";

export function writeDerived(d: Derivation, dir = DERIVED_DIR): void {
  rmSync(join(dir, RELATED), { recursive: true, force: true });
  mkdirSync(join(dir, RELATED), { recursive: true });
  for (const [doc, clauses] of byDocument(d.related)) writeFileSync(join(dir, RELATED, `${doc}.json`), store(clauses));
  writeFileSync(join(dir, SIMILAR), store(d.similar));
  if (d.state) writeFileSync(join(dir, STATE), encodeState(d.state));
  else rmSync(join(dir, STATE), { force: true });
}

/** The stored data; an error that says what to run when the stage has not run. */
export function readDerived(dir = DERIVED_DIR): Derived {
  if (!existsSync(join(dir, SIMILAR))) throw new Error(`${dir}: no related clauses; the build's derive stage (node scripts/derive.ts) makes them`);
  const stored = new Set(readdirSync(join(dir, RELATED)));
  let last: [string, Map<string, Related[]>] | null = null;
  return {
    relatedOf(id) {
      // Pages of one document ask in a row: keep the last one read.
      if (last?.[0] !== id) last = [id, stored.has(`${id}.json`) ? load(readFileSync(join(dir, RELATED, `${id}.json`), "utf8")) : new Map()];
      return last[1];
    },
    similar: load(readFileSync(join(dir, SIMILAR), "utf8")),
    facts: readFacts(dir),
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

// The state in a small binary file: the identities as text, then the typed arrays.
function encodeState(s: RelatedState): Buffer {
  const texts = Buffer.from(s.texts.join("\n"));
  const head = Buffer.alloc(12);
  head.writeUInt32LE(s.texts.length, 0);
  head.writeUInt32LE(s.keep, 4);
  head.writeUInt32LE(texts.length, 8);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const pad = Buffer.alloc((8 - ((12 + texts.length) % 8)) % 8);
  return Buffer.concat([head, texts, pad, bytes(s.score), bytes(s.sig), bytes(s.index), bytes(s.count)]);
}

function decodeState(b: Buffer): RelatedState {
  const n = b.readUInt32LE(0);
  const keep = b.readUInt32LE(4);
  const textBytes = b.readUInt32LE(8);
  const texts = b.subarray(12, 12 + textBytes).toString().split("\n");
  let at = 12 + textBytes;
  at += (8 - (at % 8)) % 8;
  const copy = (bytes: number) => {
    const out = new Uint8Array(bytes);
    out.set(b.subarray(at, at + bytes));
    at += bytes;
    return out.buffer;
  };
  const score = new Float64Array(copy(n * keep * 8));
  const sig = new Uint32Array(copy(n * SIGNATURE_LENGTH * 4));
  const index = new Int32Array(copy(n * keep * 4));
  const count = new Uint8Array(copy(n));
  if (texts.length !== n || at !== b.length) throw new Error("related.state: not the expected size");
  return { texts, sig, keep, count, index, score };
}
