/**
 * Writes the exact-phrase index (see phrase.ts) for a corpus: meta.json; header and body
 * posting shards of bigrams and positional trigrams, long postings cut into pages written
 * as they fill; facets.json (read only when filtering); one small file per circular
 * (title, 文号, clause anchors); its texts in chunks, so an excerpt fetches only the chunk
 * that holds it; and the department → circulars map.
 */
import { TOPICS } from "../config/topics.ts";
import { VALIDITY_STATUSES, type Circular, type CircularMeta, type ValidityStatus } from "../model/circular.ts";
import { allTopics, yearOf } from "../corpus/index.ts";
import { docFacets, type DocFacets } from "./facets.ts";
import { docFactsOf, type DocFacts } from "../corpus/derived.ts";
import { provinceFacet } from "./filters.ts";
import { phraseKey } from "../text/keys.ts";
import { VALIDITY_NAMES, levelName, jurisdictionText } from "../model/display.ts";
import { searchEntries, type SearchEntry } from "./entries.ts";
import {
  shardOf,
  type GramKind,
  type PagedPostings,
  type PhraseDoc,
  type PhraseFacets,
  type PhraseMeta,
  type ShardValue,
  type TextChunk,
} from "./phrase.ts";

export interface PhraseIndexOptions {
  /** Aim for posting shards of about this many bytes: a query reads one per gram. */
  shardBytes?: number;
  /** A gram's postings longer than this are cut into pages of about this size. */
  pageBytes?: number;
  /** Texts are written in chunks of about this many characters. */
  chunkChars?: number;
  /** Other libraries' base paths that a search here covers too (PhraseMeta.peers). */
  peers?: string[];
  /** Each circular's 时效性 (the facts stage's); unknown when not given. */
  validityOf?: (id: string) => ValidityStatus;
  /** Each circular's own facts as the facts stage stored them; derived from the model (docFactsOf) when not given. */
  factsOf?: (id: string) => DocFacts | undefined;
  /** Told of each circular as it is indexed: its number, entries, how many text chunks it has, and its facets. */
  onDoc?: (doc: Circular, n: number, entries: SearchEntry[], chunks: number, facets: DocFacets) => void;
}

/**
 * Grams numbered densely as first seen. A gram whose code points are all in the BMP is keyed
 * by one number (its code units side by side) in an open-addressing table of typed arrays —
 * no string per occurrence and no boxed key in a Map; others (rare) by their text.
 */
class GramIds {
  private keys = new Float64Array(1 << 16).fill(-1);
  private slots = new Int32Array(1 << 16);
  private readonly others = new Map<string, number>();
  /** Each id's key (−1 for a gram kept by its text) and text. */
  private byId = new Float64Array(1 << 14);
  private readonly texts = new Map<number, string>();
  size = 0;
  private readonly n: 1 | 2 | 3;
  constructor(n: 1 | 2 | 3) {
    this.n = n;
  }

  private static hash(a: number, b: number, c: number, mask: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & mask;
  }

  /** A numeric key's code units. */
  private units(key: number): [number, number, number] {
    if (this.n === 1) return [key, 0, 0];
    if (this.n === 2) return [Math.floor(key / 0x10000), key % 0x10000, 0];
    return [Math.floor(key / 0x100000000), Math.floor(key / 0x10000) % 0x10000, key % 0x10000];
  }

  /** The id of the gram starting at `i` of `codes`. */
  id(codes: Uint32Array, i: number): number {
    const n = this.n;
    const a = codes[i]!;
    const b = n > 1 ? codes[i + 1]! : 0;
    const c = n > 2 ? codes[i + 2]! : 0;
    if (a > 0xffff || b > 0xffff || c > 0xffff) {
      const text = String.fromCodePoint(...[a, b, c].slice(0, n));
      let id = this.others.get(text);
      if (id === undefined) {
        this.others.set(text, (id = this.add(-1)));
        this.texts.set(id, text);
      }
      return id;
    }
    const key = n === 1 ? a : n === 2 ? a * 0x10000 + b : a * 0x100000000 + b * 0x10000 + c;
    const mask = this.keys.length - 1;
    let h = GramIds.hash(a, b, c, mask);
    for (;;) {
      const k = this.keys[h]!;
      if (k === key) return this.slots[h]!;
      if (k === -1) break;
      h = (h + 1) & mask;
    }
    const id = this.add(key);
    this.keys[h] = key;
    this.slots[h] = id;
    if (this.size * 2 > this.keys.length) this.grow();
    return id;
  }

