/**
 * The search page in the browser. Two engines:
 * - the exact-phrase index (phrase.ts) answers every query: it finds every circular and
 *   clause containing the phrase (one character or more), 文号 or issuer — complete by
 *   construction, read a page of postings at a time, so a first search costs a few small
 *   files whatever the library's size;
 * - Pagefind (extended, Chinese segmentation) answers what the phrase index cannot: related
 *   circulars holding the query's words apart when no circular holds the exact phrase. It
 *   is loaded only then: its own first search costs more than the whole budget for one
 *   (see README, search cost). Its records hold no text to show (pagefindRecord.ts), so
 *   its results show passages from the phrase index's text chunks, as exact results do.
 * Query and filters are kept in the URL.
 */
import { siteUrls } from "../config/urls.ts";
import { findDocNumbers } from "../text/docNumber.ts";
import { createKeys, keyWithOffsets, type Keys } from "../text/normalize.ts";
import { browserFold, type ScriptTable } from "../text/script.ts";
import { VALIDITY_NAMES } from "../model/display.ts";
import { titleMarked } from "../model/labels.ts";
import { download } from "../exports/download.ts";
import { basketButton, startBasketButtons } from "../exports/basketButtons.ts";
import { chunkOf, type HitOrder, type PhraseDoc, type PhraseFacets, type TextChunk } from "./phrase.ts";
import { openShards, ShardQuery, type Shard, type ShardHit } from "./shards.ts";
import { FACET_KEYS, type FacetKey } from "./filters.ts";

export type Filters = Partial<Record<FacetKey, string>>;
const PAGE = 5;

const urls = siteUrls(document.documentElement.dataset.base);
const cache = new Map<string, Promise<unknown>>();
function getJson<T>(url: string, read: (r: Response) => Promise<unknown> = (r) => r.json()): Promise<T> {
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return read(r);
    });
    // A failed fetch is not kept: the next search asks again ("请稍后再试").
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p as Promise<T>;
}
/**
 * A phrase index file: stored gzipped alone (storedFiles.ts), inflated here. A server that sends .gz files with
 * Content-Encoding: gzip (Apache's AddEncoding) has the browser inflate it first: JSON never starts with gzip's magic.
 */
