/** The filter values of a circular, as both search engines see them, from its model and its facts. */
import { TOPICS } from "../config/topics.ts";
import type { CircularMeta, ValidityStatus } from "../model/circular.ts";
import { allTopics, yearOf } from "../corpus/index.ts";
import type { DocumentTopics } from "../corpus/topics.ts";
import type { DocFacts } from "../corpus/derived.ts";
import { provinceFacet, type FacetKey } from "./filters.ts";

export type { FacetKey };
import { VALIDITY_NAMES, levelName } from "../model/display.ts";

/** What a circular is filtered by beyond its metadata: its topics and the departments its clauses name. */
export interface DocFacets {
  topics: DocumentTopics;
  departments: string[];
  /** Its 时效性, from the facts stage. */
  validity: ValidityStatus;
}

/** From the document's facts (the facts stage's: corpus/derived.ts docFactsOf). */
export function docFacets(facts: DocFacts, validity: ValidityStatus = "unknown"): DocFacets {
  const departments = new Set(facts.clauseDepartments.flatMap(([, ds]) => ds.map((d) => d.name)));
  return { topics: facts.topics, departments: [...departments], validity };
}

export function searchFacets(doc: CircularMeta, facets: DocFacets): Array<[FacetKey, string]> {
  const out: Array<[FacetKey, string]> = [];
  const j = doc.jurisdiction;
  const province = provinceFacet(j);
  if (province) out.push(["province", province]);
  if (j) out.push(["level", levelName(j.level)]);
  const year = yearOf(doc);
  if (year) out.push(["year", year]);
  if (doc.genre) out.push(["genre", doc.genre]);
  for (const slug of allTopics(facets.topics)) out.push(["topic", TOPICS.find((t) => t.slug === slug)!.name]);
  for (const d of facets.departments) out.push(["department", d]);
  out.push(["validity", VALIDITY_NAMES[facets.validity]]);
  return out;
}
