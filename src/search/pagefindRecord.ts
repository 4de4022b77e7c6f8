/**
 * What Pagefind indexes of a circular: only what the phrase index cannot answer. Pagefind
 * serves one-character queries and related results (the query's words apart) when no
 * circular holds the exact phrase, so a record is the title, the circular's distinct
 * words (jieba) and its distinct characters, with the filters and the metadata a result
 * shows — not the page's HTML. The search page takes the passages it shows from the
 * phrase index's text chunks. Indexing records instead of pages cut Pagefind's time to
 * about a third (README "Benchmark"). Node only (jieba is native).
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import type { CircularMeta } from "../model/circular.ts";
import { formatDate, placeOf } from "../model/display.ts";
import type { FacetKey } from "./facets.ts";

export interface PagefindRecord {
  url: string;
  content: string;
  language: "zh-cn";
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

let jieba: Jieba | null = null;
const HAN = /\p{Script=Han}/u;

/** Distinct words and distinct Han characters of the texts, in first-seen order. */
export function distinctTerms(texts: string[]): string[] {
  jieba ??= Jieba.withDict(dict);
  const words = new Set<string>();
  const chars = new Set<string>();
  // One call for the whole text: a call per passage cost more than the cutting.
  const all = texts.join("\n");
  for (const w of jieba.cut(all, false)) if (HAN.test(w) || /[a-z0-9]/i.test(w)) words.add(w.trim());
  for (const c of all) if (HAN.test(c)) chars.add(c);
  words.delete("");
  return [...words, ...[...chars].filter((c) => !words.has(c))];
}

/** `url` is the page's path under the site's base (Pagefind adds the base); `chunks` the number of its text chunks. */
export function pagefindRecord(doc: CircularMeta, texts: string[], facets: Array<[FacetKey, string]>, url: string, chunks: number): PagefindRecord {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of facets) (filters[key] ??= []).push(value);
  return {
    url,
    content: [doc.title, ...distinctTerms([doc.title, ...doc.issuers, ...texts])].join(" "),
    language: "zh-cn",
    meta: { title: doc.title, docNumber: doc.docNumber ?? "", date: formatDate(doc.date), place: placeOf(doc.jurisdiction), id: doc.id, chunks: String(chunks) },
    filters,
    sort: { date: doc.date ?? "0000" },
  };
}