  private add(key: number): number {
    if (this.size === this.byId.length) {
      const grown = new Float64Array(this.byId.length * 2);
      grown.set(this.byId);
      this.byId = grown;
    }
    this.byId[this.size] = key;
    return this.size++;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2).fill(-1);
    const slots = new Int32Array(keys.length);
    const mask = keys.length - 1;
    for (let h = 0; h < this.keys.length; h++) {
      const key = this.keys[h]!;
      if (key === -1) continue;
      let i = GramIds.hash(...this.units(key), mask);
      while (keys[i] !== -1) i = (i + 1) & mask;
      keys[i] = key;
      slots[i] = this.slots[h]!;
    }
    this.keys = keys;
    this.slots = slots;
  }

  text(id: number): string {
    const key = this.byId[id]!;
    return key === -1 ? this.texts.get(id)! : String.fromCharCode(...this.units(key).slice(0, this.n));
  }
}

/** The digits of base 36, as Number.prototype.toString(36) writes them. */
const DIGITS = new TextEncoder().encode("0123456789abcdefghijklmnopqrstuvwxyz");
const [COLON, COMMA, SEMICOLON, DOT] = [":", ",", ";", "."].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
];

/** An Int32Array that grows. */
function ensure(a: Int32Array<ArrayBuffer>, length: number, fill = 0): Int32Array<ArrayBuffer> {
  if (length <= a.length) return a;
  const grown = new Int32Array(Math.max(length, a.length * 2)).fill(fill);
  grown.set(a);
  return grown;
}

/** A text's code points, for random access. */
function codePoints(text: string): Uint32Array {
  const out = new Uint32Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = ch.codePointAt(0)!;
  return out.subarray(0, n);
}

/**
 * Bytes of many growing texts in one pool: each text a chain of small blocks (no typed
 * array per text: a third of a million small ones cost more to make than to fill).
 */
class BlockPool {
  static readonly BLOCK = 60;
  private data = new Uint8Array(BlockPool.BLOCK * 4096);
  private next = new Int32Array(4096);
  private blocks = 0;
  private free: number[] = [];

  allocate(): number {
    const b = this.free.pop() ?? this.blocks++;
    if (b >= this.next.length) {
      const next = new Int32Array(this.next.length * 2);
      next.set(this.next);
      this.next = next;
      const data = new Uint8Array(this.data.length * 2);
      data.set(this.data);
      this.data = data;
    }
    this.next[b] = -1;
    return b;
  }

  /** The chain being written (`open`): its last block, that block's fill, and the bytes written since it was opened. */
  tail = 0;
  fill = 0;
  written = 0;
  private readonly scratch = new Uint8Array(16);

  /** Writes on to the chain whose last block is `tail`, `fill` bytes full. */
  open(tail: number, fill: number): void {
    this.tail = tail;
    this.fill = fill;
    this.written = 0;
  }

  /** Appends one ASCII byte to the open chain. */
  put(byte: number): void {
    if (this.fill === BlockPool.BLOCK) {
      const b = this.allocate();
      this.next[this.tail] = b;
      this.tail = b;
      this.fill = 0;
    }
    this.data[this.tail * BlockPool.BLOCK + this.fill++] = byte;
    this.written++;
  }

  /**
   * Appends a whole number ≥ 0 in base 36 (as toString(36) writes it). Written as bytes, not as a string per number:
   * a string per circular and gram, made and then copied here, cost 7–12 of the search stage's 72 user-seconds at
   * 10,000 circulars.
   */
  putBase36(x: number): void {
    if (x < 36) return this.put(DIGITS[x]!);
    let k = 0;
    for (; x > 0; x = Math.floor(x / 36)) this.scratch[k++] = DIGITS[x % 36]!;
    while (k > 0) this.put(this.scratch[--k]!);
  }

