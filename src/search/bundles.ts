/**
 * Pagefind holds a whole index in memory (about 2 MB per circular page here), so a large
 * library is indexed in bundles of a fixed number of pages, each in its own folder
 * (pagefind/, pagefind-1/ …) and merged in the browser with mergeIndex. The plan depends
 * only on the pages, so the phrase index can name the bundles before Pagefind has run.
 */
export interface PagefindBundle {
  /** Folder under the site root, with a trailing slash. */
  folder: string;
  /** Site-relative paths of the pages it indexes. */
  pages: string[];
}

export function planBundles(pages: string[], size: number): PagefindBundle[] {
  const sorted = [...pages].sort();
  const count = Math.max(1, Math.ceil(sorted.length / size));
  return Array.from({ length: count }, (_, i) => ({
    folder: i === 0 ? "pagefind/" : `pagefind-${i}/`,
    pages: sorted.slice(i * size, (i + 1) * size),
  }));
}

/** The pages of each circular, the only pages Pagefind indexes. */
export const circularPages = (ids: string[]): string[] => ids.map((id) => `circulars/${id}/index.html`);
