/** Topic tagging by rule: a clause carries a topic when one of its terms occurs in it. */
import { TOPICS, type TopicDef } from "../config/topics.ts";
import type { CircularMeta, SectionNode } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { compactKey } from "../text/keys.ts";

export interface TopicMatch {
  slug: string;
  /** The terms that matched, so a page can say why. */
  terms: string[];
}

export function tagText(text: string, topics: TopicDef[] = TOPICS): TopicMatch[] {
  // On the compact key: simplified, without pinyin debris (危險化學(xué)品) or the spaces pages put inside words.
  const simplified = compactKey(text);
  const out: TopicMatch[] = [];
  for (const t of topics) {
    const terms = t.terms.filter((term) => simplified.includes(term));
    if (terms.length) out.push({ slug: t.slug, terms });
  }
  return out;
}

/**
 * A document's topics. Primary (主要主题): what its title names, and what a real share of
 * its clauses are about — weighted share at least `PRIMARY_SHARE`, from two clauses or more;
 * at most `MAX_PRIMARY`: the title's first, then the parts', then by share. A clause is about a topic when its
 * heading or a heading above it names it (weight 1); a term only in the body of a clause
 * that has a heading of its own is a mention (weight ½) — an article without a heading says
 * what it is about in its body (weight 1). A part of the document (a top-level section or
 * chapter) holding a tenth of its clauses or more, half of them about one topic, makes that topic primary too: a 工作要点
 * of seven parts gives each its own. Mentioned (涉及): every other topic a clause touches. A circular on 城市安全
 * that names 消防 in the bodies of three clauses of ten is about 城市安全 and mentions 消防.
 */
export interface DocumentTopics {
  primary: string[];
  mentioned: string[];
}

export const PRIMARY_SHARE = 0.2;
export const MAX_PRIMARY = 4;

/** Each clause's headings: its own and those of the sections above it. */
function headingsOf(doc: Pick<CircularMeta, "sections">): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (nodes: SectionNode[], above: string) => {
    for (const n of nodes) {
      const here = [above, n.heading ?? ""].join(" ");
      if (n.clause) out.set(n.id, here);
      walk(n.children, here);
    }
  };
  walk(doc.sections, "");
  return out;
}

function clauseIds(node: SectionNode): string[] {
  return node.clause ? [node.id] : node.children.flatMap(clauseIds);
}

/** Topics of each clause, and of the document (primary and mentioned). */
export function tagCircular(doc: Pick<CircularMeta, "title" | "sections">): {
  byClause: Map<string, TopicMatch[]>;
  document: DocumentTopics;
} {
  const byClause = new Map<string, TopicMatch[]>();
  const weight = new Map<string, number>();
  const clauses = new Map<string, number>();
  const headings = headingsOf(doc);
  for (const c of clausesOf(doc)) {
    const tags = tagText(c.text);
    byClause.set(c.id, tags);
    const headed = new Set(tagText(headings.get(c.id) ?? "").map((t) => t.slug));
    for (const slug of new Set([...tags.map((t) => t.slug), ...headed])) {
      clauses.set(slug, (clauses.get(slug) ?? 0) + 1);
      weight.set(slug, (weight.get(slug) ?? 0) + (headed.has(slug) || c.heading === null ? 1 : 0.5));
    }
  }
  const inTitle = new Set(tagText(doc.title).map((t) => t.slug));
  const partTopics = new Set<string>();
  for (const part of doc.sections) {
    const ids = clauseIds(part);
    if (ids.length < 2 || ids.length < clausesOf(doc).length / 10) continue;
    const about = new Map<string, number>();
    for (const id of ids) {
      const slugs = new Set([
        ...(byClause.get(id) ?? []).map((t) => t.slug),
        ...tagText(headings.get(id) ?? "").map((t) => t.slug),
      ]);
      for (const slug of slugs) about.set(slug, (about.get(slug) ?? 0) + 1);
    }
    for (const [slug, n] of about) if (n >= ids.length / 2) partTopics.add(slug);
  }
  const share = (slug: string) => (weight.get(slug) ?? 0) / Math.max(1, clausesOf(doc).length);
  // What the title names first, then what a part of the document is given to, then the rest by share.
  const rank = (slug: string) => (inTitle.has(slug) ? 2 : partTopics.has(slug) ? 1 : 0);
  const primary = TOPICS.map((t) => t.slug)
    .filter((s) => inTitle.has(s) || partTopics.has(s) || (share(s) >= PRIMARY_SHARE && (clauses.get(s) ?? 0) >= 2))
    .sort((a, b) => rank(b) - rank(a) || share(b) - share(a))
    .slice(0, MAX_PRIMARY);
  const mentioned = TOPICS.map((t) => t.slug).filter((s) => clauses.has(s) && !primary.includes(s));
  return { byClause, document: { primary, mentioned } };
}
