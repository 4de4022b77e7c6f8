/**
 * Related clauses across the corpus without comparing all pairs: MinHash signatures of
 * each clause's bigram set, banded into LSH buckets; only clauses sharing a bucket are
 * scored exactly. Build cost grows near-linearly with the number of clauses.
 *
 * Everything is numbers in typed arrays: bigrams are numbered (keyed by their two UTF-16
 * code units, not as strings), each text's ids sit in one flat array, a text is scored
 * against its candidates by one array read per bigram, buckets are keyed by number, and
 * each text keeps its best neighbours in fixed slots. At 200,000 clauses, sets of strings,
 * string bucket keys and merging sorted lists were most of the time (README "Benchmark").
 *
 * A build can start from the last one's state (RelatedState: each distinct text's identity,
 * signature and best neighbours): only pairs involving a new text, or a text whose
 * neighbours or buckets changed, are scored again, and the result is the same as scoring
 * everything (tests/compare/similarity.test.ts holds the two equal). Signatures hash the
 * bigrams themselves and ties are broken by the texts' identities, so neither depends on
 * which other texts the library holds.
 */
import { phraseKey } from "../text/keys.ts";

export interface ClauseKey {
  docId: string;
  clauseId: string;
  text: string;
}

export interface Related {
  docId: string;
  clauseId: string;
  score: number;
}

// 24 bands of 2 rows: pairs at Jaccard 0.3 share a bucket with probability 0.90, at 0.2 with 0.62.
const HASHES = 48;
/** Values in a text's signature (RelatedState.sig holds this many per text). */
export const SIGNATURE_LENGTH = HASHES;
const BANDS = 24;
const ROWS = HASHES / BANDS;
const SEEDS = Array.from({ length: HASHES }, (_, k) => Math.imul(k + 1, 0x9e3779b1) >>> 0);

/** Below this many distinct texts every pair is scored: exact, and still cheap. */
const EXHAUSTIVE_UP_TO = 3000;

function mix(x: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Each distinct text's set of bigrams as dense ids 0 … `distinct` − 1, in first-seen order, in one flat
 * array (text t is ids[start[t] .. start[t + 1])).
 */
interface BigramSets {
  ids: Uint32Array;
  start: Uint32Array;
  distinct: number;
  /** Each dense id's bigram as its two code units in one number (what signatures hash). */
  codes: Uint32Array;
}

/**
 * Numbers for 32-bit keys, 0, 1, 2 … in first-seen order: an open-addressing table of typed
 * arrays. With a Map for the same lookups (one per bigram of every distinct text, 10 million
 * at 10,000 circulars), derive with nothing changed took 5.6–6.1 s against 5.0–5.2 s.
 */
class FirstSeenIds {
  private keys = new Uint32Array(1 << 16);
  /** Each slot's number + 1; 0 where the slot is empty. */
  private ids = new Int32Array(1 << 16);
  /** The slot of a key is the top bits of its product (the low bits of a bigram are its second character alone). */
  private shift = 16;
  size = 0;

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  id(key: number): number {
    const mask = this.keys.length - 1;
    let slot = this.slotOf(key);
    for (let id = this.ids[slot]!; id !== 0; id = this.ids[slot]!) {
      if (this.keys[slot] === key) return id - 1;
      slot = (slot + 1) & mask;
    }
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      return this.id(key);
    }
    this.keys[slot] = key;
    this.ids[slot] = ++this.size;
    return this.size - 1;
  }

  /** The keys by number. */
  byId(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let slot = 0; slot < this.ids.length; slot++) if (this.ids[slot]) out[this.ids[slot]! - 1] = this.keys[slot]!;
    return out;
  }

  private grow(): void {
    const [keys, ids] = [this.keys, this.ids];
    this.keys = new Uint32Array(keys.length * 2);
    this.ids = new Int32Array(ids.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let old = 0; old < ids.length; old++) {
      if (!ids[old]) continue;
      let slot = this.slotOf(keys[old]!);
      while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old]!;
      this.ids[slot] = ids[old]!;
    }
  }
}

