/**
 * The exact-phrase index that closes Pagefind's recall gap, and the query over it.
 *
 * Every clause, every other run of body text (entries.ts) and each circular's header
 * (title, 文号, issuers) is an entry, indexed by its phrase key (text/normalize.ts).
 * Single characters and bigrams map to the entries holding them (one- and two-character
 * queries); trigrams to the entries and the positions they stand at, so a longer phrase is
 * found exactly where its trigrams stand at the right distances: every entry containing it,
 * and none that holds its pieces apart. Headers are indexed apart from bodies (huni/hbi/htri
 * beside uni/bi/tri): a header match ranks first, and a header index is small.
 *
 * A first search must not grow with the library: circulars are numbered oldest first, and a
 * gram's postings longer than a page are cut into pages of consecutive circulars, each its
 * own file, listed in the gram's shard with the circulars they cover. A query walks the
 * postings from the newest and reads a page only when it gets there, so the first results
 * cost a few pages whatever the library's size; the count is estimated until every page has
 * been read (README "Search").
 *
 * Shared by the build (which writes the files) and the browser (which reads them): no
 * Node APIs here.
 */

/** FNV-1a over UTF-16 code units: the shard a gram's postings live in. */
export function shardOf(gram: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}

/** Entry → the positions of the gram in it (trigrams; empty for bigrams). */
export type Entries = Map<number, number[]>;
/** Circular → its entries holding the gram. */
export type Postings = Map<number, Entries>;

/**
 * A page of a gram's postings as written (buildIndex.ts): circulars in increasing order,
 * comma-separated, each "docDelta:entry;entry.pos.delta" in base 36, docDelta counting from
 * the circular before less one (from −1 at the start of a page, so a page reads alone);
 * positions only for trigrams, each after the first as its distance from the one before.
 */
export function decodePostings(s: string): Postings {
  const out: Postings = new Map();
  if (!s) return out;
  let doc = -1;
  for (const group of s.split(",")) {
    const colon = group.indexOf(":");
    doc += parseInt(group.slice(0, colon), 36) + 1;
    const entries: Entries = new Map();
    for (const e of group.slice(colon + 1).split(";")) {
      const [entry, ...deltas] = e.split(".").map((n) => parseInt(n, 36));
      // Positions are written as the first, then the distance from the one before.
      for (let i = 1; i < deltas.length; i++) deltas[i]! += deltas[i - 1]!;
      entries.set(entry!, deltas);
    }
    out.set(doc, entries);
  }
  return out;
}

/** A gram's postings in a shard: written inline when short, else a directory of pages. */
export type ShardValue = string | PagedPostings;
export interface PagedPostings {
  /** Circulars holding the gram. */
  n: number;
  /** Pages: [first circular, last circular, page file number], in circular order. */
  p: Array<[number, number, number]>;
}

/** Postings of single characters, bigrams and positional trigrams, of headers (h…) and of bodies. */
export type GramKind = "huni" | "hbi" | "htri" | "uni" | "bi" | "tri";

/** The index's table of contents, loaded first: a few hundred bytes whatever the library's size. */
export interface PhraseMeta {
  version: 4;
  /**
   * Circulars in the index, numbered 0… oldest first (doc/<n>.json): a new circular, mostly the newest, takes the next
   * number.
   */
  docs: number;
  /** Shard counts of each posting kind. */
  shards: Record<GramKind, number>;
  /** Pagefind index folders: the first is loaded, the others merged into it. */
  pagefindBundles: string[];
  /**
   * Other libraries — shards of one library, each built apart — that a search here covers too: their sites' base paths
   * on this origin (shards.ts).
   */
  peers?: string[];
  /**
   * The provinces of this library's circulars ("国家" for national ones): a search filtered by province skips a shard
   * without it.
   */
  provinces?: string[];
  /**
   * A patch beside this index (patch.ts): its circulars, in search-data/patch/, and the circulars of this index it
   * hides (changed or gone since).
   */
  patch?: { hidden: number[] };
  /** A national index merged from shards (national.ts): each shard's base and Pagefind folders, for related results. */
  pagefindShards?: Array<{ base: string; bundles: string[] }>;
}

/** What filters read (facets.json), loaded only when a filter is set. */
export interface PhraseFacets {
  /** Per circular: [province index, level index, year, genre index, topic bit mask, 时效性 index]. */
  facets: Array<[number, number, number, number, number, number]>;
  provinces: string[];
  levels: string[];
  genres: string[];
  topics: string[];
  /** 时效性 names, in the order of VALIDITY_STATUSES. */
  validities: string[];
}

