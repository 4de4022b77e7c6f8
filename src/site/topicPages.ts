/**
 * What a topic's pages show, as plain data: the pages draw it and the page plan fingerprints it.
 *
 * A topic's overview (/topics/<slug>/) stays bounded as the library grows: counts, a
 * province × year table, pairs to compare, the first documents of each list, and a link
 * per year. Its clauses are on one page per year (/topics/<slug>/<year>/), by province and
 * place: a page listing every clause of a topic was 14–29 MB at 10,000 circulars, and a new
 * document re-rendered all of it; a new year's documents now touch one year's page.
 */
import type { CircularMeta, Jurisdiction } from "../model/circular.ts";
import { jurisdictionText } from "../model/display.ts";
import { provinceFacet } from "../search/filters.ts";
import { type CorpusIndex, type TopicEntry, yearOf } from "../corpus/index.ts";
import { inForceFirst } from "../corpus/validity.ts";
import { compareChinese } from "../text/collate.ts";

/** The documents of an overview's list shown there; the rest are on the year pages. */
export const LISTED_ON_OVERVIEW = 20;
/** Documents of a place and year whose matching clauses a year page lists; the others are links. */
export const LISTED_PER_PLACE = 3;
/** The year key of documents with no known date. */
export const UNDATED = "undated";

const UNKNOWN_PLACE = "地区不详";

/** A province as a topic's pages group by: its GB/T 2260 code (national 100000, unknown "unknown") and name. */
export interface ProvinceKey {
  code: string;
  name: string;
}

export function provinceOf(j: Jurisdiction | null): ProvinceKey {
  const name = provinceFacet(j);
  if (!j || !name) return { code: "unknown", name: UNKNOWN_PLACE };
  return { code: j.level === "national" ? j.code : `${j.code.slice(0, 2)}0000`, name };
}

/** Provinces in GB/T 2260 order (国家 first), unknown last. */
const byCode = (a: ProvinceKey, b: ProvinceKey) =>
  (a.code === "unknown" ? 1 : 0) - (b.code === "unknown" ? 1 : 0) || a.code.localeCompare(b.code);

export const yearKeyOf = (doc: CircularMeta) => yearOf(doc) ?? UNDATED;
export const yearLabel = (key: string) => (key === UNDATED ? "年份不详" : `${key}年`);

/**
 * A topic's documents: those about it (主要主题) and those that only mention it (涉及), each in
 * force first, then newest (made once per topic: filtering the whole library for each year
 * page was a second at 10,000).
 */
function topicDocs(index: CorpusIndex, slug: string) {
  return once(index, `docs:${slug}`, () => {
    const ofTopic = docsByTopic(index).get(slug);
    const about = (part: "primary" | "mentioned") =>
      inForceFirst(ofTopic?.[part] ?? [], index.validity).map((d) => d.id);
    return { primary: about("primary"), mentioned: about("mentioned") };
  });
}

/** Every topic's documents, about it and mentioning it, in library order: one pass (a filter per topic cost 0.4 s). */
const docsByTopic = (index: CorpusIndex) =>
  once(index, "docsByTopic", () => {
    const out = new Map<string, { primary: CircularMeta[]; mentioned: CircularMeta[] }>();
    for (const doc of index.docs) {
      const topics = index.docTopics.get(doc.id);
      for (const part of ["primary", "mentioned"] as const)
        for (const slug of new Set(topics?.[part]))
          (out.get(slug) ?? out.set(slug, { primary: [], mentioned: [] }).get(slug)!)[part].push(doc);
    }
    return out;
  });

/**
 * A topic's documents of one year key, in the topic's order (inForceFirst is a stable sort:
 * its order, split by year, is the order of sorting each year's), split once per topic.
 */
function topicDocsOfYear(index: CorpusIndex, slug: string, year: string) {
  const byYear = once(index, `docsByYear:${slug}`, () => {
    const out = new Map<string, { primary: string[]; mentioned: string[] }>();
    const all = topicDocs(index, slug);
    for (const part of ["primary", "mentioned"] as const)
      for (const id of all[part]) {
        const key = yearKeyOf(index.byId.get(id)!);
        (out.get(key) ?? out.set(key, { primary: [], mentioned: [] }).get(key)!)[part].push(id);
      }
    return out;
  });
  return byYear.get(year) ?? { primary: [], mentioned: [] };
}

