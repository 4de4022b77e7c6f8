/** The filter values of a circular, as both search engines see them, from its model alone. */
import { TOPICS } from "../config/topics.ts";
import type { CircularMeta, ValidityStatus } from "../model/circular.ts";
import { allTopics, yearOf } from "../corpus/index.ts";
import { tagCircular, type DocumentTopics } from "../corpus/topics.ts";
import { departmentsOf } from "../corpus/departments.ts";
import { VALIDITY_NAMES, levelName } from "../model/display.ts";

export const FACET_KEYS = ["province", "level", "year", "topic", "genre", "department", "validity"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** What a circular is filtered by beyond its metadata: its topics and the departments its clauses name. */
export interface DocFacets {
  topics: DocumentTopics;
  departments: string[];
  /** Its 时效性, from the facts stage. */
  validity: ValidityStatus;
}

export function docFacets(doc: CircularMeta, validity: ValidityStatus = "unknown"): DocFacets {
  const departments = new Set(doc.clauses.flatMap((c) => departmentsOf(c.responsible, doc.jurisdiction).map((d) => d.name)));
  return { topics: tagCircular(doc).document, departments: [...departments], validity };
}

export function searchFacets(doc: CircularMeta, facets: DocFacets): Array<[FacetKey, string]> {
  const out: Array<[FacetKey, string]> = [];
  const j = doc.jurisdiction;
  if (j) out.push(["province", j.province ?? "国家"], ["level", levelName(j.level)]);
  const year = yearOf(doc);
  if (year) out.push(["year", year]);
  if (doc.genre) out.push(["genre", doc.genre]);
  for (const slug of allTopics(facets.topics)) out.push(["topic", TOPICS.find((t) => t.slug === slug)!.name]);
  for (const d of facets.departments) out.push(["department", d]);
  out.push(["validity", VALIDITY_NAMES[facets.validity]]);
  return out;
}