function bigramSets(keys: string[]): BigramSets {
  let total = 0;
  for (const k of keys) total += Math.max(0, k.length - 1);
  const ids = new Uint32Array(total);
  const start = new Uint32Array(keys.length + 1);
  // A bigram is its two UTF-16 code units in one number; numbered as first seen.
  const dense = new FirstSeenIds();
  // The last text each id was seen in (text + 1), growing with the ids: a text's ids are
  // made unique without sorting them (sorting 150,000 small arrays took over a second).
  let seen = new Int32Array(1024);
  let at = 0;
  for (let t = 0; t < keys.length; t++) {
    start[t] = at;
    const key = keys[t]!;
    for (let i = 0; i + 1 < key.length; i++) {
      const id = dense.id(key.charCodeAt(i) * 0x10000 + key.charCodeAt(i + 1));
      if (id >= seen.length) {
        const grown = new Int32Array(seen.length * 2);
        grown.set(seen);
        seen = grown;
      }
      if (seen[id] === t + 1) continue;
      seen[id] = t + 1;
      ids[at++] = id;
    }
  }
  start[keys.length] = at;
  return { ids: ids.subarray(0, at), start, distinct: dense.size, codes: dense.byId() };
}

/**
 * Jaccard of one text against many: the text's bigrams are stamped into an array indexed by
 * bigram id, so each other text costs one read per bigram (no merge of two sorted lists).
 */
class Scorer {
  private readonly sets: BigramSets;
  private readonly stamp: Int32Array;
  private generation = 0;
  private size = 0;
  constructor(sets: BigramSets) {
    this.sets = sets;
    this.stamp = new Int32Array(sets.distinct);
  }

  /** Makes `t` the text the next scores are against. */
  focus(t: number): void {
    const { ids, start } = this.sets;
    const g = ++this.generation;
    for (let i = start[t]!; i < start[t + 1]!; i++) this.stamp[ids[i]!] = g;
    this.size = start[t + 1]! - start[t]!;
  }

  /** Jaccard of the focused text and `t`, or −1 as soon as it cannot reach `atLeast`. */
  score(t: number, atLeast: number): number {
    const { ids, start } = this.sets;
    const na = this.size;
    const from = start[t]!;
    const to = start[t + 1]!;
    const nb = to - from;
    if (na === 0 && nb === 0) return 1;
    // J ≤ min/max of the sizes; J ≥ t ⇔ shared ≥ t (na + nb) / (1 + t).
    if (Math.min(na, nb) < atLeast * Math.max(na, nb)) return -1;
    const need = Math.ceil((atLeast * (na + nb)) / (1 + atLeast) - 1e-9);
    const g = this.generation;
    let shared = 0;
    for (let i = from; i < to; i++) {
      if (this.stamp[ids[i]!] === g) shared++;
      else if (((i - from) & 31) === 31 && shared + (to - i - 1) < need) return -1;
    }
    return shared / (na + nb - shared);
  }
}

/**
 * The best `keep` neighbours of each text, in fixed slots: best first, ties by lower `rank` (the texts' identities in
 * order).
 */
class Neighbours {
  readonly keep: number;
  readonly index: Int32Array;
  readonly score: Float64Array;
  readonly count: Uint8Array;
  private readonly rank: Int32Array;
  constructor(texts: number, keep: number, rank: Int32Array) {
    this.keep = keep;
    this.index = new Int32Array(texts * keep);
    this.score = new Float64Array(texts * keep);
    this.count = new Uint8Array(texts);
    this.rank = rank;
  }

  /** The score a new neighbour of `t` must beat (ties by rank aside): its worst kept one once full. */
  floor(t: number): number {
    return this.count[t] === this.keep ? this.score[t * this.keep + this.keep - 1]! : 0;
  }

