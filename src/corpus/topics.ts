/** Topic tagging by rule: a clause carries a topic when one of its terms occurs in it. */
import { TOPICS, type TopicDef } from "../config/topics.ts";
import type { CircularMeta } from "../model/circular.ts";
import { toSimplified } from "../text/keys.ts";

export interface TopicMatch {
  slug: string;
  /** The terms that matched, so a page can say why. */
  terms: string[];
}

export function tagText(text: string, topics: TopicDef[] = TOPICS): TopicMatch[] {
  const simplified = toSimplified(text);
  const out: TopicMatch[] = [];
  for (const t of topics) {
    const terms = t.terms.filter((term) => simplified.includes(term));
    if (terms.length) out.push({ slug: t.slug, terms });
  }
  return out;
}

/** Topics of each clause, and of the document (the union of its clauses'). */
export function tagCircular(doc: Pick<CircularMeta, "clauses">): { byClause: Map<string, TopicMatch[]>; document: string[] } {
  const byClause = new Map<string, TopicMatch[]>();
  const document = new Set<string>();
  for (const c of doc.clauses) {
    const tags = tagText(c.text);
    byClause.set(c.id, tags);
    tags.forEach((t) => document.add(t.slug));
  }
  return { byClause, document: TOPICS.map((t) => t.slug).filter((s) => document.has(s)) };
}
