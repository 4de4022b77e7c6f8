/**
 * What Pagefind indexes of a circular: only what the phrase index cannot answer. The phrase
 * index finds every passage holding a query exactly, one character or more; Pagefind offers
 * related circulars, holding the query's words apart, when none does. So a record is the
 * title and the circular's distinct words (jieba), with the filters and the metadata a
 * result shows — not the page's HTML. The search page takes the passages it shows from the
 * phrase index's text chunks. Records instead of pages cut Pagefind's time to a fifth
 * (README "Benchmark"). Node only (jieba is native).
 */
import { createHash } from "node:crypto";
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

/**
 * A record's content (title and distinct words) by the hash of the texts it is cut from. Cutting
 * every circular's words was a fifth of the search stage (16 s of 86 s at 10,000 circulars),
 * and a rebuild changes few texts: the last build's contents are reused for the same texts.
 */
export class WordCache {
  private readonly previous: Map<string, string>;
  private readonly used = new Map<string, string>();
  /** How many contents came from the last build. */
  reused = 0;
  constructor(previous: Iterable<[string, string]> = []) {
    this.previous = new Map(previous);
  }

  content(title: string, texts: string[]): string {
    const key = createHash("sha256")
      .update(JSON.stringify([title, texts]))
      .digest("base64url");
    let content = this.used.get(key) ?? this.previous.get(key);
    if (content === undefined) content = [title, ...distinctWords([title, ...texts])].join(" ");
    else if (!this.used.has(key)) this.reused++;
    this.used.set(key, content);
    return content;
  }

  /** The contents this build used, for the next one (those of texts gone are dropped). */
  entries(): Array<[string, string]> {
    return [...this.used];
  }
}

/**
 * `url` is the page's path under the site's base (Pagefind adds the base); `chunks` the number of its text chunks;
 * `words` the contents of the last build.
 */
export function pagefindRecord(
  doc: CircularMeta,
  texts: string[],
  facets: Array<[FacetKey, string]>,
  url: string,
  chunks: number,
  words: WordCache = new WordCache(),
): PagefindRecord {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of facets) (filters[key] ??= []).push(value);
  return {
    url,
    content: words.content(doc.title, [...doc.issuers, ...texts]),
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