  offer(t: number, j: number, s: number): void {
    const base = t * this.keep;
    const n = this.count[t]!;
    let at = n;
    for (let k = 0; k < n; k++) {
      if (this.index[base + k] === j) return;
      if (
        at === n &&
        (s > this.score[base + k]! ||
          (s === this.score[base + k]! && this.rank[j]! < this.rank[this.index[base + k]!]!))
      )
        at = k;
    }
    if (at === this.keep) return;
    const last = Math.min(n, this.keep - 1);
    for (let k = last; k > at; k--) {
      this.index[base + k] = this.index[base + k - 1]!;
      this.score[base + k] = this.score[base + k - 1]!;
    }
    this.index[base + at] = j;
    this.score[base + at] = s;
    if (n < this.keep) this.count[t] = n + 1;
  }

  list(t: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let k = 0; k < this.count[t]!; k++) out.push([this.index[t * this.keep + k]!, this.score[t * this.keep + k]!]);
    return out;
  }
}

/**
 * MinHash signatures of the bigrams (not their ids), HASHES per text; texts with fewer than 4 bigrams get none (`has`
 * 0, the signature all ones).
 */
function signatures(sets: BigramSets, texts: number): { sig: Uint32Array; has: Uint8Array } {
  const sig = new Uint32Array(texts * HASHES).fill(0xffffffff);
  const has = new Uint8Array(texts);
  for (let t = 0; t < texts; t++) {
    const from = sets.start[t]!;
    const to = sets.start[t + 1]!;
    if (to - from < 4) continue;
    has[t] = 1;
    const base = t * HASHES;
    for (let i = from; i < to; i++) {
      const code = sets.codes[sets.ids[i]!]!;
      for (let k = 0; k < HASHES; k++) {
        const v = mix(code, SEEDS[k]!);
        if (v < sig[base + k]!) sig[base + k] = v;
      }
    }
  }
  return { sig, has };
}

/** Whether text `t` of `sig` has a signature (four bigrams or more): one that has none is all ones. */
const signed = (sig: Uint32Array, t: number) => !(sig[t * HASHES] === 0xffffffff && sig[t * HASHES + 1] === 0xffffffff);

/**
 * The signatures of `keys`: a text the last build saw (`old`: its place in the last state, or −1) has the one it had
 * (`oldSig`), a new one is signed from its own bigram set.
 */
function keptSignatures(keys: string[], old: Int32Array, oldSig: Uint32Array): { sig: Uint32Array; has: Uint8Array } {
  const sig = new Uint32Array(keys.length * HASHES).fill(0xffffffff);
  const has = new Uint8Array(keys.length);
  const fresh: number[] = [];
  keys.forEach((_, t) => {
    const o = old[t]!;
    if (o < 0) fresh.push(t);
    else if (signed(oldSig, o)) {
      sig.set(oldSig.subarray(o * HASHES, (o + 1) * HASHES), t * HASHES);
      has[t] = 1;
    }
  });
  const made = signatures(bigramSets(fresh.map((t) => keys[t]!)), fresh.length);
  fresh.forEach((t, f) => {
    if (!made.has[f]) return;
    sig.set(made.sig.subarray(f * HASHES, (f + 1) * HASHES), t * HASHES);
    has[t] = 1;
  });
  return { sig, has };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Where hash64 starts when it hashes several texts in a row, each from the last one's result. */
const HASHES_START: readonly [number, number] = [FNV_OFFSET, FNV_PRIME];

/** Two 32-bit FNV-1a hashes of a text, the second seeded by its length and mixed further. */
function hash64(
  text: string,
  seed: readonly [number, number] = [FNV_OFFSET, FNV_PRIME ^ text.length],
): [number, number] {
  let [a, b] = seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b ^= b >>> 15;
  }
  return [a, b];
}

/**
 * Each distinct text's copies that a list can name — their documents and clauses, in order — hashed: two values per
 * text. A list takes a text's copies in order, skipping its own document's, until it holds `top`: no list reads past
 * the first copies among which, whatever document is skipped, `top` are left (a boilerplate text has thousands of
 * copies, and a circular added with it changes none of the lists that name it). Two texts whose copies hash the same
 * are named alike in every list.
 */
