/**
 * Pagefind holds a whole index in memory, so a large library is indexed in bundles of a
 * fixed number of circulars, each in its own folder (pagefind/, pagefind-1/ …) and merged
 * in the browser with mergeIndex. A circular stays in the bundle it was first put in: new
 * circulars fill the last bundle, then open the next, so adding ten documents changes one
 * bundle or two, and the next build reuses the others (scripts/search-index.ts).
 */
import type { PagefindBundle } from "../library/files.ts";

export type { PagefindBundle };

const folderOf = (i: number) => (i === 0 ? "pagefind/" : `pagefind-${i}/`);
const numberOf = (folder: string) => Number(/-(\d+)\/$/.exec(folder)?.[1] ?? 0);

/**
 * The bundles of a library of `ids`, at most `size` circulars each, keeping `previous`
 * (the last build's bundles) where their circulars still are. There is always a first
 * bundle, so the search page finds an index even in an empty library.
 */
export function planBundles(ids: string[], size: number, previous: PagefindBundle[] = []): PagefindBundle[] {
  const present = new Set(ids);
  const placed = new Set<string>();
  const bundles: Array<{ folder: string; ids: string[] }> = [];
  for (const b of previous) {
    const kept = b.ids.filter((id) => present.has(id) && !placed.has(id));
    kept.forEach((id) => placed.add(id));
    bundles.push({ folder: b.folder, ids: kept });
  }
  const used = new Set(bundles.map((b) => b.folder));
  let last = [...bundles].reverse().find((b) => b.ids.length < size);
  for (const id of [...ids].sort()) {
    if (placed.has(id)) continue;
    if (!last || last.ids.length >= size) {
      let i = 0;
      while (used.has(folderOf(i))) i++;
      used.add(folderOf(i));
      bundles.push((last = { folder: folderOf(i), ids: [] }));
    }
    last.ids.push(id);
    placed.add(id);
  }
  const out = bundles.filter((b) => b.ids.length > 0).map((b) => ({ folder: b.folder, ids: [...b.ids].sort() }));
  return out.length ? out.sort((a, b) => numberOf(a.folder) - numberOf(b.folder)) : [{ folder: folderOf(0), ids: [] }];
}