  /** The `length` bytes of the chain from `head`, as text; its blocks are freed. */
  take(head: number, length: number): string {
    const out = new Uint8Array(length);
    let at = 0;
    for (let b = head; b >= 0;) {
      const n = Math.min(BlockPool.BLOCK, length - at);
      out.set(this.data.subarray(b * BlockPool.BLOCK, b * BlockPool.BLOCK + n), at);
      at += n;
      const following = this.next[b]!;
      this.free.push(b);
      b = following;
    }
    return BlockPool.decoder.decode(out);
  }

  private static readonly decoder = new TextDecoder();
}

/**
 * The postings of one kind, a gram (by id) at a time: each gram's page being filled is ASCII
 * in a chain of blocks, written out as a page file when full; what is left is written inline
 * in the shards. A string per circular and gram — thirty million at 10,000 circulars — held
 * more than a gigabyte.
 */
class PostingPages {
  private lastDoc = new Int32Array(1 << 12);
  private docs = new Int32Array(1 << 12);
  private first = new Int32Array(1 << 12);
  private used = new Int32Array(1 << 12);
  private head = new Int32Array(1 << 12);
  private tail = new Int32Array(1 << 12);
  private tailUsed = new Int32Array(1 << 12);
  private readonly pool = new BlockPool();
  /** Per gram, its pages written: [first circular, last circular, page file] triples, flat. */
  private readonly pages = new Map<number, number[]>();
  private pagesWritten = 0;
  private grams = 0;
  readonly kind: GramKind;
  private readonly pageBytes: number;
  private readonly emit: (path: string, content: string) => void;

  constructor(kind: GramKind, pageBytes: number, emit: (path: string, content: string) => void) {
    this.kind = kind;
    this.pageBytes = pageBytes;
    this.emit = emit;
  }

  /**
   * Starts circular `doc`'s part of gram `id`'s postings; circulars come in increasing order per gram. The part
   * ("entry.pos…;entry…") is then written to `pool` (put, putBase36), and ended with `end`.
   */
  begin(id: number, doc: number): BlockPool {
    if (id >= this.lastDoc.length) {
      for (const k of ["lastDoc", "docs", "first", "used", "head", "tail", "tailUsed"] as const)
        this[k] = ensure(this[k], id + 1);
    }
    if (id >= this.grams) this.grams = id + 1;
    const pool = this.pool;
    // Each page reads alone: its first circular is written whole ("doc:"), the others from the one before (",gap:").
    if (this.used[id] === 0) {
      this.first[id] = doc;
      this.head[id] = this.tail[id] = pool.allocate();
      this.tailUsed[id] = 0;
      pool.open(this.tail[id]!, 0);
      pool.putBase36(doc);
    } else {
      pool.open(this.tail[id]!, this.tailUsed[id]!);
      pool.put(COMMA);
      pool.putBase36(doc - this.lastDoc[id]! - 1);
    }
    pool.put(COLON);
    return pool;
  }

  /** Ends circular `doc`'s part of gram `id`'s postings (begin). */
  end(id: number, doc: number): void {
    const pool = this.pool;
    this.tail[id] = pool.tail;
    this.tailUsed[id] = pool.fill;
    this.used[id]! += pool.written;
    this.lastDoc[id] = doc;
    this.docs[id]!++;
    if (this.used[id]! >= this.pageBytes) this.flush(id);
  }

  private text(id: number): string {
    const t = this.pool.take(this.head[id]!, this.used[id]!);
    this.used[id] = 0;
    return t;
  }

  private flush(id: number): void {
    const page = this.pagesWritten++;
    const first = this.first[id]!;
    this.emit(`${this.kind}/p/${page}.json`, JSON.stringify(this.text(id)));
    const list = this.pages.get(id);
    if (list) list.push(first, this.lastDoc[id]!, page);
    else this.pages.set(id, [first, this.lastDoc[id]!, page]);
  }