/**
 * Views of one index, made once: the page plan fingerprints every topic page and the pages
 * then draw the same views in the same process.
 */
const views = new WeakMap<CorpusIndex, Map<string, unknown>>();
function once<T>(index: CorpusIndex, key: string, make: () => T): T {
  let made = views.get(index);
  if (!made) views.set(index, (made = new Map()));
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

/** A topic's entries by year key, in one pass. */
const entriesByYear = (index: CorpusIndex, slug: string) =>
  once(index, `years:${slug}`, () => {
    const byYear = new Map<string, TopicEntry[]>();
    for (const e of index.topicClauses.get(slug) ?? []) {
      const key = yearKeyOf(index.byId.get(e.docId)!);
      const list = byYear.get(key);
      if (list) list.push(e);
      else byYear.set(key, [e]);
    }
    return byYear;
  });

export interface TopicOverview {
  slug: string;
  clauseCount: number;
  /** Documents with a clause on the topic. */
  docCount: number;
  primary: { ids: string[]; total: number };
  mentioned: { ids: string[]; total: number };
  /** Year keys, newest first (undated last), with the documents and clauses of each. */
  years: Array<{ key: string; docs: number; clauses: number }>;
  /** Clauses by province (rows) and year (columns, oldest first); a cell links to the year page's province. */
  matrix: { years: string[]; rows: Array<{ province: ProvinceKey; clauses: Array<number | null> }> };
  pairs: Array<{ a: string; b: string; why: string }>;
  /** Clauses per dated year, oldest first, for the chart. */
  byYear: Array<{ label: string; value: number }>;
}

export const topicOverview = (index: CorpusIndex, slug: string): TopicOverview =>
  once(index, `overview:${slug}`, () => overviewOf(index, slug));

function overviewOf(index: CorpusIndex, slug: string): TopicOverview {
  const entries = index.topicClauses.get(slug) ?? [];
  const docIds = [...new Set(entries.map((e) => e.docId))];
  const docs = docIds.map((id) => index.byId.get(id)!);
  const { primary, mentioned } = topicDocs(index, slug);
  const cap = (ids: string[]) => ({ ids: ids.slice(0, LISTED_ON_OVERVIEW), total: ids.length });

  const clausesOf = new Map<string, number>();
  for (const e of entries) clausesOf.set(e.docId, (clausesOf.get(e.docId) ?? 0) + 1);
  const yearStats = new Map<string, { docs: number; clauses: number }>();
  const cells = new Map<string, { province: ProvinceKey; byYear: Map<string, number> }>();
  for (const d of docs) {
    const key = yearKeyOf(d);
    const n = clausesOf.get(d.id)!;
    const y = yearStats.get(key) ?? yearStats.set(key, { docs: 0, clauses: 0 }).get(key)!;
    y.docs += 1;
    y.clauses += n;
    const province = provinceOf(d.jurisdiction);
    const row =
      cells.get(province.code) ?? cells.set(province.code, { province, byYear: new Map() }).get(province.code)!;
    row.byYear.set(key, (row.byYear.get(key) ?? 0) + n);
  }
  const columns = [...yearStats.keys()].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : a.localeCompare(b)));
  const years = [...columns.filter((y) => y !== UNDATED).reverse(), ...columns.filter((y) => y === UNDATED)];
  const rows = [...cells.values()]
    .sort((a, b) => byCode(a.province, b.province))
    .map((r) => ({ province: r.province, clauses: columns.map((y) => r.byYear.get(y) ?? null) }));

  return {
    slug,
    clauseCount: entries.length,
    docCount: docIds.length,
    primary: cap(primary),
    mentioned: cap(mentioned),
    years: years.map((key) => ({ key, ...yearStats.get(key)! })),
    matrix: { years: columns, rows },
    pairs: comparePairs(index, docs),
    byYear: columns.filter((y) => y !== UNDATED).map((y) => ({ label: y, value: yearStats.get(y)!.clauses })),
  };
}

