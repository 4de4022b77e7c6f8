/**
 * What search results are filtered by, named once for the build (facets.ts, the phrase
 * index, Pagefind's records), the search page and its script. Browser-safe: no Node APIs.
 */
import type { Jurisdiction } from "../model/circular.ts";

export const FACET_KEYS = ["province", "level", "year", "topic", "genre", "department", "validity"] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** A document's province as filters name it: "国家" for a national one, null when its place is unknown. */
export const provinceFacet = (j: Jurisdiction | null | undefined): string | null =>
  j?.province ?? (j?.level === "national" ? "国家" : null);
