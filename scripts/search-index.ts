/**
 * `node scripts/search-index.ts OUT`: the build's search stage, first half. From the stored
 * models alone (so it runs beside the Astro build, on the other core) it writes the
 * exact-phrase index (src/search/buildIndex.ts) into OUT/search-data/, and each circular's
 * Pagefind record (src/search/pagefindRecord.ts) from the same reading of its model into
 * the search cache (INGEST_OUT/search-cache/records.jsonl), with the plan of Pagefind's
 * bundles (src/search/bundles.ts). When the build is incremental (SEARCH_BUILD), only the
 * index's files whose content changed since the last build are written: after ten
 * documents are added, most are as they were, and need not be compressed or moved again.
 * scripts/pagefind-index.ts does the rest in a process of its own, so the two never hold
 * their memory at once. The build moves OUT's folders into dist/ once Astro is done (Astro
 * empties dist/ when it starts).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CONTENT_OUT } from "../src/config/paths.ts";
import { siteUrls } from "../src/config/urls.ts";
import { loadModel, oldestFirst } from "../src/library/store.ts";
import { buildPhraseIndex } from "../src/search/buildIndex.ts";
import { planBundles } from "../src/search/bundles.ts";
import { searchFacets } from "../src/search/facets.ts";
import { WordCache, pagefindRecord } from "../src/search/pagefindRecord.ts";
import {
  ChangedFiles,
  SEARCH_CACHE,
  readBundles,
  readWords,
  writeBundles,
  writeWords,
} from "../src/library/searchCache.ts";
import { progress } from "../src/bench/progress.ts";
import { readFacts } from "../src/library/derived.ts";

const out = resolve(process.argv[2] ?? join(CONTENT_OUT, "search-out"));
const cache = SEARCH_CACHE;
const urls = siteUrls(process.env.BASE_PATH);
const started = performance.now();

// Each model is read once, whole, in the index's order; nothing holds them all.
const ids = oldestFirst();
// Each document's 时效性, from the facts stage.
const facts = readFacts();
const bundles = planBundles(ids, Number(process.env.PAGEFIND_BUNDLE ?? 1000), readBundles(cache.bundles));
rmSync(out, { recursive: true, force: true });
mkdirSync(dirname(cache.records), { recursive: true });
writeBundles(cache.plan, bundles);

// The phrase index, and each circular's Pagefind record from the same reading of its model.
const records: string[] = [];
// The record contents of the last build of the same code, for texts that did not change.
const words = new WordCache(readWords(process.env.PIPELINE_CODE));
const phraseBar = progress("phrase index", ids.length, { unit: "circulars" });
const emitted = { files: 0, bytes: 0 };
const changed = new ChangedFiles(process.env.SEARCH_BUILD === "incremental" ? ChangedFiles.read(cache.files) : null);
buildPhraseIndex(
  ids,
  loadModel,
  urls.circular,
  bundles.map((b) => b.folder),
  (path, content) => {
    emitted.files++;
    emitted.bytes += content.length;
    if (!changed.changed(path, content)) return;
    const file = join(out, "search-data", path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  },
  {
    // SEARCH_PEERS: the base paths of other libraries on this origin that a search here covers too.
    peers: (process.env.SEARCH_PEERS ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    validityOf: (id) => facts?.validity[id]?.status ?? "unknown",
    factsOf: (id) => facts?.documents[id],
    onDoc: (doc, _n, entries, chunks, facets) => {
      records.push(
        JSON.stringify(
          pagefindRecord(
            doc,
            entries.map((e) => e.text),
            searchFacets(doc, facets),
            `/circulars/${doc.id}/`,
            chunks,
            words,
          ),
        ),
      );
      phraseBar.tick();
    },
  },
);
phraseBar.done();
writeFileSync(cache.records, records.join("\n"));
writeWords(process.env.PIPELINE_CODE, words.entries());
changed.save(cache.written, cache.files);
console.log(
  `search: phrase index ${emitted.files} files (${changed.written} written, ${changed.unchanged} as before),` +
    ` ${(emitted.bytes / 1e6).toFixed(1)} MB, and` +
    ` ${records.length} Pagefind records (${words.reused} contents reused)` +
    ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
