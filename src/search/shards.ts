/**
 * One search over several libraries built apart — shards, say one per province, each a
 * site of its own under its own path on the portal (README "Past one machine"). A shard's
 * table of contents (meta.json) names the other shards; the search page opens each one's
 * phrase index and walks all their hits as one list, in the order asked for: each shard's
 * hits come in that order already, so the next hit overall is the best of the shards' next
 * ones (compared by where the phrase stands and the date, which a shard's doc file holds).
 * Browser-safe: no Node APIs.
 */
import { normalizeBase } from "../config/urls.ts";
import {
  PhraseQuery,
  type ExactHit,
  type HitOrder,
  type IndexLoader,
  type PhraseDoc,
  type PhraseMeta,
} from "./phrase.ts";
import { patchPath } from "./patch.ts";

export interface Shard {
  /** The shard site's base path ("/lib/jilin/"). */
  base: string;
  meta: PhraseMeta;
  /** Reads a file of the shard's search-data/. */
  load: IndexLoader;
  /** Its circulars that a patch of it hides (patch.ts): changed or gone since it was written. */
  hidden?: Set<number>;
}

export interface ShardHit {
  /** Index of the shard in the list (0: this site). */
  shard: number;
  hit: ExactHit;
  /** The circular as its shard shows it (read while merging several shards). */
  doc?: PhraseDoc;
}

/** A library's index as shards: the index, then its patch if any (patch.ts), which hides some of its circulars. */
async function libraryShards(base: string, meta: PhraseMeta, load: IndexLoader): Promise<Shard[]> {
  if (!meta.patch) return [{ base, meta, load }];
  const patchLoad: IndexLoader = (path) => load(patchPath(path));
  const patchMeta = await patchLoad<PhraseMeta>("meta.json");
  return [
    { base, meta, load, hidden: new Set(meta.patch.hidden) },
    { base, meta: patchMeta, load: patchLoad },
  ];
}

/**
 * This site's index, then every other shard its table of contents names, each followed by its patch; a shard that does
 * not answer is left out.
 */
export async function openShards(
  own: { base: string; load: IndexLoader },
  loaderFor: (base: string) => IndexLoader,
): Promise<Shard[]> {
  const meta = await own.load<PhraseMeta>("meta.json");
  const others = await Promise.all(
    (meta.peers ?? []).map(async (raw) => {
      const base = normalizeBase(raw);
      const load = loaderFor(base);
      return load<PhraseMeta>("meta.json")
        .then((m) => libraryShards(base, m, load))
        .catch(() => []);
    }),
  );
  return [...(await libraryShards(normalizeBase(own.base), meta, own.load)), ...others.flat()];
}

/** Whether `a` comes before `b` in `order`: the header tier first for relevance, then newer, then the earlier shard. */
function before(a: ShardHit, b: ShardHit, order: HitOrder): boolean {
  if (order === "relevance") {
    const ta = a.hit.offsets[0] === 0 ? 0 : 1;
    const tb = b.hit.offsets[0] === 0 ? 0 : 1;
    if (ta !== tb) return ta < tb;
  }
  const da = a.doc?.date ?? "";
  const db = b.doc?.date ?? "";
  if (da !== db) return order === "date-asc" ? da < db : da > db;
  return a.shard < b.shard;
}

/** A query over every shard: its hits as one list, and the count over all. */
export class ShardQuery {
  private readonly queries: Array<PhraseQuery | null>;
  private readonly shards: Shard[];

  private constructor(shards: Shard[], queries: Array<PhraseQuery | null>) {
    this.shards = shards;
    this.queries = queries;
  }

  /** Null when no shard can look the phrases up. */
  static async open(keys: string[], shards: Shard[]): Promise<ShardQuery | null> {
    const queries = await Promise.all(shards.map((s) => PhraseQuery.open(keys, s.meta, s.load)));
    return queries.some(Boolean) ? new ShardQuery(shards, queries) : null;
  }

  get complete(): boolean {
    return this.queries.every((q) => !q || q.complete);
  }

  count(): { docs: number; exact: boolean } {
    const counts = this.queries.flatMap((q) => (q ? [q.count()] : []));
    return { docs: counts.reduce((n, c) => n + c.docs, 0), exact: counts.every((c) => c.exact) };
  }

  /** The hits of all shards in `order`; `keeps[i]` filters shard i's circulars. */
  async *hits(order: HitOrder, keeps: Array<(d: number) => boolean>): AsyncGenerator<ShardHit> {
    const streams = this.queries.map((q, i) => {
      const hidden = this.shards[i]!.hidden;
      const keep = keeps[i] ?? (() => true);
      return q ? q.hits(order, hidden?.size ? (d) => !hidden.has(d) && keep(d) : keep) : null;
    });
    const live = streams.flatMap((s, i) => (s ? [{ i, s }] : []));
    if (live.length === 1) {
      for await (const hit of live[0]!.s) yield { shard: live[0]!.i, hit };
      return;
    }
    const next = async ({ i, s }: { i: number; s: AsyncGenerator<ExactHit> }): Promise<ShardHit | null> => {
      const r = await s.next();
      return r.done
        ? null
        : { shard: i, hit: r.value, doc: await this.shards[i]!.load<PhraseDoc>(`doc/${r.value.doc}.json`) };
    };
    const heads = await Promise.all(live.map(next));
    for (;;) {
      let pick = -1;
      heads.forEach((h, k) => {
        if (h && (pick < 0 || before(h, heads[pick]!, order))) pick = k;
      });
      if (pick < 0) return;
      yield heads[pick]!;
      heads[pick] = await next(live[pick]!);
    }
  }
}
