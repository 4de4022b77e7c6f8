/**
 * Which pages an incremental build renders again. Every page of a dynamic route has a key
 * (`doc:<id>` for a document's page with its JSON and text, `topic:<slug>`, `region:<code>`
 * …) and its inputs, grouped by rule: what of the library the page shows. A build stores
 * each page's fingerprint per rule; the next build renders a page when a fingerprint
 * differs or the page is new, and deletes the files of pages that are gone. Pages of
 * static routes (home, lists, search, data exports, sitemap) are rendered by every build.
 *
 * A rule earns its place only if some change is seen by it alone: tests/site/incremental
 * builds a library incrementally and from scratch, compares every file, and shows for each
 * rule a page that differs which the others would have kept.
 */
import { createHash } from "node:crypto";
import type { CorpusIndex } from "../corpus/index.ts";
import { departmentsByJurisdiction } from "./departments.ts";
import { topicOverview, topicYear, topicYears } from "./topicPages.ts";
import type { Fingerprints } from "../library/files.ts";

/** What a page shows, by kind of input. */
export const PAGE_RULES = [
  /** A document's own source and correction: its text, header, topics and departments (all read from it alone). */
  "text",
  /** Its 时效性, which other documents and the as-of date decide. */
  "validity",
  /**
   * Its links to other documents: what it cites (resolved or a stub) and who cites it, to
   * the clause; each clause's most similar clauses elsewhere, the most similar documents
   * (derive stage); its versions; its kind, with the kind's places and baseline.
   */
  "links",
  /**
   * Title, header, clause text and 时效性 of every other document a document's page names,
   * compared for the documents both builds name (which it names is the links' part).
   */
  "neighbours",
  /** A list page's members in order, what it computes from them, and what it shows of each. */
  "members",
] as const;
export type PageRule = (typeof PAGE_RULES)[number];

/** A page's inputs by rule; `neighbours` the hash of what it shows of each other document, by id. */
export type PageInputs = Partial<Record<Exclude<PageRule, "neighbours">, unknown>> & {
  neighbours?: Array<[string, string]>;
};
export type { Fingerprints };

/** A document's source: its file's hash and its correction's (store.ts sourceHashes), from which its model is made. */
export type SourceOf = (id: string) => string | null;

