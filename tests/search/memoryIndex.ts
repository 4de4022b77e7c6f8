/** Phrase indexes of a few models, built in memory: the shards that search tests query and merge. */
import { buildPhraseIndex } from "../../src/search/buildIndex.ts";
import type { Circular } from "../../src/model/circular.ts";

/** Ids oldest first, as a build numbers circulars. */
export const oldestFirst = (ms: Circular[]) =>
  [...ms].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id)).map((m) => m.id);

/** The index files of `ms` by path, its circulars linked under `base`. */
export function indexInMemory(
  base: string,
  ms: Circular[],
  options: Parameters<typeof buildPhraseIndex>[5],
): Map<string, string> {
  const files = new Map<string, string>();
  buildPhraseIndex(
    oldestFirst(ms),
    (id) => ms.find((m) => m.id === id)!,
    (id) => `${base}circulars/${id}/`,
    ["pagefind/"],
    (p, c) => files.set(p, c),
    options,
  );
  return files;
}
