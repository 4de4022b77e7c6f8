/**
 * The search page in the browser. Two engines:
 * - the exact-phrase index (phrase.ts) answers every query of two or more characters: it
 *   finds every circular and clause containing the phrase, 文号 or issuer — complete by
 *   construction, and cheap (a first search fetches a few small files);
 * - Pagefind (extended, Chinese segmentation) answers what the phrase index cannot: one-
 *   character queries, and related circulars holding the query's words apart when no
 *   circular holds the exact phrase. It is loaded only then: its own first search costs
 *   more than the whole budget for one (see README, search cost).
 * Query and filters are kept in the URL.
 */
import { siteUrls } from "../config/urls.ts";
import { findDocNumbers } from "../text/docNumber.ts";
import { createKeys, keyWithOffsets, type Keys } from "../text/normalize.ts";
import { browserFold, type ScriptTable } from "../text/script.ts";
import { findPhrase, type PhraseDoc, type PhraseFacets, type PhraseMeta } from "./phrase.ts";

const FILTER_KEYS = ["province", "level", "year", "topic", "genre", "department"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;
const PAGE = 5;

const urls = siteUrls(document.documentElement.dataset.base);
const cache = new Map<string, Promise<unknown>>();
function getJson<T>(url: string): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    });
    cache.set(url, p);
  }
  return p as Promise<T>;
}
const searchData = <T>(path: string) => getJson<T>(urls.searchData(path));
/** Keys folded as the index folded its texts; the whole script table is fetched only for traditional characters. */
const foldFor = browserFold(() => getJson<ScriptTable>(urls.scriptTable()));
const keysFor = async (texts: string[]): Promise<Keys> => createKeys(await foldFor(texts));

const length = (key: string) => [...key].length;

/** The phrases a query asks for: a 文号 in any written form is one phrase, else its words. */
export function queryTerms(q: string, keys: Keys): string[] {
  const trimmed = q.trim();
  const number = findDocNumbers(trimmed)[0];
  if (number && length(keys.phraseKey(number.raw)) >= length(keys.phraseKey(trimmed)) - 1) return [number.normalized];
  return trimmed.split(/[\s\u3000]+/).filter(Boolean);
}

export interface ExactHit {
  doc: number;
  /** Entries within the circular that match: 0 is its header (title, 文号, issuers), 1… its clauses and other text. */
  offsets: number[];
}

/** Every circular containing all the query's phrases; null when a phrase is too short to look up. */
export async function exactSearch(terms: string[], keys: Keys, filters: Filters): Promise<ExactHit[] | null> {
  const termKeys = terms.map(keys.phraseKey);
  if (termKeys.length === 0 || termKeys.some((k) => length(k) < 2)) return null;
  const meta = await searchData<PhraseMeta>("meta.json");
  const perTerm = await Promise.all(termKeys.map((k) => findPhrase(k, meta, (kind, s) => searchData(`${kind}/${s}.json`))));
  // A circular matches when it holds every term; its matching entries are those of all terms.
  const docs = (perTerm as Array<Map<number, Set<number>>>).reduce((prev, byDoc) =>
    new Map([...byDoc].filter(([d]) => prev.has(d)).map(([d, s]) => [d, new Set([...s, ...prev.get(d)!])])));
  let keep = (_d: number) => true;
  if (Object.values(filters).some(Boolean)) {
    // Facets are fetched only when a filter is set: a first search does not pay for them.
    const [f, deptDocs] = await Promise.all([
      searchData<PhraseFacets>("facets.json"),
      filters.department ? searchData<Record<string, number[]>>("departments.json").then((m) => new Set(m[filters.department!] ?? [])) : null,
    ]);
    keep = (d) => {
      const [province, level, year, genre, topics] = f.facets[d]!;
      return (!filters.province || f.provinces[province] === filters.province) &&
        (!filters.level || f.levels[level] === filters.level) &&
        (!filters.year || String(year) === filters.year) &&
        (!filters.genre || f.genres[genre] === filters.genre) &&
        (!filters.topic || (topics & (1 << f.topics.indexOf(filters.topic))) !== 0) &&
        (!deptDocs || deptDocs.has(d));
    };
  }
  return [...docs]
    .filter(([d]) => keep(d))
    .sort((a, b) => a[0] - b[0])
    .map(([doc, offsets]) => ({ doc, offsets: [...offsets].sort((x, y) => x - y) }));
}