function copiesHashed(members: ClauseKey[][], top: number): Uint32Array {
  const out = new Uint32Array(members.length * 2);
  members.forEach((group, t) => {
    let seed = HASHES_START;
    const perDocument = new Map<string, number>();
    let most = 0;
    for (const [k, c] of group.entries()) {
      if (k - most >= top) break;
      seed = hash64(`${c.docId}#${c.clauseId}\n`, seed);
      const mine = (perDocument.get(c.docId) ?? 0) + 1;
      perDocument.set(c.docId, mine);
      most = Math.max(most, mine);
    }
    [out[t * 2], out[t * 2 + 1]] = seed;
  });
  return out;
}

/** Each document's clauses — their ids and texts' identities, in order — hashed, by document id. */
function documentsHashed(input: ClauseKey[], textIndex: Int32Array, ids: string[]): Map<string, string> {
  const seeds = new Map<string, [number, number]>();
  input.forEach((c, k) => {
    const seed = seeds.get(c.docId) ?? HASHES_START;
    seeds.set(c.docId, hash64(`${c.clauseId}\t${ids[textIndex[k]!]}\n`, seed));
  });
  return new Map([...seeds].map(([id, [a, b]]) => [id, a.toString(36) + "." + b.toString(36)]));
}

/**
 * The distinct texts' identities: 64 bits of two FNV-1a hashes of each key, as numbers (`high`, `low`: ranked as
 * numbers, faster than as strings) and as text (`ids`, what the state keeps).
 */
function identities(keys: string[]): { ids: string[]; rank: Int32Array } {
  const high = new Uint32Array(keys.length);
  const low = new Uint32Array(keys.length);
  const ids = keys.map((key, t) => {
    [high[t], low[t]] = hash64(key);
    return high[t]!.toString(16).padStart(8, "0") + low[t]!.toString(16).padStart(8, "0");
  });
  // The hex text's order is the numbers' order: the texts' ranks, which break ties between scores.
  const order = new Int32Array(keys.length).map((_, t) => t);
  order.sort((x, y) => high[x]! - high[y]! || low[x]! - low[y]!);
  const rank = new Int32Array(keys.length);
  order.forEach((t, r) => (rank[t] = r));
  return { ids, rank };
}

/** What a build leaves for the next one to start from (the LSH path only: small libraries are scored whole). */
export interface RelatedState {
  /** Each distinct text's identity. */
  texts: string[];
  /** Their signatures, HASHES each. */
  sig: Uint32Array;
  /** How many neighbours each keeps, and the neighbours (indexes into `texts`) and scores, `keep` slots each. */
  keep: number;
  count: Uint8Array;
  index: Int32Array;
  score: Float64Array;
  /** Each text's copies that a list can name, hashed (copiesHashed), two values per text. */
  copies: Uint32Array;
  /** Each document's clauses hashed (documentsHashed), by document id. */
  documents: Map<string, string>;
}

export interface RelatedOptions {
  top?: number;
  min?: number;
  maxBucket?: number;
  exhaustiveUpTo?: number;
  /** The last build's state: only what changed is scored again. */
  previous?: RelatedState | null;
  /** A text's phrase key (text/keys.ts phraseKey, which a caller may keep for its own use). */
  key?: (text: string) => string;
}

/**
 * For each clause, the `top` most similar clauses of other circulars with Jaccard ≥ `min`.
 * Small corpora are scored exhaustively; larger ones through LSH buckets, where buckets
 * larger than `maxBucket` (boilerplate shared by very many clauses) are skipped. A pair is
 * scored once, in the first band where it shares a bucket that is not skipped.
 *
 * From a `previous` state, `changed` names the documents whose lists may differ from those that state's build made,
 * and `related` holds only theirs: the others' are as that build left them (at 10,000 circulars, making every list
 * again was a third of an edit's derive stage). Without one, `changed` is null and `related` holds every list.
 */
