/**
 * What the site needs that compares every document with every other — related clauses and
 * similar circulars — computed once per build by its own stage (scripts/derive.ts) and
 * stored beside the models, so the site build reads it instead of computing it: at 10,000
 * circulars it was a quarter of the site build's time, on the build's one busy core.
 *
 * How it is stored: src/library/derived.ts.
 */
import { createHash } from "node:crypto";
import type { CircularMeta, FactsInput, Validity } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { resolveCitations } from "./citationGraph.ts";
import { validities } from "./validity.ts";
import { versionChains } from "./versions.ts";
import { kindsOf, type Kind } from "./kinds.ts";
import {
  relatedClauses,
  similarCirculars,
  type ClauseKey,
  type Related,
  type RelatedOptions,
  type RelatedState,
} from "./related.ts";
import type { KeyedClauses } from "./keyedLibrary.ts";
import { phraseKey } from "../text/keys.ts";
import { tagCircular, type DocumentTopics, type TopicMatch } from "./topics.ts";
import { departmentsOf, type UnitDepartment } from "./departments.ts";

/**
 * What is derived from one document alone, once, by the facts stage (documentFacts), and
 * read by the site, the search stage and the exports: its topics (主要主题 and 涉及), the
 * topics of each clause with the terms that matched, and the departments each clause's
 * 责任单位 name. Nothing else calls tagCircular or departmentsOf (tests/architecture).
 */
export interface DocFacts {
  topics: DocumentTopics;
  clauseTopics: Array<[string, TopicMatch[]]>;
  clauseDepartments: Array<[string, UnitDepartment[]]>;
}

/** The facts of one document, from its model alone. */
export function docFactsOf(doc: CircularMeta): DocFacts {
  const tags = tagCircular(doc);
  return {
    topics: tags.document,
    clauseTopics: [...tags.byClause],
    clauseDepartments: clausesOf(doc).map((c) => [c.id, departmentsOf(c.responsible, doc.jurisdiction)]),
  };
}

/** Facts that rest on the whole library: 时效性 as of a date, the versions of one document, the kinds of regulation. */
export interface LibraryFacts {
  asOf: string;
  validity: Record<string, Validity>;
  /** Chains of versions of one document, each oldest first (documents with no other version are in none). */
  versions: string[][];
  /** Regulations of one kind across places (气象灾害防御条例 …), the most places first. */
  kinds: Kind[];
}

/** Facts of each document: its own (docFactsOf), and those that rest on the whole library. */
export interface DocumentFacts extends LibraryFacts {
  documents: Record<string, DocFacts>;
}

export interface Derived {
  /** A document's related clauses: clause id → the most similar clauses of other circulars. */
  relatedOf(docId: string): Map<string, Related[]>;
  /** The same, in short (relatedSummary). */
  relatedSummaryOf(docId: string): RelatedSummary;
  /** docId → the most similar other circulars. */
  similar: Map<string, Related[]>;
  /** Facts of each document (null when the stage stored none). */
  facts?: DocumentFacts | null;
}

export interface Derivation {
  /** The library's documents, in its order. */
  documents: string[];
  /** "docId#clauseId" → related clauses: of every document, or of those in `changed` only. */
  related: Map<string, Related[]>;
  /** Similar circulars: of every document, or of those in `changed` only. */
  similar: Map<string, Related[]>;
  /**
   * The documents whose related clauses and similar circulars may differ from those the earlier state's build made
   * (the others' are as it left them); null: every document's were made.
   */
  changed: Set<string> | null;
  state: RelatedState | null;
  /** Distinct clause texts scored again (all of them without a usable earlier state). */
  rescored: number;
}