interface PagefindResult {
  url: string;
  meta: Record<string, string>;
  sub_results: Array<{ title: string; url: string; excerpt: string }>;
}

async function pagefindSearch(q: string, filters: Filters, sort: string): Promise<{ total: number; load: (n: number) => Promise<PagefindResult[]> }> {
  const meta = await searchData<PhraseMeta>("meta.json");
  const [first, ...others] = meta.pagefindBundles;
  const pf = await import(/* @vite-ignore */ urls.url(`${first}pagefind.js`));
  await pf.options({ baseUrl: urls.base, excerptLength: 40 });
  for (const bundle of others) await pf.mergeIndex(urls.url(bundle));
  const pfFilters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const search = await pf.search(q, { filters: pfFilters, sort: sort === "date-desc" ? { date: "desc" } : sort === "date-asc" ? { date: "asc" } : undefined });
  const results = (search?.results ?? []) as Array<{ data: () => Promise<PagefindResult> }>;
  return { total: results.length, load: (n) => Promise.all(results.slice(0, n).map((r) => r.data())) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * An excerpt of `text` around the first occurrence of any term, every occurrence marked.
 * Matches are found in the text's phrase key (so 應急預案 in a traditional text is marked
 * for 应急预案) and marked on the characters as written.
 */
export function excerpt(text: string, terms: string[], keys: Keys, width = 40): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const { key, offsets } = keyWithOffsets(flat, keys);
  const spans: Array<[number, number]> = [];
  for (const term of terms.map(keys.phraseKey).filter(Boolean)) {
    for (let at = key.indexOf(term); at >= 0; at = key.indexOf(term, at + 1)) spans.push([offsets[at]!, offsets[at + term.length - 1]! + 1]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const start = Math.max(0, (spans[0]?.[0] ?? 0) - width);
  const end = Math.min(flat.length, start + width * 3);
  let out = "";
  let at = start;
  for (const [from, to] of spans) {
    if (from < at || to > end) continue;
    out += escapeHtml(flat.slice(at, from)) + `<mark>${escapeHtml(flat.slice(from, to))}</mark>`;
    at = to;
  }
  out += escapeHtml(flat.slice(at, end));
  return (start > 0 ? "…" : "") + out + (end < flat.length ? "…" : "");
}

function readForm(form: HTMLFormElement): { q: string; filters: Filters; sort: string } {
  const data = new FormData(form);
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = String(data.get(k) ?? "").trim();
    if (v) filters[k] = v;
  }
  return { q: String(data.get("q") ?? "").trim(), filters, sort: String(data.get("sort") ?? "") };
}

function writeForm(form: HTMLFormElement, params: URLSearchParams): void {
  for (const el of Array.from(form.elements) as Array<HTMLInputElement | HTMLSelectElement>) {
    if (el.name && params.has(el.name)) el.value = params.get(el.name)!;
  }
}

/**
 * Order of the exact results. Relevance: circulars whose title, 文号 or issuer match first,
 * then those with more matching passages, then newer (the index is in date order).
 */
export function orderHits(hits: ExactHit[], sort: string): number[] {
  if (sort === "date-asc") return hits.map((h) => h.doc).reverse();
  if (sort === "date-desc") return hits.map((h) => h.doc);
  const score = (h: ExactHit) => (h.offsets[0] === 0 ? 1e6 : 0) + h.offsets.length;
  return [...hits].sort((a, b) => score(b) - score(a) || a.doc - b.doc).map((h) => h.doc);
}

export function startSearchPage(): void {
  const form = document.getElementById("search-form") as HTMLFormElement;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results") as HTMLOListElement;
  const more = document.getElementById("search-more") as HTMLButtonElement;
  let run = 0;

  const search = async () => {
    const { q, filters, sort } = readForm(form);
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    list.dataset.docIndexes = "";
    list.dataset.state = "loading";
    if (!q) {
      status.textContent = "";
      list.dataset.state = "done";
      return;
    }
    status.textContent = "检索中…";
    const queryKeys = await keysFor([q]);
    const terms = queryTerms(q, queryKeys);
    const exact = await exactSearch(terms, queryKeys, filters);
    if (mine !== run) return;
    if (exact === null || exact.length === 0) {
      // The phrase index cannot answer one-character queries; Pagefind can, and it also
      // offers related circulars (all words, not the exact phrase) when nothing matches exactly.
      const pf = await pagefindSearch(q, filters, sort).catch(() => null);
      const top = pf ? await pf.load(PAGE) : [];
      if (mine !== run) return;
      status.textContent = exact === null
        ? `共 ${pf?.total ?? 0} 件相关文件。`
        : `没有文件含“${terms.join(" ")}”。${top.length ? `以下是含有其中词语的相关文件（${pf!.total} 件）：` : ""}`;
      for (const r of top) list.append(renderPagefindResult(r));
      list.dataset.state = "done";
      return;
    }
    const order = orderHits(exact, sort);
    const hits = new Map(exact.map((h) => [h.doc, h.offsets]));
    const passageCount = exact.reduce((n, h) => n + h.offsets.filter((o) => o > 0).length, 0);
    status.textContent = `共 ${order.length} 件文件、${passageCount} 处含“${terms.join(" ")}”。`;
    list.dataset.docIndexes = order.join(",");
    let shown = 0;
    const showPage = async () => {
      const page = order.slice(shown, shown + PAGE);
      shown += page.length;
      const rendered = await Promise.all(page.map(async (d) => {
        const offsets = hits.get(d)!;
        const [doc, texts] = await Promise.all([searchData<PhraseDoc>(`doc/${d}.json`), offsets.some((o) => o > 0) ? searchData<string[]>(`text/${d}.json`) : null]);
        const shown = texts ? offsets.filter((o) => o > 0).map((o) => texts[o]!) : [];
        return renderResult(doc, offsets, texts, terms, await keysFor([q, ...shown]));
      }));
      list.append(...rendered);
      more.hidden = shown >= order.length;
    };
    more.onclick = () => void showPage();
    await showPage();
    if (mine === run) list.dataset.state = "done";
  };

  writeForm(form, new URLSearchParams(location.search));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
    void search();
  });
  void search();
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function renderPagefindResult(r: PagefindResult): HTMLLIElement {
  const li = element("li", { className: "result" },
    element("h2", {}, element("a", { href: r.url, textContent: r.meta.title ?? r.url })),
    element("p", { className: "result-meta", textContent: [r.meta.docNumber, r.meta.date, r.meta.place].filter(Boolean).join(" · ") }));
  const subs = element("ul", { className: "sub-results" });
  for (const s of r.sub_results.slice(0, 3)) {
    // Pagefind's excerpt is HTML it escaped itself, with <mark> around matches.
    subs.append(element("li", {}, element("a", { href: s.url, textContent: s.title }), element("p", { className: "excerpt", innerHTML: s.excerpt })));
  }
  li.append(subs);
  return li;
}

function renderResult(doc: PhraseDoc, offsets: number[], texts: string[] | null, terms: string[], keys: Keys): HTMLLIElement {
  const li = element("li", { className: "result" },
    element("h2", {}, element("a", { href: doc.url, textContent: doc.title })),
    element("p", { className: "result-meta", textContent: [doc.docNumber, doc.date, doc.place].filter(Boolean).join(" · ") }));
  li.dataset.docId = doc.id;
  const subs = element("ul", { className: "sub-results" });
  for (const o of offsets.filter((x) => x > 0)) {
    const anchor = doc.anchors[o - 1]!;
    subs.append(element("li", {},
      element("a", { href: anchor ? `${doc.url}#${anchor}` : doc.url, textContent: doc.labels[o - 1]! }),
      element("p", { className: "excerpt", innerHTML: texts ? excerpt(texts[o]!, terms, keys) : "" })));
  }
  if (subs.children.length) li.append(subs);
  return li;
}
