/**
 * Which pages an incremental build renders again. Every page of a dynamic route has a key
 * (`doc:<id>` for a document's page, `data:<id>` for its JSON, `source:<id>` for its source
 * text, `topic:<slug>`, `region:<code>` …) and its inputs, grouped by rule: what of the
 * library the page shows. A build stores each page's fingerprint per rule; the next build
 * renders a page when a fingerprint differs or the page is new, and deletes the files of
 * pages that are gone. Pages of static routes (home, lists, search, data exports, sitemap)
 * are rendered by every build.
 *
 * A rule earns its place only if some change is seen by it alone: tests/site/incremental
 * builds a library incrementally and from scratch, compares every file, and shows for each
 * rule a page that differs which the others would have kept.
 */
import { createHash } from "node:crypto";
import { type CorpusIndex, docsIn } from "../corpus/index.ts";
import { departmentsByJurisdiction } from "./departments.ts";
import { topicOverview, topicYear, topicYears } from "./topicPages.ts";
import type { Fingerprints, PageStates } from "../library/files.ts";

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
   * compared for the documents both builds name (which it names is the links' part). Each
   * document's card is stored once, and a page names documents by their place in that table
   * (stored per page, the cards were 37 MB at 10,000 documents, and 2 s of a build to read and write).
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
export type { Fingerprints, PageStates };

/** A document's source: its file's hash and its correction's (store.ts sourceHashes), from which its model is made. */
export type SourceOf = (id: string) => string | null;

/**
 * Every page of the dynamic routes, with its inputs by rule, one by one. List pages come
 * first: they need nothing of the derive stage, which an incremental site build waits for
 * when it first reads related clauses (site/corpus.ts), so their views are made and hashed
 * (pageStates) while derive still runs; then the documents' pages, then the topics'
 * overviews (their pairs to compare are of similar documents).
 */
export function* pageInputs(index: CorpusIndex, sourceOf: SourceOf): Generator<[string, PageInputs]> {
  // What a page shows of another document: its model and its 时效性, hashed once per document
  // (a document is a card on many list pages).
  const cardHashes = new Map<string, string>();
  const cardOf = (id: string) =>
    cardHashes.get(id) ?? cardHashes.set(id, hash([sourceOf(id), index.validity.get(id) ?? null])).get(id)!;
  const cards = (ids: Iterable<string | null | undefined>) =>
    [...new Set([...ids].filter((id): id is string => !!id))].sort().map((id): [string, string] => [id, cardOf(id)]);
  for (const [id, to] of index.movedIds) yield [`moved:${id}`, { members: { to, card: cardOf(to) } }];
  // List pages show their members in the library's order (newest first).
  const ordered = (ids: Iterable<string>) => docsIn(index, ids).map((d) => d.id);
  const topics = [...index.topicClauses].filter(([, entries]) => entries.length > 0).map(([slug]) => slug);
  for (const slug of topics) {
    for (const year of topicYears(index, slug)) {
      const view = topicYear(index, slug, year);
      const places = view.provinces.flatMap((p) => p.places);
      const docIds = [...view.primary, ...view.mentioned, ...places.flatMap((g) => g.more.map((m) => m.docId))];
      yield [
        `topic:${slug}/${year}`,
        {
          members: { view, cards: cards([...docIds, ...places.flatMap((g) => g.listed.map((e) => e.docId))]) },
        },
      ];
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
    yield [
      `region:${node.code}`,
      {
        members: { node, ancestors, subtree, below: ordered(below), cards: cards([...node.docIds, ...below]) },
      },
    ];
  }
  for (const [year, ids] of index.years) yield [`year:${year}`, { members: { ids: ordered(ids), cards: cards(ids) } }];
  for (const [code, entries] of departmentsByJurisdiction(index)) {
    yield [
      `dept:${code}`,
      {
        members: { entries, cards: cards(entries.flatMap((e) => e.clauses.map((c) => c.docId))) },
      },
    ];
  }
  for (const kind of index.kinds) yield [`kind:${kind.slug}`, { members: { kind, cards: cards(kind.docIds) } }];
  const similar = index.similarCirculars();
  for (const doc of index.docs) {
    const id = doc.id;
    const validity = index.validity.get(id) ?? null;
    const cites = index.citations.cites.get(id) ?? [];
    const citedBy = index.citations.citedBy.get(id) ?? [];
    const clauseCitedBy = [...(index.citations.clauseCitedBy.get(id) ?? [])];
    const stubs = cites.map((c) => (c.stubKey ? index.citations.stubs.get(c.stubKey)?.slug : null));
    const related = index.relatedSummaryOf(id);
    const chain = index.versions.get(id)?.docIds ?? [];
    const kind = index.kindOf.get(id) ?? null;
    // What the document's JSON shows of its kind; its page shows the kind's size besides.
    const kindData = kind && { slug: kind.slug, name: kind.name, baseline: kind.baseline };
    const source = sourceOf(id);
    const named = [
      validity?.by,
      ...cites.map((c) => c.targetId),
      ...citedBy.map((r) => r.docId),
      ...clauseCitedBy.flatMap(([, refs]) => refs.map((r) => r.docId)),
      ...related.docIds,
      ...(similar.get(id) ?? []).map((r) => r.docId),
      ...chain,
      kind?.baseline,
    ];
    // Its open data and its source text are pages of their own: a new document in its lists of
    // similar clauses and documents changes the page alone (1,108 of 1,118 documents rendered
    // again after adding ten to 10,000).
    yield [
      `data:${id}`,
      {
        // The model as stored, which names its source file: the same text found in another folder is the same page
        // but not the same data.
        text: [source, doc.source],
        validity,
        links: {
          clauseCitedBy,
          versions: chain,
          kind: kindData,
        },
      },
    ];
    yield [`source:${id}`, { text: source }];
    yield [
      `doc:${id}`,
      {
        text: source,
        validity,
        links: {
          citations: { cites, citedBy, clauseCitedBy, stubs },
          related: related.hash,
          similar: similar.get(id) ?? [],
          versions: chain,
          kind: kind && { ...kindData, jurisdictionCount: kind.jurisdictionCount, count: kind.docIds.length },
        },
        neighbours: cards(named.filter((n) => n !== id)),
      },
    ];
  }
  for (const slug of topics) {
    const overview = topicOverview(index, slug);
    const named = [...overview.primary.ids, ...overview.mentioned.ids, ...overview.pairs.flatMap((p) => [p.a, p.b])];
    yield [`topic:${slug}`, { members: { overview, cards: cards(named) } }];
  }
}

/** A short hash of plain data (inputs hold no Map: JSON would write it as {}, and a replacer makes it slow). */
const hash = (value: unknown) =>
  createHash("sha256")
    .update(JSON.stringify(value) ?? "null")
    .digest("base64url")
    .slice(0, 16);

/** Every page's short hash per rule of its inputs, and the table of the cards its neighbours are named from. */
export function pageStates(inputs: Iterable<[string, PageInputs]>): PageStates {
  const cards: PageStates["cards"] = [];
  const place = new Map<string, number>();
  const placeOf = ([id, card]: [string, string]) => {
    let i = place.get(id);
    if (i === undefined) place.set(id, (i = cards.push([id, card]) - 1));
    return i;
  };
  const pages: PageStates["pages"] = {};
  for (const [key, page] of inputs) {
    const out: Fingerprints = {};
    for (const rule of PAGE_RULES)
      if (rule === "neighbours") {
        if (page.neighbours) out.neighbours = page.neighbours.map(placeOf);
      } else if (rule in page) out[rule] = hash(page[rule]);
    pages[key] = out;
  }
  return { cards, pages };
}

export interface PagePlan {
  /** Keys of the pages to render: new ones and those whose inputs changed. */
  render: Set<string>;
  /** Keys of pages the last build wrote that are gone now. */
  removed: string[];
}

/**
 * The pages to render and to delete, given the last build's states and this one's.
 * `omit` leaves rules out of the comparison: the tests show each rule is needed.
 */
export function planPages(previous: PageStates, next: PageStates, omit: readonly PageRule[] = []): PagePlan {
  const cardBefore = new Map(previous.cards);
  // The places in this build's table of documents whose card both builds have, and differs.
  const changedCards = new Set(
    next.cards.flatMap(([id, card], i) => (cardBefore.has(id) && cardBefore.get(id) !== card ? [i] : [])),
  );
  const neighbourChanged = (before: Fingerprints, now: Fingerprints) => {
    const changed = (now.neighbours ?? []).filter((i) => changedCards.has(i)).map((i) => next.cards[i]![0]);
    if (changed.length === 0) return false;
    const named = new Set((before.neighbours ?? []).map((i) => previous.cards[i]![0]));
    return changed.some((id) => named.has(id));
  };
  const render = new Set<string>();
  for (const [key, now] of Object.entries(next.pages)) {
    const before = previous.pages[key];
    if (
      !before ||
      PAGE_RULES.some(
        (rule) =>
          !omit.includes(rule) && (rule === "neighbours" ? neighbourChanged(before, now) : before[rule] !== now[rule]),
      )
    )
      render.add(key);
  }
  return { render, removed: Object.keys(previous.pages).filter((key) => !(key in next.pages)) };
}