/** One circular, as search results show it (doc/<n>.json). */
export interface PhraseDoc {
  id: string;
  url: string;
  title: string;
  docNumber: string | null;
  date: string | null;
  place: string;
  /** 时效性, as the page names it (现行有效, 已废止 …). */
  validity: string;
  /** Its header entry as indexed (title, 文号, issuers): what a merge of shards indexes again (national.ts). */
  header: string;
  /** Fragment ids of entries 1… (entry 0 is the header); "" for text outside numbered parts. */
  anchors: string[];
  /** Their labels for display: 二、（三）, 正文. */
  labels: string[];
  /** The first entry of each text chunk (text/<id>/<k>.json), so an excerpt fetches only its chunk. */
  chunks: number[];
}

/** A text chunk (text/<id>/<k>.json): [anchor, label, text] of consecutive entries. */
export type TextChunk = Array<[string, string, string]>;

/** The chunk holding entry `entry` (1…) of a circular whose chunks start at `chunks`. */
export function chunkOf(chunks: number[], entry: number): number {
  let k = 0;
  while (k + 1 < chunks.length && chunks[k + 1]! <= entry) k++;
  return k;
}

/**
 * The grams a phrase is looked up by, with their offsets in it: the phrase itself when it
 * has one or two characters; else trigrams tiling it (0, 3, 6 … and the last three
 * characters). With positions, trigrams at those offsets pin every character, so a match
 * is exact.
 */
export function lookupGrams(key: string): Array<{ gram: string; at: number }> {
  const chars = [...key];
  if (chars.length === 0) return [];
  if (chars.length <= 2) return [{ gram: key, at: 0 }];
  const offsets: number[] = [];
  for (let k = 0; k + 3 <= chars.length; k += 3) offsets.push(k);
  if (offsets.at(-1) !== chars.length - 3) offsets.push(chars.length - 3);
  return offsets.map((at) => ({ gram: chars.slice(at, at + 3).join(""), at }));
}

/** Reads an index file (JSON) by its path under search-data/. */
export type IndexLoader = <T>(path: string) => Promise<T>;

/** One gram's postings, read a page at a time. */
class Gram {
  /** Where the gram starts in the phrase. */
  readonly offset: number;
  /** Circulars holding the gram. */
  readonly docs: number;
  private readonly pages: Array<{
    first: number;
    last: number;
    file: number | null;
    text?: string;
    decoded?: Postings;
  }>;
  private readonly kind: GramKind;
  private readonly load: IndexLoader;

  constructor(kind: GramKind, offset: number, value: ShardValue | undefined, load: IndexLoader) {
    this.kind = kind;
    this.offset = offset;
    this.load = load;
    if (value === undefined) {
      this.docs = 0;
      this.pages = [];
    } else if (typeof value === "string") {
      this.docs = value.split(",").length;
      this.pages = [{ first: 0, last: Infinity, file: null, text: value }];
    } else {
      this.docs = value.n;
      this.pages = value.p.map(([first, last, file]) => ({ first, last, file }));
    }
  }

  /** Whether every page is at hand (written inline, or read): walking it further costs nothing. */
  get complete(): boolean {
    return this.pages.every((p) => p.decoded || p.file === null);
  }

  private async page(i: number): Promise<Postings> {
    const p = this.pages[i]!;
    if (!p.decoded) {
      const text = p.text ?? (await this.load<string>(`${this.kind}/p/${p.file}.json`));
      p.decoded = decodePostings(text);
    }
    return p.decoded;
  }

  /** The gram's entries in circular `d`, reading the one page that covers it. */
  async at(d: number): Promise<Entries | undefined> {
    let lo = 0;
    let hi = this.pages.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.pages[mid]!;
      if (d < p.first) hi = mid - 1;
      else if (d > p.last) lo = mid + 1;
      else return (await this.page(mid)).get(d);
    }
    return undefined;
  }

  /** The circulars holding the gram, in order (or reversed), reading each page as it is reached. */
  async *circulars(reverse: boolean): AsyncGenerator<number> {
    for (let k = 0; k < this.pages.length; k++) {
      const i = reverse ? this.pages.length - 1 - k : k;
      const docs = [...(await this.page(i)).keys()];
      if (reverse) docs.reverse();
      yield* docs;
    }
  }
}

/** One phrase of a query, looked up in headers and in bodies. */
class Term {
  readonly head: Gram[];
  readonly body: Gram[];
  constructor(head: Gram[], body: Gram[]) {
    this.head = head;
    this.body = body;
  }

