/**
 * What Pagefind indexes of a circular: only what the phrase index cannot answer. The phrase
 * index finds every passage holding a query exactly, one character or more; Pagefind offers
 * related circulars, holding the query's words apart, when none does. So a record is the
 * title and the circular's distinct words (jieba), with the filters and the metadata a
 * result shows — not the page's HTML. The search page takes the passages it shows from the
 * phrase index's text chunks. Records instead of pages cut Pagefind's time to a fifth
 * (README "Benchmark"). Node only (jieba is native).
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { CircularMeta } from "../model/circular.ts";
import { formatDate, jurisdictionText } from "../model/display.ts";
import type { FacetKey } from "./facets.ts";

import type { PagefindRecord } from "../library/files.ts";

export type { PagefindRecord };

let jieba: Jieba | null = null;
const HAN = /\p{Script=Han}/u;

/**
 * Distinct words of the texts (of two characters or more: single characters are the phrase index's), in first-seen
 * order.
 */
export function distinctWords(texts: string[]): string[] {
  jieba ??= Jieba.withDict(dict);
  const words = new Set<string>();
  // One call for the whole text: a call per passage cost more than the cutting.
  for (const w of jieba.cut(texts.join("\n"), false)) {
    const word = w.trim();
    if ([...word].length > 1 && (HAN.test(word) || /[a-z0-9]/i.test(word))) words.add(word);
  }
  return [...words];
}

/** `url` is the page's path under the site's base (Pagefind adds the base); `chunks` the number of its text chunks. */
export function pagefindRecord(
  doc: CircularMeta,
  texts: string[],
  facets: Array<[FacetKey, string]>,
  url: string,
  chunks: number,
): PagefindRecord {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of facets) (filters[key] ??= []).push(value);
  return {
    url,
    content: [doc.title, ...distinctWords([doc.title, ...doc.issuers, ...texts])].join(" "),
    language: "zh-cn",
    meta: {
      title: doc.title,
      docNumber: doc.docNumber ?? "",
      date: formatDate(doc.date),
      place: jurisdictionText(doc.jurisdiction),
      id: doc.id,
      chunks: String(chunks),
      validity: filters.validity?.[0] ?? "",
    },
    filters,
    sort: { date: doc.date ?? "0000" },
  };
}