export function relatedClauses(
  input: ClauseKey[],
  options: RelatedOptions = {},
): { related: Map<string, Related[]>; state: RelatedState | null; rescored: number; changed: Set<string> | null } {
  const {
    top = 5,
    min = 0.1,
    maxBucket = 100,
    exhaustiveUpTo = EXHAUSTIVE_UP_TO,
    previous = null,
    key: keyOf = phraseKey,
  } = options;
  // Circulars copy clauses word for word: score each distinct text once, then expand.
  const textOf = new Map<string, number>();
  const members: ClauseKey[][] = [];
  // Each clause's text.
  const textIndex = new Int32Array(input.length);
  for (const [k, c] of input.entries()) {
    const key = keyOf(c.text);
    const t = textOf.get(key);
    textIndex[k] = t ?? members.length;
    if (t !== undefined) members[t]!.push(c);
    else {
      textOf.set(key, members.length);
      members.push([c]);
    }
  }
  const n = members.length;
  const keys = [...textOf.keys()];
  const { ids, rank } = identities(keys);
  // A text's neighbours: more than `top` so that copies in the same circular can be skipped.
  const keep = top * 2;
  const best = new Neighbours(n, keep, rank);
  const score = (scorer: Scorer, i: number, j: number) => {
    const s = scorer.score(j, Math.max(min, Math.min(best.floor(i), best.floor(j))));
    if (s < min) return;
    best.offer(i, j, s);
    best.offer(j, i, s);
  };
  let state: RelatedState | null = null;
  let rescored = n;
  let changed: Set<string> | null = null;
  if (n <= exhaustiveUpTo) {
    const scorer = new Scorer(bigramSets(keys));
    for (let i = 0; i < n; i++) {
      scorer.focus(i);
      for (let j = i + 1; j < n; j++) score(scorer, i, j);
    }
  } else {
    const usable = previous && previous.keep === keep ? previous : null;
    const before = new Map(usable?.texts.map((id, k) => [id, k]) ?? []);
    const old = new Int32Array(n).fill(-1);
    ids.forEach((id, t) => (old[t] = before.get(id) ?? -1));
    // Without a state every text is scored, from the bigram sets of all. With one, the texts
    // the last build saw keep their signatures, and bigram sets are made only for the texts
    // that meet one scored again (below): at 10,000 circulars, sets for all were 0.9 s of an
    // edit's 10.3 s.
    const allSets = usable ? null : bigramSets(keys);
    const { sig, has } = allSets ? signatures(allSets, n) : keptSignatures(keys, old, usable!.sig);
    const bandKey = (signatures: Uint32Array, t: number, b: number) =>
      signatures[t * HASHES + b * ROWS]! * 0x200000 + (signatures[t * HASHES + b * ROWS + 1]! & 0x1fffff);
    /** Per band, the texts of each bucket whose key is `wanted` (of all buckets when null). */
    const bucketsIn = (b: number, wanted: { has(key: number): boolean } | null) => {
      const band = new Map<number, number[]>();
      for (let t = 0; t < n; t++) {
        if (!has[t]) continue;
        const key = bandKey(sig, t, b);
        if (wanted && !wanted.has(key)) continue;
        const bucket = band.get(key);
        if (bucket) bucket.push(t);
        else band.set(key, [t]);
      }
      return band;
    };
    const present = new Uint8Array(usable?.texts.length ?? 0);
    for (let t = 0; t < n; t++) if (old[t]! >= 0) present[old[t]!] = 1;
    // Texts to score again: new ones, those that kept a neighbour now gone, and the members
    // of a bucket that was skipped and is not, or the other way round.
    const affected = new Uint8Array(n).fill(usable ? 0 : 1);
    const keptBucket = (size: number) => size >= 2 && size <= maxBucket;
    if (usable) {
      for (let t = 0; t < n; t++) {
        const o = old[t]!;
        if (o < 0) affected[t] = 1;
        else for (let k = 0; k < usable.count[o]!; k++) if (!present[usable.index[o * keep + k]!]) affected[t] = 1;
      }
      // The last build's texts that are gone and were in buckets, and the new texts in buckets.
      const removed: number[] = [];
      for (let o = 0; o < present.length; o++) if (!present[o] && signed(usable.sig, o)) removed.push(o);
      const added: number[] = [];
      for (let t = 0; t < n; t++) if (old[t]! < 0 && has[t]) added.push(t);
      for (let b = 0; b < BANDS; b++) {
        // The buckets that changed: each one's size now less its size in the last build.
        const grew = new Map<number, number>();
        const change = (key: number, by: number) => grew.set(key, (grew.get(key) ?? 0) + by);
        for (const t of added) change(bandKey(sig, t, b), 1);
        for (const o of removed) change(bandKey(usable.sig, o, b), -1);
        if (!grew.size) continue;
        for (const [key, items] of bucketsIn(b, grew))
          if (keptBucket(items.length) !== keptBucket(items.length - grew.get(key)!))
            for (const t of items) affected[t] = 1;
      }
    }
    // Per band, the buckets to score in: all, or those of a text scored again. Two 32-bit hashes
    // in one exact-enough number key (a merged pair of buckets only adds candidates, which are
    // then scored exactly).
    const scoredAgain: number[] = [];
    if (usable) for (let t = 0; t < n; t++) if (affected[t] && has[t]) scoredAgain.push(t);
    const bands: Array<Map<number, number[]>> = [];
    // Each text's bucket in each band, numbered across bands; 0 where the bucket is skipped or not scored in.
    const bucketOf = new Uint32Array(n * BANDS);
    // Whether a text is in one of those buckets that is not skipped.
    const inBuckets = new Uint8Array(n);
    let buckets = 0;
    for (let b = 0; b < BANDS; b++) {
      const band = bucketsIn(b, usable ? new Set(scoredAgain.map((t) => bandKey(sig, t, b))) : null);
      for (const items of band.values()) {
        if (!keptBucket(items.length)) continue;
        buckets++;
        for (const t of items) {
          bucketOf[t * BANDS + b] = buckets;
          inBuckets[t] = 1;
        }
      }
      bands.push(band);
    }
    // The bigram sets of the texts in those buckets alone (the others' keys left empty).
    const scorer = new Scorer(allSets ?? bigramSets(keys.map((key, t) => (inBuckets[t] ? key : ""))));
    // The others keep their neighbours, and hear of new pairs as those are scored.
    if (usable) {
      const currentOf = new Int32Array(usable.texts.length).fill(-1);
      for (let t = 0; t < n; t++) if (old[t]! >= 0) currentOf[old[t]!] = t;
      for (let t = 0; t < n; t++) {
        if (affected[t]) continue;
        const o = old[t]!;
        for (let k = 0; k < usable.count[o]!; k++)
          best.offer(t, currentOf[usable.index[o * keep + k]!]!, usable.score[o * keep + k]!);
      }
    }
    // Scored in the first band where the pair shares a bucket that is not skipped (a pair with
    // a text scored again shares it in a bucket scored in).
    const sharedEarlier = (i: number, j: number, band: number) => {
      for (let b = 0; b < band; b++)
        if (bucketOf[i * BANDS + b] !== 0 && bucketOf[i * BANDS + b] === bucketOf[j * BANDS + b]) return true;
      return false;
    };
    rescored = 0;
    for (let t = 0; t < n; t++) rescored += affected[t]!;
    bands.forEach((band, b) => {
      for (const items of band.values()) {
        if (!keptBucket(items.length)) continue;
        for (let x = 0; x + 1 < items.length; x++) {
          const i = items[x]!;
          let focused = false;
          for (let y = x + 1; y < items.length; y++) {
            const j = items[y]!;
            if ((!affected[i] && !affected[j]) || sharedEarlier(i, j, b)) continue;
            if (!focused) scorer.focus(i);
            focused = true;
            score(scorer, i, j);
          }
        }
      }
      bands[b] = new Map();
    });
    const copies = copiesHashed(members, top);
    const documents = documentsHashed(input, textIndex, ids);
    if (usable) changed = changedDocuments(members, best, { copies, documents }, old, usable);
    state = { texts: ids, sig, keep, count: best.count, index: best.index, score: best.score, copies, documents };
  }
  const related = new Map<string, Related[]>();
  members.forEach((group, i) => {
    if (changed && !group.some((c) => changed!.has(c.docId))) return;
    // Identical copies first (score 1), then the most similar distinct texts.
    const neighbours: Array<[number, number]> = [[i, 1], ...best.list(i)];
    for (const c of group) {
      if (changed && !changed.has(c.docId)) continue;
      const list: Related[] = [];
      for (const [j, s] of neighbours) {
        // A boilerplate text has thousands of copies: stop at `top`, not at its last copy.
        for (const other of members[j]!) {
          if (list.length >= top) break;
          if (other.docId !== c.docId)
            list.push({ docId: other.docId, clauseId: other.clauseId, score: Math.round(s * 1000) / 1000 });
        }
        if (list.length >= top) break;
      }
      if (list.length) related.set(`${c.docId}#${c.clauseId}`, list);
    }
  });
  return { related, state, rescored, changed };
}

