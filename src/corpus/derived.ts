/**
 * What the site needs that compares every document with every other — related clauses and
 * similar circulars — computed once per build by its own stage (scripts/derive.ts) and
 * stored beside the models, so the site build reads it instead of computing it: at 10,000
 * circulars it was a quarter of the site build's time, on the build's one busy core.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CircularMeta } from "../model/circular.ts";
import { DERIVED_DIR } from "../config/paths.ts";
import { relatedClauses, similarCirculars, type Related } from "./related.ts";

export interface Derived {
  /** "docId#clauseId" → the most similar clauses of other circulars. */
  related: Map<string, Related[]>;
  /** docId → the most similar other circulars. */
  similar: Map<string, Related[]>;
}

export function derive(docs: CircularMeta[]): Derived {
  const related = relatedClauses(docs.flatMap((d) => d.clauses.map((c) => ({ docId: d.id, clauseId: c.id, text: c.text }))));
  return { related, similar: similarCirculars(related, new Map(docs.map((d) => [d.id, d.clauses.length]))) };
}

/** Stored as [docId, clauseId, score] triples (similar circulars have no clause). */
type Stored = Record<string, Array<[string, string, number]>>;
const FILES = { related: "related.json", similar: "similar.json" } as const;

const store = (m: Map<string, Related[]>): string => JSON.stringify(Object.fromEntries([...m].map(([k, list]) => [k, list.map((r) => [r.docId, r.clauseId, r.score])])));
const load = (text: string): Map<string, Related[]> => new Map(Object.entries(JSON.parse(text) as Stored).map(([k, list]) => [k, list.map(([docId, clauseId, score]) => ({ docId, clauseId, score }))]));

export function writeDerived(d: Derived, dir = DERIVED_DIR): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FILES.related), store(d.related));
  writeFileSync(join(dir, FILES.similar), store(d.similar));
}

/** The stored data; an error that says what to run when the stage has not run. */
export function readDerived(dir = DERIVED_DIR): Derived {
  const path = (f: string) => join(dir, f);
  if (!existsSync(path(FILES.related)) || !existsSync(path(FILES.similar))) throw new Error(`${dir}: no related clauses; the build's derive stage (node scripts/derive.ts) makes them`);
  return { related: load(readFileSync(path(FILES.related), "utf8")), similar: load(readFileSync(path(FILES.similar), "utf8")) };
}
