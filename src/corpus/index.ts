/**
 * Everything the site needs that spans circulars, computed once from the models:
 * topics, departments, citations, jurisdictions and years. Near-linear in the corpus size.
 */
import { TOPICS } from "../config/topics.ts";
import type { CircularMeta, Clause } from "../model/circular.ts";
import { clauseById } from "../model/clauses.ts";
import { buildCitationGraph, type CitationGraph } from "./citationGraph.ts";
import type { Department, UnitDepartment } from "./departments.ts";
import type { DocumentTopics, TopicMatch } from "./topics.ts";
import type { Kind } from "./kinds.ts";
import type { VersionChain } from "./versions.ts";
import { NATIONAL_CODE, divisionsByCode } from "../config/gazetteer.ts";
import type { Related } from "./related.ts";
import { derive, documentFacts, inMemory, newestFirst, type Derived, type RelatedSummary } from "./derived.ts";
import { asOfDate } from "./validity.ts";
import type { Validity } from "../model/circular.ts";
import { pushTo } from "../model/groups.ts";

export interface ClauseRef {
  docId: string;
  clauseId: string;
}

export interface TopicEntry extends ClauseRef {
  terms: string[];
}

export interface JurisdictionNode {
  code: string;
  name: string;
  level: "national" | "province" | "prefecture" | "county";
  parent: string | null;
  children: string[];
  /** Circulars issued at exactly this division. */
  docIds: string[];
  /** Circulars here and below. */
  total: number;
}

export interface CorpusIndex {
  docs: CircularMeta[];
  byId: Map<string, CircularMeta>;
  clauseTopics: Map<string, Map<string, TopicMatch[]>>;
  /** Each document's primary topics (主要主题) and those it only mentions (涉及). */
  docTopics: Map<string, DocumentTopics>;
  topicClauses: Map<string, TopicEntry[]>;
  clauseDepartments: Map<string, Map<string, UnitDepartment[]>>;
  departments: Map<string, { department: Department; clauses: ClauseRef[] }>;
  citations: CitationGraph;
  jurisdictions: Map<string, JurisdictionNode>;
  years: Map<string, string[]>;
  /** A document's clauses → the most similar clauses of other circulars (derived.ts). */
  relatedOf: (docId: string) => Map<string, Related[]>;
  /** The same in short: a hash of them and the documents they name (derived.ts relatedSummary). */
  relatedSummaryOf: (docId: string) => RelatedSummary;
  /** docId → the most similar other circulars (derived.ts). */
  similarCirculars: () => Map<string, Related[]>;
  /** Ids published by earlier builds → the id of the same source now. */
  movedIds: Map<string, string>;
  /** docId → the chain of versions it belongs to (documents with no other version are absent). */
  versions: Map<string, VersionChain>;
  /** Regulations of one kind across places (气象灾害防御条例 …), the most places first. */
  kinds: Kind[];
  /** docId → its kind. */
  kindOf: Map<string, Kind>;
  /** docId → its 时效性 (validity.ts), as of `asOf`. */
  validity: Map<string, Validity>;
  asOf: string;
}

/** Primary topics, then the mentioned ones. */
export function allTopics(t: DocumentTopics | undefined): string[] {
  return t ? [...t.primary, ...t.mentioned] : [];
}

export function yearOf(doc: Pick<CircularMeta, "date">): string | null {
  return doc.date?.slice(0, 4) ?? null;
}

function jurisdictionTree(docs: CircularMeta[]): Map<string, JurisdictionNode> {
  const byCode = divisionsByCode();
  const tree = new Map<string, JurisdictionNode>();
  const ensure = (code: string): JurisdictionNode => {
    let node = tree.get(code);
    if (node) return node;
    if (code === NATIONAL_CODE) {
      node = { code, name: "国家", level: "national", parent: null, children: [], docIds: [], total: 0 };
    } else {
      const d = byCode.get(code)!;
      node = { code, name: d.name, level: d.level, parent: d.parent?.code ?? null, children: [], docIds: [], total: 0 };
      if (node.parent) ensure(node.parent).children.push(code);
    }
    tree.set(code, node);
    return node;
  };
  for (const doc of docs) {
    const code = doc.jurisdiction?.code;
    if (!code || (code !== NATIONAL_CODE && !byCode.has(code))) continue;
    ensure(code).docIds.push(doc.id);
    for (let n: JurisdictionNode | undefined = tree.get(code); n; n = n.parent ? tree.get(n.parent) : undefined)
      n.total++;
  }
  return tree;
}