  /** Writes the shard files, naming each gram by `gramOf(id)`; returns how many. */
  finish(gramOf: (id: number) => string, shardBytes: number): number {
    const values: Array<[string, ShardValue]> = [];
    let total = 0;
    for (let id = 0; id < this.grams; id++) {
      if (this.docs[id] === 0) continue;
      const g = gramOf(id);
      let value: ShardValue;
      if (!this.pages.has(id)) value = this.text(id);
      else {
        if (this.used[id]) this.flush(id);
        const flat = this.pages.get(id)!;
        const p: Array<[number, number, number]> = [];
        for (let i = 0; i < flat.length; i += 3) p.push([flat[i]!, flat[i + 1]!, flat[i + 2]!]);
        value = { n: this.docs[id]!, p } satisfies PagedPostings;
      }
      total += g.length * 3 + (typeof value === "string" ? value.length : value.p.length * 16) + 6;
      values.push([g, value]);
    }
    const shards = Math.max(8, Math.min(65536, Math.ceil(total / shardBytes)));
    const shardMaps: Array<Record<string, ShardValue>> = Array.from({ length: shards }, () => ({}));
    for (const [g, v] of values) shardMaps[shardOf(g, shards)]![g] = v;
    shardMaps.forEach((m, i) => this.emit(`${this.kind}/${i}.json`, JSON.stringify(m)));
    return shards;
  }
}

/**
 * Postings of one kind from circulars' texts: grams numbered, their occurrences collected per circular (PostingPages
 * writes them).
 */
class PostingWriter {
  private readonly ids: GramIds;
  private readonly pages: PostingPages;
  private readonly n: 1 | 2 | 3;
  // A circular's occurrences, as linked lists per gram in typed arrays: the last circular
  // that saw each gram, its first and last occurrence, and each occurrence's entry, position and next.
  private seenIn = new Int32Array(1 << 14).fill(-1);
  private head = new Int32Array(1 << 14);
  private tail = new Int32Array(1 << 14);
  private occEntry = new Int32Array(1 << 14);
  private occPos = new Int32Array(1 << 14);
  private occNext = new Int32Array(1 << 14);
  private inDoc = new Int32Array(1 << 12);

  constructor(kind: GramKind, pageBytes: number, emit: (path: string, content: string) => void) {
    this.n = kind.endsWith("tri") ? 3 : kind.endsWith("bi") ? 2 : 1;
    this.ids = new GramIds(this.n);
    this.pages = new PostingPages(kind, pageBytes, emit);
  }

  /**
   * Adds circular `doc` (called in increasing order) with its entries as code points, the
   * first of them numbered `firstEntry`. Each gram's occurrences are collected as numbers
   * and written once per circular ("entry.pos.delta;entry…", phrase.ts): a string per
   * occurrence was most of the index's build time.
   */
  add(doc: number, entries: Uint32Array[], firstEntry: number): void {
    const n = this.n;
    let occurrences = 0;
    let distinct = 0;
    entries.forEach((codes, k) => {
      const entry = firstEntry + k;
      for (let i = 0; i + n <= codes.length; i++) {
        const id = this.ids.id(codes, i);
        if (id >= this.seenIn.length) {
          this.seenIn = ensure(this.seenIn, id + 1, -1);
          this.head = ensure(this.head, id + 1);
          this.tail = ensure(this.tail, id + 1);
        }
        // Unigrams and bigrams keep one occurrence per entry: they have no positions.
        if (n < 3 && this.seenIn[id] === doc && this.occEntry[this.tail[id]!] === entry) continue;
        this.occEntry = ensure(this.occEntry, occurrences + 1);
        this.occPos = ensure(this.occPos, occurrences + 1);
        this.occNext = ensure(this.occNext, occurrences + 1);
        this.occEntry[occurrences] = entry;
        this.occPos[occurrences] = i;
        this.occNext[occurrences] = -1;
        if (this.seenIn[id] !== doc) {
          this.seenIn[id] = doc;
          this.head[id] = occurrences;
          this.inDoc = ensure(this.inDoc, distinct + 1);
          this.inDoc[distinct++] = id;
        } else this.occNext[this.tail[id]!] = occurrences;
        this.tail[id] = occurrences++;
      }
    });
    for (let g = 0; g < distinct; g++) {
      const id = this.inDoc[g]!;
      const out = this.pages.begin(id, doc);
      let entry = -1;
      let last = 0;
      for (let o = this.head[id]!; o >= 0; o = this.occNext[o]!) {
        if (this.occEntry[o] !== entry) {
          if (entry >= 0) out.put(SEMICOLON);
          entry = this.occEntry[o]!;
          out.putBase36(entry);
          last = -1;
        }
        if (n === 3) {
          const pos = this.occPos[o]!;
          out.put(DOT);
          out.putBase36(last < 0 ? pos : pos - last);
          last = pos;
        }
      }
      this.pages.end(id, doc);
    }
  }

