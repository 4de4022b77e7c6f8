/**
 * `node scripts/pagefind-index.ts OUT`: the build's search stage, second half. Indexes the
 * Pagefind records that scripts/search-index.ts left in the search cache into OUT/pagefind/,
 * OUT/pagefind-1/ … — a bundle whose records are as in an earlier build is linked from the
 * cache, not indexed again — and writes .gz and .br copies of Pagefind's scripts
 * (src/site/precompress.ts; the phrase index is stored gzipped already). When the build is
 * incremental (SEARCH_BUILD), a bundle whose folder in dist/ already holds it is left out of
 * OUT: only the folders that changed are compressed and moved in.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { CONTENT_OUT } from "../src/config/paths.ts";
import {
  PagefindFolders,
  SEARCH_CACHE as cache,
  openRecordLines,
  placeBundle,
  readBundles,
  recordOf,
} from "../src/library/searchCache.ts";
import { readJsonFileOr, writeJsonFile } from "../src/library/files.ts";
import { precompress } from "../src/site/precompress.ts";
import { progress, progressOnceKnown } from "../src/bench/progress.ts";

const out = resolve(process.argv[2] ?? join(CONTENT_OUT, "search-out"));
const started = performance.now();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const bundles = readBundles(cache.plan);
// Each record's line: a bundle's key is the hash of its lines, and only the records of a bundle indexed are parsed.
const lines = openRecordLines();

// A cached bundle is only as good as the Pagefind that wrote it.
const pagefindVersion = (
  createRequire(import.meta.url)(fileURLToPath(new URL("../package.json", import.meta.resolve("pagefind")))) as {
    version: string;
  }
).version;
const bar = progress("pagefind", lines.size, { unit: "records" });
const used = new Set<string>();
let reused = 0;
// Each folder's bundle in dist/ now (the last build's), and in this build.
const inDist = process.env.SEARCH_BUILD === "incremental" ? readJsonFileOr(PagefindFolders, cache.folders, {}) : {};
const folders: Record<string, string> = {};
let kept = 0;
for (const bundle of bundles) {
  // The hash of the bundle's lines joined by newlines.
  const hash = createHash("sha256").update(pagefindVersion);
  bundle.ids.forEach((id, i) => hash.update(i ? "\n" : "").update(lines.bytes(id)));
  const key = hash.digest("hex").slice(0, 24);
  const cached = join(cache.pagefind, key);
  used.add(key);
  if (existsSync(join(cached, "pagefind-entry.json"))) reused++;
  else {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
    if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
    for (const id of bundle.ids) {
      const record = recordOf(lines.line(id));
      const added = await index.addCustomRecord(record);
      if (added.errors.length) console.error(`${record.url}: ${added.errors.join("; ")}`);
    }
    rmSync(cached, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: cached });
    if (written.errors.length) throw new Error(written.errors.join("\n"));
    // A fresh Pagefind process per bundle returns the memory of the last one.
    await pagefind.close();
  }
  folders[bundle.folder] = key;
  if (inDist[bundle.folder] === key) kept++;
  else placeBundle(cached, join(out, bundle.folder));
  bar.tick(bundle.ids.length);
}
bar.done();
lines.close();
for (const key of existsSync(cache.pagefind) ? readdirSync(cache.pagefind) : [])
  if (!used.has(key)) rmSync(join(cache.pagefind, key), { recursive: true, force: true });
// Only now is this build's membership the one the next build starts from.
renameSync(cache.plan, cache.bundles);
writeJsonFile(PagefindFolders, cache.folders, folders);
const pagefindSeconds = seconds(started);

const compressStarted = performance.now();
const compressBar = progressOnceKnown("precompress search", { unit: "files" });
const compressed = await precompress(out, { cache: cache.compress, onFile: compressBar.tick });
compressBar.done();
console.log(
  `search: pagefind ${bundles.length} bundle(s), ${reused} reused, ${kept} already in place, in ${pagefindSeconds} s;` +
    ` ${compressed.files} ` +
    `files precompressed (${compressed.reused} from the cache) in ${seconds(compressStarted)} s`,
);