  /** The entries of circular `d` that hold the phrase, by its grams: null if none. */
  static async match(grams: Gram[], d: number): Promise<Set<number> | null> {
    const found = await Promise.all(grams.map((g) => g.at(d)));
    if (found.some((e) => !e)) return null;
    const [first, ...rest] = grams.map((g, i) => ({ entries: found[i]!, at: g.offset }));
    const out = new Set<number>();
    for (const [entry, positions] of first!.entries) {
      const others = rest.map((r) => ({ positions: r.entries.get(entry), at: r.at }));
      if (others.some((o) => !o.positions)) continue;
      // Single characters and bigrams have no positions: the entry holds the phrase.
      if (
        positions.length === 0 ||
        positions.some((p) => others.every((o) => o.positions!.includes(p - first!.at + o.at)))
      )
        out.add(entry);
    }
    return out.size ? out : null;
  }

  /** Of the grams, the one in the fewest circulars: the cheapest to walk. */
  static rarest(grams: Gram[]): Gram {
    return grams.reduce((a, b) => (b.docs < a.docs ? b : a));
  }
}

export interface ExactHit {
  doc: number;
  /** Entries within the circular that match: 0 is its header (title, 文号, issuers), 1… its clauses and other text. */
  offsets: number[];
}

export type HitOrder = "relevance" | "date-desc" | "date-asc";

/** Circulars in order from several ordered streams, each once. */
async function* mergeOrdered(streams: Array<AsyncGenerator<number>>, reverse: boolean): AsyncGenerator<number> {
  const heads = await Promise.all(streams.map((s) => s.next()));
  let last: number | null = null;
  for (;;) {
    let pick = -1;
    heads.forEach((h, i) => {
      if (h.done) return;
      if (pick < 0 || (reverse ? h.value > heads[pick]!.value! : h.value < heads[pick]!.value!)) pick = i;
    });
    if (pick < 0) return;
    const d = heads[pick]!.value as number;
    heads[pick] = await streams[pick]!.next();
    if (d !== last) yield d;
    last = d;
  }
}

/** How far a stream of candidates has got: for the estimated count. */
interface Progress {
  candidates: number;
  examined: number;
  matched: number;
  done: boolean;
}

/**
 * A query of one or more phrases (every one must occur): its hits in order, read lazily.
 * Relevance puts circulars whose header (title, 文号, issuers) holds a phrase first, then
 * the others, each newest first; the date orders ignore where the phrase stands.
 */
export class PhraseQuery {
  private readonly terms: Term[];
  private readonly progress: Progress[] = [];
  /** Circulars in the index. */
  private readonly docs: number;

  private constructor(terms: Term[], docs: number) {
    this.terms = terms;
    this.docs = docs;
  }

  /** Opens a query (reads the shards of its grams); null when there is nothing to look up. */
  static async open(
    keys: string[],
    meta: Pick<PhraseMeta, "shards" | "docs">,
    load: IndexLoader,
  ): Promise<PhraseQuery | null> {
    if (keys.length === 0 || keys.some((k) => k.length === 0)) return null;
    const grams = async (key: string, kinds: [GramKind, GramKind, GramKind]) => {
      const lookup = lookupGrams(key);
      const kind = kinds[[...lookup[0]!.gram].length - 1]!;
      const shards = await Promise.all(
        lookup.map((g) => load<Record<string, ShardValue>>(`${kind}/${shardOf(g.gram, meta.shards[kind])}.json`)),
      );
      return lookup.map((g, i) => new Gram(kind, g.at, shards[i]![g.gram], load));
    };
    return new PhraseQuery(
      await Promise.all(
        keys.map(async (k) => new Term(await grams(k, ["huni", "hbi", "htri"]), await grams(k, ["uni", "bi", "tri"]))),
      ),
      meta.docs,
    );
  }

  /** Whether every page of every gram is at hand: then all the hits can be had without a fetch. */
  get complete(): boolean {
    return this.terms.every((t) => [...t.head, ...t.body].every((g) => g.complete));
  }

  /**
   * The matching entries of circular `d`, or null unless every phrase is found in its
   * header or body; `where` asks for a header match of some phrase ("head"), of none
   * ("body": headers are read first, so a header hit costs no body page), or either.
   */
  private async offsetsAt(d: number, where: "head" | "body" | "either"): Promise<number[] | null> {
    const heads = await Promise.all(this.terms.map((t) => Term.match(t.head, d)));
    const inHead = heads.some(Boolean);
    if (where === "head" ? !inHead : where === "body" && inHead) return null;
    const offsets = new Set<number>();
    for (const [i, t] of this.terms.entries()) {
      const body = await Term.match(t.body, d);
      if (!heads[i] && !body) return null;
      if (heads[i]) offsets.add(0);
      for (const e of body ?? []) offsets.add(e);
    }
    return [...offsets].sort((a, b) => a - b);
  }

