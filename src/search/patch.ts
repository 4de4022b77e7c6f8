/**
 * A patched phrase index. Writing the whole index again after ten documents are added takes a
 * minute at 10,000 circulars and changes a quarter of its files (a gram's postings gain a
 * circular in most shards), all to be compressed and moved into dist/ again. So an
 * incremental build leaves the last full index (the base) as it is and writes a patch
 * beside it, in search-data/patch/: an index of its own of the circulars that are new or
 * changed since the base, and the list of the base's circulars it hides (changed or gone).
 * The search page reads the two as shards of one library (shards.ts). The patch is written
 * whole each time, against the base; once it would hold more than a share of the library, the
 * build writes a full index again, and that is the next base.
 *
 * A circular's texts (text/<id>/<k>.json) are one set for base and patch, by id: a changed
 * circular's replace the base's, which the base no longer shows.
 */
import type { PhraseMeta } from "./phrase.ts";
import type { IndexBaseFile } from "./indexFiles.ts";

/** The folder of the patch under search-data/. */
export const PATCH_FOLDER = "patch/";

/** The last full index, as the next build patches it: its meta, and each circular's id and key by number. */
export type IndexBase = Pick<IndexBaseFile, "meta" | "ids" | "keys">;

export interface PatchPlan {
  /** The base's circulars (numbers) that the patch hides: changed or gone. */
  hidden: number[];
  /** The circulars the patch indexes, in the library's order: new, or changed since the base. */
  ids: string[];
}

/** A patch is written while it holds at most this share of the library's circulars, or this many. */
export const PATCH_SHARE = 0.05;
export const PATCH_MIN = 100;

/**
 * What a patch of `base` must hold for the library `ids` (in index order, oldest first), each circular's key given by
 * `keyOf`; null when there is no base or the patch would hold more than `limit` circulars (a full index is written).
 * A circular of `again` is indexed in the patch even if it is as in the base: one of the last patch (the base's texts
 * of it were replaced: texts are one set, by id), or one whose Pagefind record the last build does not hold (removed,
 * then back as it was).
 */
export function planPatch(
  base: IndexBase | null,
  ids: string[],
  keyOf: (id: string) => string,
  limit: number,
  again: Set<string> = new Set(),
): PatchPlan | null {
  if (!base) return null;
  const present = new Set(ids);
  const kept = new Set<string>();
  const hidden: number[] = [];
  base.ids.forEach((id, n) => {
    if (present.has(id) && !kept.has(id) && !again.has(id) && base.keys[n] === keyOf(id)) kept.add(id);
    else hidden.push(n);
  });
  const indexed = ids.filter((id) => !kept.has(id));
  if (indexed.length + hidden.length > limit) return null;
  return { hidden, ids: indexed };
}

/** Where a file of the patch index goes under search-data/: texts with the base's, the rest in the patch folder. */
export const patchPath = (path: string): string => (path.startsWith("text/") ? path : `${PATCH_FOLDER}${path}`);

/** Whether the library is as the base holds it: then there is no patch. */
export const emptyPatch = (plan: PatchPlan): boolean => plan.ids.length === 0 && plan.hidden.length === 0;

/** The base's table of contents as a patch leaves it: it names this build's Pagefind bundles, and the patch. */
export const patchedMeta = (base: PhraseMeta, plan: PatchPlan, pagefindBundles: string[]): PhraseMeta => ({
  ...base,
  pagefindBundles,
  ...(emptyPatch(plan) ? {} : { patch: { hidden: plan.hidden } }),
});