  /** Writes the shard files; returns how many. */
  finish(shardBytes: number): number {
    return this.pages.finish((id) => this.ids.text(id), shardBytes);
  }
}

/** Entries cut into chunks of about `chars` characters (an entry is never split). */
function chunks(
  entries: Array<{ anchor: string; label: string; text: string }>,
  chars: number,
): { starts: number[]; chunks: TextChunk[] } {
  const out: TextChunk[] = [];
  const starts: number[] = [];
  let size = Infinity;
  entries.forEach((e, i) => {
    if (size >= chars) {
      out.push([]);
      starts.push(i + 1);
      size = 0;
    }
    out.at(-1)!.push([e.anchor, e.label, e.text]);
    size += e.text.length;
  });
  return { starts, chunks: out };
}

/**
 * One circular as the index takes it: from its model (buildPhraseIndex), or from a shard's built index (national.ts).
 */
export interface IndexedDoc {
  /** What a result shows (doc/<n>.json), but for where its entries and chunks stand, which the writer adds. */
  shown: Omit<PhraseDoc, "anchors" | "labels" | "chunks">;
  /** Title, 文号 (as normalised and as written) and issuers: the header entry. */
  header: string;
  entries: Array<Pick<SearchEntry, "anchor" | "label" | "text">>;
  /**
   * Filter values by name: province ("国家" for national, "" unknown), level name ("" unknown), year (0 unknown), genre,
   * topic slugs.
   */
  facet: { province: string; level: string; year: number; genre: string; topics: string[]; validity: ValidityStatus };
  departments: string[];
}

/** The header entry of a model: what a header match is found in. */
export const headerText = (doc: Pick<CircularMeta, "title" | "docNumber" | "docNumberRaw" | "issuers">): string =>
  [doc.title, doc.docNumber ?? "", doc.docNumberRaw ?? "", ...doc.issuers].join(" ");

/**
 * Writes the index of `docs`, given oldest first (numbered so: new circulars, which are
 * mostly the newest, take new numbers, and the pages of older ones come out as before);
 * files are handed to `emit` as they are made. `onDoc` hears of each circular as written.
 */