async function inflatedJson(r: Response): Promise<unknown> {
  const bytes = new Uint8Array(await r.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
}
const indexFile =
  (searchDataUrl: (path: string) => string) =>
  <T>(path: string) =>
    getJson<T>(`${searchDataUrl(path)}.gz`, inflatedJson);
/** This library's index and those of the other libraries (shards) it names, opened once (again after a failure). */
let shardsOpened: Promise<Shard[]> | null = null;
const searchShards = () =>
  (shardsOpened ??= openShards({ base: urls.base, load: indexFile(urls.searchData) }, (base) =>
    indexFile((path) => `${base}search-data/${path}`),
  ).catch((e: unknown) => {
    shardsOpened = null;
    throw e;
  }));
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

/**
 * Which circulars of a shard the filters keep (facets are fetched only when a filter is set: a first search does not
 * pay for them).
 */
async function filterOf(filters: Filters, shard: Shard): Promise<(d: number) => boolean> {
  if (!Object.values(filters).some(Boolean)) return () => true;
  const [f, deptDocs] = await Promise.all([
    shard.load<PhraseFacets>("facets.json"),
    filters.department
      ? shard.load<Record<string, number[]>>("departments.json").then((m) => new Set(m[filters.department!] ?? []))
      : null,
  ]);
  return (d) => {
    const [province, level, year, genre, topics, validity] = f.facets[d]!;
    return (
      (!filters.province || f.provinces[province] === filters.province) &&
      (!filters.level || f.levels[level] === filters.level) &&
      (!filters.year || String(year) === filters.year) &&
      (!filters.genre || f.genres[genre] === filters.genre) &&
      (!filters.topic || (topics & (1 << f.topics.indexOf(filters.topic))) !== 0) &&
      (!filters.validity || f.validities[validity] === filters.validity) &&
      (!deptDocs || deptDocs.has(d))
    );
  };
}

/** Up to `n` more items of an iterator. */
async function take<T>(it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const next = await it.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

interface PagefindResult {
  url: string;
  meta: Record<string, string>;
}

async function pagefindSearch(
  q: string,
  filters: Filters,
  sort: string,
  shards: Shard[],
): Promise<{ total: number; load: (n: number) => Promise<PagefindResult[]> }> {
  const [own, ...peers] = shards;
  // This library's bundles; a national index's shards' (national.ts); other libraries' — each with its base for its
  // results' links.
  const bundles = [
    ...own!.meta.pagefindBundles.map((b) => ({ url: urls.url(b), base: urls.base })),
    ...(own!.meta.pagefindShards ?? []).flatMap((s) => s.bundles.map((b) => ({ url: `${s.base}${b}`, base: s.base }))),
    ...peers.flatMap((peer) => peer.meta.pagefindBundles.map((b) => ({ url: `${peer.base}${b}`, base: peer.base }))),
  ];
  const [first, ...others] = bundles;
  const pf = await import(/* @vite-ignore */ `${first!.url}pagefind.js`);
  await pf.options({ baseUrl: first!.base, excerptLength: 0 });
  for (const bundle of others) await pf.mergeIndex(bundle.url, { baseUrl: bundle.base });
  const pfFilters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const search = await pf.search(q, {
    filters: pfFilters,
    sort: sort === "date-desc" ? { date: "desc" } : sort === "date-asc" ? { date: "asc" } : undefined,
  });
  const results = (search?.results ?? []) as Array<{ data: () => Promise<PagefindResult> }>;
  return { total: results.length, load: (n) => Promise.all(results.slice(0, n).map((r) => r.data())) };
}

/** One text chunk of a circular (phrase.ts), from its shard. */
const textChunk = (shard: Shard, id: string, k: number) => shard.load<TextChunk>(`text/${id}/${k}.json`);

/** How many passages of a result get an excerpt; the others are listed by their labels. */
const EXCERPTS = 3;

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
    for (let at = key.indexOf(term); at >= 0; at = key.indexOf(term, at + 1))
      spans.push([offsets[at]!, offsets[at + term.length - 1]! + 1]);
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
  for (const k of FACET_KEYS) {
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

const ORDERS: Record<string, HitOrder> = { "": "relevance", "date-desc": "date-desc", "date-asc": "date-asc" };

export function startSearchPage(): void {
  const form = document.getElementById("search-form") as HTMLFormElement;
  const status = document.getElementById("search-status")!;
  const list = document.getElementById("search-results") as HTMLOListElement;
  const more = document.getElementById("search-more") as HTMLButtonElement;
  const exports = document.getElementById("search-exports")!;
  let exportable: { name: string; rows: () => Promise<string[][]> } | null = null;
  let run = 0;
  startBasketButtons();
  for (const kind of ["xlsx", "csv"] as const) {
    exports.querySelector<HTMLButtonElement>(`[data-export="${kind}"]`)!.addEventListener("click", async () => {
      if (!exportable) return;
      status.textContent = "正在导出检索结果…";
      const rows = await exportable.rows();
      const name = `检索结果-${exportable.name}`.replace(/[\\/:*?"<>|\s]+/g, "").slice(0, 60);
      if (kind === "csv") {
        const { csv, SEARCH_HEADER } = await import("../exports/csv.ts");
        download(new Blob([csv(SEARCH_HEADER, rows)], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
      } else {
        const [{ xlsx }, { SEARCH_HEADER }] = await Promise.all([
          import("../exports/xlsx.ts"),
          import("../exports/csv.ts"),
        ]);
        download(await xlsx("检索结果", SEARCH_HEADER, rows), `${name}.xlsx`);
      }
      status.textContent = `已导出 ${rows.length} 处段落。`;
    });
  }

  const search = async () => {
    const { q, filters, sort } = readForm(form);
    const mine = ++run;
    exportable = null;
    exports.hidden = true;
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
    // A search filtered by province asks only the shards that hold it.
    const shards = (await searchShards()).filter(
      (s, i) => i === 0 || !filters.province || !s.meta.provinces || s.meta.provinces.includes(filters.province),
    );
    const keeps = await Promise.all(shards.map((shard) => filterOf(filters, shard)));
    const query = await ShardQuery.open(terms.map(queryKeys.phraseKey), shards);
    const hits = query?.hits(ORDERS[sort] ?? "relevance", keeps);
    // One hit beyond the page tells whether there are more.
    const ahead = hits ? await take(hits, PAGE + 1) : [];
    if (mine !== run) return;
    if (!query || ahead.length === 0) {
      // Nothing holds the exact phrase: Pagefind offers related circulars (all its words, apart).
      const pf = await pagefindSearch(q, filters, sort, shards).catch(() => null);
      const top = pf ? await pf.load(PAGE) : [];
      if (mine !== run) return;
      status.textContent = !query
        ? `共 ${pf?.total ?? 0} 件相关文件。`
        : `没有文件含“${terms.join(" ")}”。${top.length ? `以下是含有其中词语的相关文件（${pf!.total} 件）：` : ""}`;
      const words = relatedWords(q);
      // A result's shard: the one whose path its link starts with (the longest, as "/" starts every link).
      const shardOf = (url: string) =>
        shards.filter((s) => url.startsWith(s.base)).sort((a, b) => b.base.length - a.base.length)[0] ?? shards[0]!;
      const rendered = await Promise.all(
        top.map(async (r) =>
          renderPagefindResult(
            r,
            await passagesOf(shardOf(r.url), r.meta.id!, Number(r.meta.chunks ?? 0), words),
            words,
            await keysFor([q]),
          ),
        ),
      );
      list.append(...rendered);
      list.dataset.state = "done";
      return;
    }
    // Hits read but not yet shown. When every page of postings is at hand, the rest cost
    // nothing more: read them all, so the count is exact.
    const buffer: ShardHit[] = [...ahead];
    if (query.complete) buffer.push(...(await take(hits!, Infinity)));
    const found: ShardHit[] = [...buffer];
    // The export buttons write every hit, the ones not yet shown read first.
    exportable = {
      name: terms.join(" "),
      rows: async () => {
        found.push(...(await take(hits!, Infinity)));
        return searchRows(found, shards, terms);
      },
    };
    exports.hidden = false;
    const label = terms.join(" ");
    const showPage = async () => {
      const page = buffer.splice(0, PAGE);
      if (buffer.length === 0) {
        const next = await take(hits!, PAGE);
        buffer.push(...next);
        found.push(...next);
      }
      const rendered = await Promise.all(
        page.map(async ({ shard: k, hit, doc: known }) => {
          const shard = shards[k]!;
          const doc = known ?? (await shard.load<PhraseDoc>(`doc/${hit.doc}.json`));
          const excerpted = await Promise.all(
            hit.offsets
              .filter((o) => o > 0)
              .slice(0, EXCERPTS)
              .map(async (o) => {
                const c = chunkOf(doc.chunks, o);
                return (await textChunk(shard, doc.id, c))[o - doc.chunks[c]!]![2];
              }),
          );
          return renderResult(doc, hit.offsets, excerpted, terms, await keysFor([q, ...excerpted]));
        }),
      );
      if (mine !== run) return;
      list.append(...rendered);
      // This library's circulars by number, another shard's as shard:number.
      list.dataset.docIndexes = found
        .map((h) => (h.shard === 0 ? String(h.hit.doc) : `${h.shard}:${h.hit.doc}`))
        .join(",");
      more.hidden = buffer.length === 0;
      const count = query.count();
      const passages = found.reduce((n, h) => n + h.hit.offsets.filter((o) => o > 0).length, 0);
      status.textContent = count.exact
        ? `共 ${count.docs} 件文件、${passages} 处含“${label}”。`
        : `约 ${count.docs} 件文件含“${label}”，已列出 ${list.children.length} 件。`;
    };
    more.onclick = async () => {
      list.dataset.state = "loading";
      await showPage();
      list.dataset.state = "done";
    };
    await showPage();
    if (mine === run) list.dataset.state = "done";
  };

  /** A search that fails (the index unreachable, a browser that cannot inflate it) says so, not "检索中…" forever. */
  const searchOrSay = () => {
    const mine = run + 1;
    return search().catch((e: unknown) => {
      if (mine !== run) return;
      status.textContent =
        typeof DecompressionStream === "undefined"
          ? OLD_BROWSER
          : `检索出错（${e instanceof Error ? e.message : String(e)}），请稍后再试。`;
      list.dataset.state = "error";
    });
  };

  writeForm(form, new URLSearchParams(location.search));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    history.replaceState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
    void searchOrSay();
  });
  void searchOrSay();
}

/** What a browser without DecompressionStream is told: the index is stored gzipped (storedFiles.ts). */
const OLD_BROWSER =
  "此浏览器版本过旧，无法读取检索索引（需 Chrome 或 Edge 80、Firefox 113、Safari 16.4 及以上）。" +
  "文件仍可从主题、地区、年份等索引页查阅。";

/**
 * Search results as rows an official takes away: one per matching passage, with the
 * document's title, 文号, date and place, the passage's label and citation, its text and link.
 */
async function searchRows(found: ShardHit[], shards: Shard[], terms: string[]): Promise<string[][]> {
  const rows: string[][] = [];
  for (const { shard: k, hit, doc: known } of found) {
    const shard = shards[k]!;
    const doc = known ?? (await shard.load<PhraseDoc>(`doc/${hit.doc}.json`));
    for (const o of hit.offsets.filter((x) => x > 0)) {
      const c = chunkOf(doc.chunks, o);
      const [anchor, label, whole] = (await textChunk(shard, doc.id, c))[o - doc.chunks[c]!]!;
      // The paragraphs that hold the query (a run outside numbered parts can be long).
      const keys = await keysFor([whole, ...terms]);
      const wanted = terms.map(keys.phraseKey);
      const holding = whole.split(/\n+/).filter((p) => wanted.some((w) => keys.phraseKey(p).includes(w)));
      const text = holding.length ? holding.join("\n") : whole;
      const citation = `${titleMarked(doc.title)}${doc.docNumber ? `（${doc.docNumber}）` : ""}${anchor ? label : ""}`;
      rows.push([
        doc.title,
        doc.docNumber ?? "",
        doc.date ?? "",
        doc.place,
        label,
        citation,
        text,
        new URL(anchor ? `${doc.url}#${anchor}` : doc.url, location.href).href,
      ]);
    }
  }
  return rows;
}

/**
 * The words a related (Pagefind) result is shown for: the query's words as the browser's
 * segmenter cuts them (as Pagefind does), runs of single characters joined again (预案应急
 * is cut 预 / 案 / 应急: the passages shown are those holding 预案 or 应急).
 */
function relatedWords(q: string): string[] {
  const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
  const words: string[] = [];
  for (const term of q.split(/[\s\u3000]+/).filter(Boolean)) {
    let run = "";
    for (const s of segmenter.segment(term)) {
      if (!s.isWordLike) continue;
      if ([...s.segment].length === 1) run += s.segment;
      else {
        if (run) words.push(run);
        run = "";
        words.push(s.segment);
      }
    }
    if (run) words.push(run);
  }
  return words.length ? [...new Set(words)] : [q.trim()];
}

/** The first passages of a circular holding any of the words, read chunk by chunk (a few chunks at most). */
async function passagesOf(
  shard: Shard,
  id: string,
  chunks: number,
  words: string[],
): Promise<Array<[string, string, string]>> {
  const keys = await keysFor(words);
  const wanted = words.map(keys.phraseKey).filter(Boolean);
  const out: Array<[string, string, string]> = [];
  for (let k = 0; k < Math.min(chunks, EXCERPTS) && out.length < EXCERPTS; k++) {
    const chunk = await textChunk(shard, id, k);
    const chunkKeys = await keysFor(chunk.map((e) => e[2]));
    for (const entry of chunk)
      if (out.length < EXCERPTS && wanted.some((w) => chunkKeys.phraseKey(entry[2]).includes(w))) out.push(entry);
  }
  return out;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function resultHeading(
  url: string,
  title: string,
  meta: Array<string | null | undefined>,
  validity: string | undefined,
): HTMLLIElement {
  const mark = validity
    ? [
        element("span", {
          className: `validity validity-${VALIDITY_CLASS[validity] ?? "unknown"}`,
          textContent: validity,
        }),
      ]
    : [];
  return element(
    "li",
    { className: "result" },
    element("h2", {}, element("a", { href: url, textContent: title }), ...mark),
    element("p", { className: "result-meta", textContent: meta.filter(Boolean).join(" · ") }),
  );
}

/** The class of a 时效性 mark, by its name. */
const VALIDITY_CLASS: Record<string, string> = Object.fromEntries(
  Object.entries(VALIDITY_NAMES).map(([k, v]) => [v, k]),
);

/**
 * A passage of a result: its label linked to its place on the circular's page (`url`; the
 * page itself for text outside numbered parts), with a 加入摘编 button for a numbered part.
 */
function passage(url: string, anchor: string, label: string, html: string, docId: string): HTMLLIElement {
  return element(
    "li",
    {},
    element("a", { href: anchor ? `${url}#${anchor}` : url, textContent: label }),
    ...(anchor ? [document.createTextNode(" "), basketButton(docId, anchor)] : []),
    ...(html ? [element("p", { className: "excerpt", innerHTML: html })] : []),
  );
}

function renderPagefindResult(
  r: PagefindResult,
  passages: Array<[string, string, string]>,
  words: string[],
  keys: Keys,
): HTMLLIElement {
  const li = resultHeading(
    r.url,
    r.meta.title ?? r.url,
    [r.meta.docNumber, r.meta.date, r.meta.place],
    r.meta.validity,
  );
  li.dataset.docId = r.meta.id;
  if (passages.length) {
    li.append(
      element(
        "ul",
        { className: "sub-results" },
        ...passages.map(([anchor, label, text]) =>
          passage(r.url, anchor, label, excerpt(text, words, keys), r.meta.id!),
        ),
      ),
    );
  }
  return li;
}

/** An exact result: every matching passage linked, the first EXCERPTS with their excerpt. */
function renderResult(
  doc: PhraseDoc,
  offsets: number[],
  excerpted: string[],
  terms: string[],
  keys: Keys,
): HTMLLIElement {
  const li = resultHeading(doc.url, doc.title, [doc.docNumber, doc.date, doc.place], doc.validity);
  li.dataset.docId = doc.id;
  const subs = offsets
    .filter((o) => o > 0)
    .map((o, i) =>
      passage(
        doc.url,
        doc.anchors[o - 1]!,
        doc.labels[o - 1]!,
        excerpted[i] !== undefined ? excerpt(excerpted[i]!, terms, keys) : "",
        doc.id,
      ),
    );
  if (subs.length) li.append(element("ul", { className: "sub-results" }, ...subs));
  return li;
}
