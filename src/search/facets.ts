/** The filter values of a circular, as both search engines see them. */
import { TOPICS } from "../config/topics.ts";
import type { CircularMeta } from "../model/circular.ts";
import { allTopics, yearOf, type CorpusIndex } from "../corpus/index.ts";
import { levelName } from "../model/display.ts";

export const FACET_KEYS = ["province", "level", "year", "topic", "genre", "department"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export function searchFacets(doc: CircularMeta, index: CorpusIndex): Array<[FacetKey, string]> {
  const out: Array<[FacetKey, string]> = [];
  const j = doc.jurisdiction;
  if (j) out.push(["province", j.province ?? "国家"], ["level", levelName(j.level)]);
  const year = yearOf(doc);
  if (year) out.push(["year", year]);
  if (doc.genre) out.push(["genre", doc.genre]);
  for (const slug of allTopics(index.docTopics.get(doc.id))) out.push(["topic", TOPICS.find((t) => t.slug === slug)!.name]);
  const depts = new Set([...(index.clauseDepartments.get(doc.id)?.values() ?? [])].flat().map((d) => d.name));
  for (const d of depts) out.push(["department", d]);
  return out;
}