  /** Hits among candidates; its progress is counted from the start, read or not. */
  private stream(
    candidates: AsyncGenerator<number>,
    total: number,
    check: (d: number) => Promise<number[] | null>,
    keep: (d: number) => boolean,
  ): AsyncGenerator<ExactHit> {
    const p: Progress = { candidates: total, examined: 0, matched: 0, done: false };
    this.progress.push(p);
    return PhraseQuery.walk(candidates, p, check, keep);
  }

  private static async *walk(
    candidates: AsyncGenerator<number>,
    p: Progress,
    check: (d: number) => Promise<number[] | null>,
    keep: (d: number) => boolean,
  ): AsyncGenerator<ExactHit> {
    for await (const d of candidates) {
      p.examined++;
      if (!keep(d)) continue;
      const offsets = await check(d);
      if (!offsets) continue;
      p.matched++;
      yield { doc: d, offsets };
    }
    p.done = true;
  }

  /** The circulars holding the rarest gram of each phrase's header, merged. */
  private headCandidates(reverse: boolean): { docs: AsyncGenerator<number>; count: number } {
    const drivers = this.terms.map((t) => Term.rarest(t.head));
    return {
      docs: mergeOrdered(
        drivers.map((g) => g.circulars(reverse)),
        reverse,
      ),
      count: drivers.reduce((n, g) => n + g.docs, 0),
    };
  }

  /** The circulars holding the rarest body gram of all the phrases. */
  private bodyDriver(): Gram {
    return this.terms.map((t) => Term.rarest(t.body)).reduce((a, b) => (b.docs < a.docs ? b : a));
  }

  /** The hits in the order asked for; `keep` filters circulars (facets) before they are read. */
  hits(order: HitOrder, keep: (d: number) => boolean = () => true): AsyncGenerator<ExactHit> {
    this.progress.length = 0;
    // Circulars are numbered oldest first: newest first walks backwards.
    const newestFirst = order !== "date-asc";
    const head = this.headCandidates(newestFirst);
    const body = this.bodyDriver();
    // Of the body's candidates, those with no phrase in their header (as if the two were
    // independent): what the count expects of the body's stream before it has started.
    const bodyOnly = Math.round(body.docs * (1 - Math.min(1, head.count / Math.max(1, this.docs))));
    if (order === "relevance") {
      // Circulars with a phrase in their header, then those with every phrase in the body only.
      const first = this.stream(head.docs, head.count, (d) => this.offsetsAt(d, "head"), keep);
      const then = this.stream(body.circulars(true), bodyOnly, (d) => this.offsetsAt(d, "body"), keep);
      return (async function* () {
        yield* first;
        yield* then;
      })();
    }
    // By date: every candidate in circular order, wherever the phrase stands.
    return this.stream(
      mergeOrdered([head.docs, body.circulars(newestFirst)], newestFirst),
      head.count + bodyOnly,
      (d) => this.offsetsAt(d, "either"),
      keep,
    );
  }

  /**
   * How many circulars hit, and whether that is exact: exact once every candidate has been
   * examined, else the share of examined candidates that hit, over all candidates.
   */
  count(): { docs: number; exact: boolean } {
    const exact = this.progress.length > 0 && this.progress.every((p) => p.done);
    // A stream not yet started counts all its candidates (for a two-character phrase in a body they all hit).
    const docs = this.progress.reduce(
      (n, p) =>
        n +
        (p.done ? p.matched : p.examined === 0 ? p.candidates : Math.round((p.matched / p.examined) * p.candidates)),
      0,
    );
    return { docs: exact ? docs : Math.min(docs, this.docs), exact };
  }
}

/** Every entry of every circular containing the phrase whose key is `key`: doc → entries (all pages read). */
export async function findPhrase(
  key: string,
  meta: Pick<PhraseMeta, "shards" | "docs">,
  load: IndexLoader,
): Promise<Map<number, Set<number>> | null> {
  const query = await PhraseQuery.open([key], meta, load);
  if (!query) return null;
  const out = new Map<number, Set<number>>();
  for await (const hit of query.hits("date-desc")) out.set(hit.doc, new Set(hit.offsets));
  return out;
}