/** Every page of the dynamic routes, with its inputs by rule. */
export function pageInputs(index: CorpusIndex, sourceOf: SourceOf): Map<string, PageInputs> {
  const pages = new Map<string, PageInputs>();
  // What a page shows of another document: its model and its 时效性, hashed once per document
  // (a document is a card on many list pages).
  const cardHashes = new Map<string, string>();
  const cardOf = (id: string) =>
    cardHashes.get(id) ?? cardHashes.set(id, hash([sourceOf(id), index.validity.get(id) ?? null])).get(id)!;
  const cards = (ids: Iterable<string | null | undefined>) =>
    [...new Set([...ids].filter((id): id is string => !!id))].sort().map((id): [string, string] => [id, cardOf(id)]);
  const similar = index.similarCirculars();
  for (const doc of index.docs) {
    const id = doc.id;
    const validity = index.validity.get(id) ?? null;
    const cites = index.citations.cites.get(id) ?? [];
    const citedBy = index.citations.citedBy.get(id) ?? [];
    const clauseCitedBy = [...(index.citations.clauseCitedBy.get(id) ?? [])];
    const stubs = cites.map((c) => (c.stubKey ? index.citations.stubs.get(c.stubKey)?.slug : null));
    const related = [...index.relatedOf(id)];
    const chain = index.versions.get(id)?.docIds ?? [];
    const kind = index.kindOf.get(id) ?? null;
    const named = [
      validity?.by,
      ...cites.map((c) => c.targetId),
      ...citedBy.map((r) => r.docId),
      ...clauseCitedBy.flatMap(([, refs]) => refs.map((r) => r.docId)),
      ...related.flatMap(([, rs]) => rs.map((r) => r.docId)),
      ...(similar.get(id) ?? []).map((r) => r.docId),
      ...chain,
      kind?.baseline,
    ];
    pages.set(`doc:${id}`, {
      text: sourceOf(id),
      validity,
      links: {
        citations: { cites, citedBy, clauseCitedBy, stubs },
        related,
        similar: similar.get(id) ?? [],
        versions: chain,
        kind: kind && {
          slug: kind.slug,
          name: kind.name,
          jurisdictionCount: kind.jurisdictionCount,
          count: kind.docIds.length,
          baseline: kind.baseline,
        },
      },
      neighbours: cards(named.filter((n) => n !== id)),
    });
  }
  for (const [id, to] of index.movedIds) pages.set(`moved:${id}`, { members: { to, card: cardOf(to) } });
  // List pages show their members in the library's order (newest first).
  const ordered = (ids: Iterable<string>) => {
    const set = new Set(ids);
    return index.docs.filter((d) => set.has(d.id)).map((d) => d.id);
  };
  for (const [slug, entries] of index.topicClauses) {
    if (entries.length === 0) continue;
    const overview = topicOverview(index, slug);
    const named = [...overview.primary.ids, ...overview.mentioned.ids, ...overview.pairs.flatMap((p) => [p.a, p.b])];
    pages.set(`topic:${slug}`, { members: { overview, cards: cards(named) } });
    for (const year of topicYears(index, slug)) {
      const view = topicYear(index, slug, year);
      const places = view.provinces.flatMap((p) => p.places);
      const docIds = [...view.primary, ...view.mentioned, ...places.flatMap((g) => g.more.map((m) => m.docId))];
      pages.set(`topic:${slug}/${year}`, {
        members: { view, cards: cards([...docIds, ...places.flatMap((g) => g.listed.map((e) => e.docId))]) },
      });
    }
  }
  for (const node of index.jurisdictions.values()) {
    const below: string[] = [];
    const subtree: unknown[] = [];
    const collect = (code: string) => {
      for (const c of index.jurisdictions.get(code)!.children) {
        const child = index.jurisdictions.get(c)!;
        subtree.push([child.code, child.name, child.total, child.children]);
        below.push(...child.docIds);
        collect(c);
      }
    };
    collect(node.code);
    const ancestors: string[] = [];
    for (let p = node.parent; p; p = index.jurisdictions.get(p)!.parent) ancestors.push(p);
    pages.set(`region:${node.code}`, {
      members: { node, ancestors, subtree, below: ordered(below), cards: cards([...node.docIds, ...below]) },
    });
  }
  for (const [year, ids] of index.years)
    pages.set(`year:${year}`, { members: { ids: ordered(ids), cards: cards(ids) } });
  for (const [code, entries] of departmentsByJurisdiction(index)) {
    pages.set(`dept:${code}`, {
      members: { entries, cards: cards(entries.flatMap((e) => e.clauses.map((c) => c.docId))) },
    });
  }
  for (const kind of index.kinds) pages.set(`kind:${kind.slug}`, { members: { kind, cards: cards(kind.docIds) } });
  return pages;
}

/** A short hash of plain data (inputs hold no Map: JSON would write it as {}, and a replacer makes it slow). */
const hash = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(value) ?? "null")
    .digest("base64url")
    .slice(0, 16);

/** A short hash per rule of a page's inputs. */
export function fingerprint(inputs: PageInputs): Fingerprints {
  const out: Fingerprints = {};
  for (const rule of PAGE_RULES) {
    if (rule === "neighbours") {
      if (inputs.neighbours) out.neighbours = Object.fromEntries(inputs.neighbours);
    } else if (rule in inputs) out[rule] = hash(inputs[rule]);
  }
  return out;
}

export interface PagePlan {
  /** Keys of the pages to render: new ones and those whose inputs changed. */
  render: Set<string>;
  /** Keys of pages the last build wrote that are gone now. */
  removed: string[];
}

/** Whether a rule's inputs of a page differ between two builds. */
function changed(rule: PageRule, before: Fingerprints, now: Fingerprints): boolean {
  if (rule !== "neighbours") return before[rule] !== now[rule];
  const [was, is] = [before.neighbours ?? {}, now.neighbours ?? {}];
  return Object.keys(is).some((id) => id in was && was[id] !== is[id]);
}

/**
 * The pages to render and to delete, given the last build's fingerprints and this one's.
 * `omit` leaves rules out of the comparison: the tests show each rule is needed.
 */
export function planPages(
  previous: Record<string, Fingerprints>,
  next: Record<string, Fingerprints>,
  omit: readonly PageRule[] = [],
): PagePlan {
  const render = new Set<string>();
  for (const [key, now] of Object.entries(next)) {
    const before = previous[key];
    if (!before || PAGE_RULES.some((rule) => !omit.includes(rule) && changed(rule, before, now))) render.add(key);
  }
  return { render, removed: Object.keys(previous).filter((key) => !(key in next)) };
}