/** Similarity is the costly part of the index: computed when first asked, not by every reader. */
function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/**
 * Ids an earlier build published, by source key → the current id of each source still in
 * the library (content/published-ids.json).
 */
export function movedIds(docs: CircularMeta[], published: Record<string, string[]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of docs) for (const old of published[d.source.key] ?? []) if (old !== d.id) out.set(old, d.id);
  return out;
}

/** `derived`: related clauses as the derive stage stored them (the site); else computed on first use. */
export function buildCorpusIndex(
  models: CircularMeta[],
  published: Record<string, string[]> = {},
  derived?: Derived,
): CorpusIndex {
  const docs = newestFirst(models);
  // The facts stage's, when it ran (the site); else derived here by the same producer.
  const facts = derived?.facts ?? documentFacts(docs, asOfDate());
  const byId = new Map(docs.map((d) => [d.id, d]));
  const clauseTopics = new Map<string, Map<string, TopicMatch[]>>();
  const docTopics = new Map<string, DocumentTopics>();
  const topicClauses = new Map<string, TopicEntry[]>(TOPICS.map((t) => [t.slug, []]));
  const clauseDepartments = new Map<string, Map<string, UnitDepartment[]>>();
  const departments = new Map<string, { department: Department; clauses: ClauseRef[] }>();
  const years = new Map<string, string[]>();
  for (const doc of docs) {
    const own = facts.documents[doc.id]!;
    const byClause = new Map(own.clauseTopics);
    clauseTopics.set(doc.id, byClause);
    docTopics.set(doc.id, own.topics);
    for (const [clauseId, matches] of byClause) {
      for (const m of matches) topicClauses.get(m.slug)!.push({ docId: doc.id, clauseId, terms: m.terms });
    }
    const depts = new Map(own.clauseDepartments);
    for (const [clauseId, ds] of own.clauseDepartments) {
      for (const slug of new Set(ds.map((d) => d.slug))) {
        const d = ds.find((x) => x.slug === slug)!;
        const entry = departments.get(slug) ?? {
          department: { slug, anchor: d.anchor, name: d.name, code: d.code },
          clauses: [],
        };
        entry.clauses.push({ docId: doc.id, clauseId });
        departments.set(slug, entry);
      }
    }
    clauseDepartments.set(doc.id, depts);
    const y = yearOf(doc);
    if (y) pushTo(years, y, doc.id);
  }
  const similarity = once(() => derived ?? inMemory(derive(docs)));
  const versions = new Map(facts.versions.flatMap((docIds) => docIds.map((id) => [id, { docIds }] as const)));
  return {
    docs,
    byId,
    clauseTopics,
    docTopics,
    topicClauses,
    clauseDepartments,
    departments,
    citations: buildCitationGraph(docs),
    jurisdictions: jurisdictionTree(docs),
    years,
    movedIds: movedIds(docs, published),
    versions,
    kinds: facts.kinds,
    kindOf: new Map(facts.kinds.flatMap((k) => k.docIds.map((id) => [id, k] as const))),
    validity: new Map(Object.entries(facts.validity)),
    asOf: facts.asOf,
    relatedOf: (id) => similarity().relatedOf(id),
    relatedSummaryOf: (id) => similarity().relatedSummaryOf(id),
    similarCirculars: () => similarity().similar,
  };
}

export function clauseOf(index: CorpusIndex, ref: ClauseRef): { doc: CircularMeta; clause: Clause } | null {
  const doc = index.byId.get(ref.docId);
  const clause = doc && clauseById(doc, ref.clauseId);
  return doc && clause ? { doc, clause } : null;
}

const places = new WeakMap<Pick<CorpusIndex, "docs">, Map<string, number>>();

/**
 * The library's documents of `ids`, in the library's order (newest first), each once; ids not in it left out. A list
 * page's members, and the page plan's: sorted by their place, not filtered from the whole library (a filter per region
 * page was a second at 10,000 documents; searching the id list for each document, 0.4 s of 13 region pages).
 */
export function docsIn(index: Pick<CorpusIndex, "docs">, ids: Iterable<string>): CircularMeta[] {
  let place = places.get(index);
  if (!place) places.set(index, (place = new Map(index.docs.map((d, i) => [d.id, i]))));
  const at = [...new Set(ids)].flatMap((id) => place.get(id) ?? []);
  return at.sort((a, b) => a - b).map((i) => index.docs[i]!);
}
