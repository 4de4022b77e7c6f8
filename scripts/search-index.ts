/**
 * `node scripts/search-index.ts OUT`: the build's search stage. From the stored models alone
 * (so it runs beside the Astro build, on the other core) it writes into OUT:
 * - search-data/: the exact-phrase index (src/search/buildIndex.ts);
 * - pagefind/, pagefind-1/ …: Pagefind's indexes of what the phrase index cannot answer
 *   (related circulars, holding the query's words apart: src/search/pagefindRecord.ts), in
 *   bundles (src/search/bundles.ts).
 *   A bundle whose records are as in the last build is copied from the cache
 *   (INGEST_OUT/search-cache/), not indexed again;
 * and .gz/.br copies of the text files. The build moves OUT's folders into dist/ once Astro
 * is done (Astro empties dist/ when it starts).
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { CONTENT_OUT } from "../src/config/paths.ts";
import { siteUrls } from "../src/config/urls.ts";
import { loadModel, oldestFirst } from "../src/corpus/store.ts";
import { buildPhraseIndex } from "../src/search/buildIndex.ts";
import { planBundles, type PagefindBundle } from "../src/search/bundles.ts";
import { searchFacets } from "../src/search/facets.ts";
import { pagefindRecord, type PagefindRecord } from "../src/search/pagefindRecord.ts";
import { precompress } from "../src/site/precompress.ts";
import { progress } from "../src/bench/progress.ts";

const out = resolve(process.argv[2] ?? join(CONTENT_OUT, "search-out"));
const cache = join(CONTENT_OUT, "search-cache");
const bundleState = join(cache, "bundles.json");
const urls = siteUrls(process.env.BASE_PATH);
const started = performance.now();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// Each model is read once, whole, in the index's order; nothing holds them all.
const ids = oldestFirst();
const previous: PagefindBundle[] = existsSync(bundleState) ? JSON.parse(readFileSync(bundleState, "utf8")) : [];
const bundles = planBundles(ids, Number(process.env.PAGEFIND_BUNDLE ?? 1000), previous);
rmSync(out, { recursive: true, force: true });

// The phrase index, and each circular's Pagefind record from the same reading of its model.
const records = new Map<string, PagefindRecord>();
const phraseBar = progress("phrase index", ids.length, { unit: "circulars" });
const emitted = { files: 0, bytes: 0 };
buildPhraseIndex(ids, loadModel, urls.circular, bundles.map((b) => b.folder), (path, content) => {
  const file = join(out, "search-data", path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  emitted.files++;
  emitted.bytes += content.length;
}, {
  onDoc: (doc, _n, entries, chunks, facets) => {
    records.set(doc.id, pagefindRecord(doc, entries.map((e) => e.text), searchFacets(doc, facets), `/circulars/${doc.id}/`, chunks));
    phraseBar.tick();
  },
});
phraseBar.done();

// Pagefind, a bundle at a time; unchanged bundles from the cache.
const pagefindStarted = performance.now();
// A cached bundle is only as good as the Pagefind that wrote it.
const pagefindVersion = (JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }).version;
const pagefindBar = progress("pagefind", ids.length, { unit: "records" });
const used = new Set<string>();
let reused = 0;
for (const bundle of bundles) {
  const mine = bundle.ids.map((id) => records.get(id)!);
  const key = createHash("sha256").update(pagefindVersion).update(JSON.stringify(mine)).digest("hex").slice(0, 24);
  const cached = join(cache, "pagefind", key);
  used.add(key);
  if (existsSync(join(cached, "pagefind-entry.json"))) reused++;
  else {
    const { index: pf, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
    if (!pf) throw new Error(`pagefind: ${errors.join("; ")}`);
    for (const record of mine) {
      const added = await pf.addCustomRecord(record);
      if (added.errors.length) console.error(`${record.url}: ${added.errors.join("; ")}`);
    }
    rmSync(cached, { recursive: true, force: true });
    const written = await pf.writeFiles({ outputPath: cached });
    if (written.errors.length) throw new Error(written.errors.join("\n"));
    // A fresh Pagefind process per bundle returns the memory of the last one.
    await pagefind.close();
  }
  cpSync(cached, join(out, bundle.folder), { recursive: true });
  pagefindBar.tick(mine.length);
}
pagefindBar.done();
for (const key of existsSync(join(cache, "pagefind")) ? readdirSync(join(cache, "pagefind")) : []) if (!used.has(key)) rmSync(join(cache, "pagefind", key), { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
writeFileSync(bundleState, JSON.stringify(bundles));
const pagefindSeconds = seconds(pagefindStarted);

const compressStarted = performance.now();
const compressed = await precompress(out, { cache: join(cache, "compress") });
console.log(`search: phrase index ${emitted.files} files, ${(emitted.bytes / 1e6).toFixed(1)} MB; pagefind ${bundles.length} bundle(s), ${reused} reused, in ${pagefindSeconds} s; ${compressed.files} files precompressed (${compressed.reused} from the cache) in ${seconds(compressStarted)} s; ${seconds(started)} s in all`);