/**
 * The documents whose related lists may differ from those of the build that left `usable`: those new or with other
 * clauses, and those with a clause whose text has other copies now, or other neighbours (or scores), or a neighbour
 * with other copies — a list names the first copies of the text and of its neighbours. `old`: each text's index in
 * `usable` (−1 for a new one).
 */
function changedDocuments(
  members: ClauseKey[][],
  best: Neighbours,
  { copies, documents }: Pick<RelatedState, "copies" | "documents">,
  old: Int32Array,
  usable: RelatedState,
): Set<string> {
  const keep = best.keep;
  const changed = new Set([...documents].filter(([id, hash]) => usable.documents.get(id) !== hash).map(([id]) => id));
  const copiesChanged = new Uint8Array(members.length);
  for (let t = 0; t < members.length; t++) {
    const o = old[t]!;
    copiesChanged[t] =
      o < 0 || copies[t * 2] !== usable.copies[o * 2] || copies[t * 2 + 1] !== usable.copies[o * 2 + 1] ? 1 : 0;
  }
  for (let t = 0; t < members.length; t++) {
    const o = old[t]!;
    let differs = copiesChanged[t] === 1 || best.count[t] !== usable.count[o];
    for (let k = 0; !differs && k < best.count[t]!; k++) {
      const j = best.index[t * keep + k]!;
      differs =
        copiesChanged[j] === 1 ||
        old[j] !== usable.index[o * keep + k] ||
        best.score[t * keep + k] !== usable.score[o * keep + k];
    }
    if (differs) for (const c of members[t]!) changed.add(c.docId);
  }
  return changed;
}

/**
 * Circulars most alike to each circular, from the related clauses: the summed similarity of
 * their related clause pairs over the circular's clause count. Reuses the clause-level
 * work, so it adds no pass over the corpus.
 */
export function similarCirculars(
  related: Map<string, Related[]>,
  clauseCounts: Map<string, number>,
  top = 5,
): Map<string, Related[]> {
  const sums = new Map<string, Map<string, number>>();
  for (const [key, list] of related) {
    const docId = key.slice(0, key.indexOf("#"));
    const m = sums.get(docId) ?? new Map<string, number>();
    for (const r of list) m.set(r.docId, (m.get(r.docId) ?? 0) + r.score);
    sums.set(docId, m);
  }
  const out = new Map<string, Related[]>();
  for (const [docId, m] of sums) {
    const n = clauseCounts.get(docId) ?? 1;
    out.set(
      docId,
      [...m]
        .map(([other, sum]) => ({ docId: other, clauseId: "", score: Math.round((sum / n) * 1000) / 1000 }))
        .sort((a, b) => b.score - a.score || a.docId.localeCompare(b.docId))
        .slice(0, top),
    );
  }
  return out;
}