/** Related clauses and similar circulars of documents given as their keyed clauses, in the library's order. */
export function deriveFromKeys(
  docs: Map<string, KeyedClauses>,
  previous: RelatedState | null = null,
  options: Pick<RelatedOptions, "exhaustiveUpTo" | "maxBucket"> = {},
): Derivation {
  const input: ClauseKey[] = [];
  for (const [docId, clauses] of docs)
    for (const [clauseId, key] of clauses) input.push({ docId, clauseId, text: key });
  // The texts given are keys already.
  const { related, state, rescored, changed } = relatedClauses(input, { ...options, previous, key: (k) => k });
  return {
    documents: [...docs.keys()],
    related,
    // A document's similar circulars come from its related clauses alone.
    similar: similarCirculars(related, new Map([...docs].map(([id, clauses]) => [id, clauses.length]))),
    changed,
    state,
    rescored,
  };
}

/** The derivation of models (a library without a derive stage, and tests). */
export function derive(docs: CircularMeta[]): Derivation {
  return deriveFromKeys(new Map(docs.map((d) => [d.id, clausesOf(d).map((c) => [c.id, phraseKey(c.text)])])));
}

/** Related clauses grouped by document, for relatedOf. */
export function byDocument(related: Map<string, Related[]>): Map<string, Map<string, Related[]>> {
  const out = new Map<string, Map<string, Related[]>>();
  for (const [key, list] of related) {
    const hash = key.indexOf("#");
    const doc = key.slice(0, hash);
    (out.get(doc) ?? out.set(doc, new Map()).get(doc)!).set(key.slice(hash + 1), list);
  }
  return out;
}

/** A document's related clauses as they are stored: [docId, clauseId, score] triples by clause id. */
export const relatedTriples = (m: Map<string, Related[]>): Record<string, Array<[string, string, number]>> =>
  Object.fromEntries(
    [...m].map(([k, list]) => [k, list.map((r): [string, string, number] => [r.docId, r.clauseId, r.score])]),
  );

/**
 * A document's related clauses in short: a hash of them (of their stored text) and the
 * documents they name. The page plan fingerprints a page with it: reading every document's
 * lists for that was two seconds of each site build at 10,000 documents.
 */
export interface RelatedSummary {
  hash: string;
  docIds: string[];
}

export function relatedSummary(
  clauses: Map<string, Related[]>,
  text = JSON.stringify(relatedTriples(clauses)),
): RelatedSummary {
  const docIds = new Set<string>();
  for (const list of clauses.values()) for (const r of list) docIds.add(r.docId);
  return { hash: createHash("sha256").update(text).digest("base64url").slice(0, 16), docIds: [...docIds].sort() };
}

/** The derivation as the site reads it, from memory (buildCorpusIndex without a derive stage). */
export function inMemory(d: Pick<Derivation, "related" | "similar">): Derived {
  const grouped = byDocument(d.related);
  const relatedOf = (id: string) => grouped.get(id) ?? new Map<string, Related[]>();
  return { relatedOf, relatedSummaryOf: (id) => relatedSummary(relatedOf(id)), similar: d.similar };
}

/** The library's order: newest first, then by id. Kinds are grouped in it, as the site lists them. */
export function newestFirst<T extends Pick<CircularMeta, "date" | "id">>(docs: T[]): T[] {
  return [...docs].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id));
}

/** The facts that rest on the whole library, as of `asOf`: from each document's facts input alone. */
export function libraryFacts(models: FactsInput[], asOf: string): LibraryFacts {
  const docs = newestFirst(models);
  const chains = versionChains(docs);
  return {
    asOf,
    validity: Object.fromEntries(validities(docs, resolveCitations(docs), chains, asOf)),
    versions: [...new Set(chains.values())].map((c) => c.docIds),
    kinds: kindsOf(docs),
  };
}

/** Every document's facts, its own and the library's, as of `asOf` (stored by the facts stage). */
export function documentFacts(models: CircularMeta[], asOf: string): DocumentFacts {
  return { ...libraryFacts(models, asOf), documents: Object.fromEntries(models.map((d) => [d.id, docFactsOf(d)])) };
}
