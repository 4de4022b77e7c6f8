/**
 * `node scripts/merge-shards.ts HOST_DIST BASE=DIST [BASE=DIST …]`: the national search of a
 * library built in shards (src/search/national.ts). Reads each shard's built search index
 * (DIST/search-data/, its site under BASE) — no source documents — and writes the merged
 * index into HOST_DIST/search-data/, stored as a build stores it (src/search/storedFiles.ts):
 * the search page of the site in HOST_DIST (one of the shards, or a site of its own) then
 * searches every shard. Run it after the shards are built (README "Past one machine").
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { normalizeBase } from "../src/config/urls.ts";
import { writePhraseIndex } from "../src/search/buildIndex.ts";
import { mergeShards } from "../src/search/national.ts";
import { readStored, storedBytes, storedPath } from "../src/search/storedFiles.ts";
import { progress } from "../src/bench/progress.ts";

const [host, ...specs] = process.argv.slice(2);
if (!host || specs.length === 0 || specs.some((s) => !s.includes("="))) {
  console.error("usage: node scripts/merge-shards.ts HOST_DIST BASE=DIST [BASE=DIST …]");
  process.exit(2);
}
const started = performance.now();
const shards = specs.map((spec) => {
  const [base, dist] = [spec.slice(0, spec.indexOf("=")), resolve(spec.slice(spec.indexOf("=") + 1))];
  return { base: normalizeBase(base), read: (path: string) => readStored(join(dist, "search-data"), path) };
});
const merged = mergeShards(shards);
// Written aside first: the host may be one of the shards, read while the index is written.
const out = join(resolve(host), "search-data.next");
rmSync(out, { recursive: true, force: true });
const bar = progress("merge", merged.count, { unit: "circulars" });
let bytes = 0;
const meta = writePhraseIndex(
  merged.docs,
  [],
  (path, content) => {
    const file = join(out, storedPath(path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, storedBytes(content));
    bytes += content.length;
  },
  { onDoc: () => bar.tick(), extra: { pagefindShards: merged.pagefindShards } },
);
bar.done();
const target = join(resolve(host), "search-data");
rmSync(target, { recursive: true, force: true });
renameSync(out, target);
console.log(
  `merge: ${meta.docs} circulars from ${shards.length} shards into ${host}/search-data: ${(bytes / 1e6).toFixed(1)} ` +
    `MB, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