/** Pairs worth comparing: the two latest documents of each place, then the most alike documents of the topic. */
function comparePairs(index: CorpusIndex, docs: CircularMeta[]): TopicOverview["pairs"] {
  const byPlace = new Map<string, CircularMeta[]>();
  for (const d of docs) {
    const place = jurisdictionText(d.jurisdiction) || UNKNOWN_PLACE;
    const list = byPlace.get(place);
    if (list) list.push(d);
    else byPlace.set(place, [d]);
  }
  const pairs: TopicOverview["pairs"] = [];
  for (const place of [...byPlace.keys()].sort(compareChinese)) {
    const ds = byPlace.get(place)!;
    if (ds.length >= 2)
      pairs.push({ a: ds[1]!.id, b: ds[0]!.id, why: `${place}：${yearOf(ds[1]!) ?? ""} 与 ${yearOf(ds[0]!) ?? ""}` });
  }
  const inTopic = new Set(docs.map((d) => d.id));
  const seen = new Set(pairs.map((p) => [p.a, p.b].sort().join()));
  for (const d of docs) {
    if (pairs.length >= 8) break;
    for (const r of index.similarCirculars().get(d.id) ?? []) {
      const key = [d.id, r.docId].sort().join();
      if (!inTopic.has(r.docId) || seen.has(key) || pairs.length >= 8) continue;
      seen.add(key);
      pairs.push({ a: d.id, b: r.docId, why: `相似度 ${r.score.toFixed(2)}` });
    }
  }
  return pairs;
}

export interface TopicYear {
  slug: string;
  year: string;
  primary: string[];
  mentioned: string[];
  /** Provinces in GB/T 2260 order, each with its places (the province itself first) and their clauses. */
  provinces: Array<{
    province: ProvinceKey;
    places: Array<{ place: string; listed: TopicEntry[]; more: Array<{ docId: string; clauses: number }> }>;
  }>;
}

/** The year keys of a topic's documents with a clause on it: its year pages. */
export const topicYears = (index: CorpusIndex, slug: string): string[] => [...entriesByYear(index, slug).keys()];

export const topicYear = (index: CorpusIndex, slug: string, year: string): TopicYear =>
  once(index, `year:${slug}/${year}`, () => yearView(index, slug, year));

function yearView(index: CorpusIndex, slug: string, year: string): TopicYear {
  const entries = entriesByYear(index, slug).get(year) ?? [];
  type Place = { code: string; place: string; entries: TopicEntry[] };
  const provinces = new Map<string, { province: ProvinceKey; places: Map<string, Place> }>();
  for (const e of entries) {
    const j = index.byId.get(e.docId)!.jurisdiction;
    const province = provinceOf(j);
    const p =
      provinces.get(province.code) ?? provinces.set(province.code, { province, places: new Map() }).get(province.code)!;
    const place = jurisdictionText(j) || UNKNOWN_PLACE;
    const g = p.places.get(place) ?? p.places.set(place, { code: j?.code ?? "", place, entries: [] }).get(place)!;
    g.entries.push(e);
  }
  return {
    slug,
    year,
    ...topicDocsOfYear(index, slug, year),
    provinces: [...provinces.values()]
      .sort((a, b) => byCode(a.province, b.province))
      .map(({ province, places }) => ({
        province,
        places: [...places.values()]
          .sort((a, b) => a.code.localeCompare(b.code) || compareChinese(a.place, b.place))
          .map((g) => {
            // Clauses per document, in the order of their first clause.
            const clauses = new Map<string, number>();
            for (const e of g.entries) clauses.set(e.docId, (clauses.get(e.docId) ?? 0) + 1);
            const docIds = [...clauses.keys()];
            const listed = new Set(docIds.slice(0, LISTED_PER_PLACE));
            return {
              place: g.place,
              listed: g.entries.filter((e) => listed.has(e.docId)),
              more: docIds.slice(LISTED_PER_PLACE).map((docId) => ({ docId, clauses: clauses.get(docId)! })),
            };
          }),
      })),
  };
}