export function writePhraseIndex(
  docs: Iterable<IndexedDoc>,
  pagefindBundles: string[],
  emit: (path: string, content: string) => void,
  options: Omit<PhraseIndexOptions, "validityOf" | "onDoc"> & {
    onDoc?: (doc: IndexedDoc, n: number, chunks: number) => void;
    extra?: Partial<PhraseMeta>;
  } = {},
): PhraseMeta {
  const { shardBytes = 12_000, pageBytes = 16_000, chunkChars = 1_200 } = options;
  const kinds: GramKind[] = ["huni", "hbi", "htri", "uni", "bi", "tri"];
  const writers = Object.fromEntries(kinds.map((k) => [k, new PostingWriter(k, pageBytes, emit)])) as Record<
    GramKind,
    PostingWriter
  >;
  const facets: PhraseFacets["facets"] = [];
  const provinces: string[] = [];
  const levels = (["national", "province", "prefecture", "county"] as const).map(levelName);
  const genres: string[] = [];
  const indexOf = (list: string[], v: string) => {
    let i = list.indexOf(v);
    if (i < 0) i = list.push(v) - 1;
    return i;
  };
  const departments: Record<string, number[]> = {};
  let d = 0;
  for (const doc of docs) {
    const header = [codePoints(phraseKey(doc.header))];
    const body = doc.entries.map((e) => codePoints(phraseKey(e.text)));
    for (const k of kinds) writers[k].add(d, k.startsWith("h") ? header : body, k.startsWith("h") ? 0 : 1);
    const topicMask = doc.facet.topics.reduce((m, slug) => m | (1 << TOPICS.findIndex((t) => t.slug === slug)), 0);
    facets.push([
      indexOf(provinces, doc.facet.province),
      levels.indexOf(doc.facet.level),
      doc.facet.year,
      indexOf(genres, doc.facet.genre),
      topicMask,
      VALIDITY_STATUSES.indexOf(doc.facet.validity),
    ]);
    const text = chunks(doc.entries, chunkChars);
    const shown: PhraseDoc = {
      ...doc.shown,
      anchors: doc.entries.map((e) => e.anchor),
      labels: doc.entries.map((e) => e.label),
      chunks: text.starts,
    };
    emit(`doc/${d}.json`, JSON.stringify(shown));
    text.chunks.forEach((c, k) => emit(`text/${doc.shown.id}/${k}.json`, JSON.stringify(c)));
    for (const dept of doc.departments) (departments[dept] ??= []).push(d);
    options.onDoc?.(doc, d, text.chunks.length);
    d++;
  }
  const shards = Object.fromEntries(kinds.map((k) => [k, writers[k].finish(shardBytes)])) as Record<GramKind, number>;
  emit("departments.json", JSON.stringify(departments));
  const facetFile: PhraseFacets = {
    facets,
    provinces,
    levels,
    genres,
    topics: TOPICS.map((t) => t.name),
    validities: VALIDITY_STATUSES.map((s) => VALIDITY_NAMES[s]),
  };
  emit("facets.json", JSON.stringify(facetFile));
  const meta: PhraseMeta = {
    version: 4,
    docs: d,
    shards,
    pagefindBundles,
    provinces: provinces.filter(Boolean),
    ...(options.peers?.length ? { peers: options.peers } : {}),
    ...options.extra,
  };
  emit("meta.json", JSON.stringify(meta));
  return meta;
}

/**
 * The index of the circulars `ids`, oldest first. Every part of the body is indexed, so
 * each circular is read whole through `fullModel`, one at a time (a large library's bodies
 * need not all be in memory at once).
 */
export function buildPhraseIndex(
  ids: string[],
  fullModel: (id: string) => Circular,
  circularUrl: (id: string) => string,
  pagefindBundles: string[],
  emit: (path: string, content: string) => void,
  options: PhraseIndexOptions = {},
): PhraseMeta {
  const read = new Map<number, { doc: Circular; entries: SearchEntry[]; facets: DocFacets }>();
  function* indexed(): Generator<IndexedDoc> {
    for (const [d, id] of ids.entries()) {
      const doc = fullModel(id);
      const entries = searchEntries(doc);
      const facets = docFacets(options.factsOf?.(doc.id) ?? docFactsOf(doc), options.validityOf?.(doc.id));
      read.set(d, { doc, entries, facets });
      const j = doc.jurisdiction;
      yield {
        shown: {
          id: doc.id,
          url: circularUrl(doc.id),
          title: doc.title,
          docNumber: doc.docNumber,
          date: doc.date,
          place: jurisdictionText(j),
          validity: VALIDITY_NAMES[facets.validity],
          header: headerText(doc),
        },
        header: headerText(doc),
        entries,
        facet: {
          province: provinceFacet(j) ?? "",
          level: j ? levelName(j.level) : "",
          year: Number(yearOf(doc) ?? 0),
          genre: doc.genre ?? "",
          topics: allTopics(facets.topics),
          validity: facets.validity,
        },
        departments: facets.departments,
      };
    }
  }
  return writePhraseIndex(indexed(), pagefindBundles, emit, {
    ...options,
    onDoc: (_doc, d, chunkCount) => {
      const r = read.get(d)!;
      read.delete(d);
      options.onDoc?.(r.doc, d, r.entries, chunkCount, r.facets);
    },
  });
}
