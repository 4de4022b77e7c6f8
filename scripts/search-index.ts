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
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CONTENT_OUT } from "../src/config/paths.ts";
import { siteUrls } from "../src/config/urls.ts";
import { loadModel, oldestFirst, sourceHashes } from "../src/library/store.ts";
import { readJsonFileOr, writeJsonFile } from "../src/library/files.ts";
import { IndexBaseFile } from "../src/search/indexFiles.ts";
import { storedBytes, storedPath } from "../src/search/storedFiles.ts";
import {
  PATCH_FOLDER,
  PATCH_MIN,
  PATCH_SHARE,
  emptyPatch,
  patchPath,
  patchedMeta,
  planPatch,
} from "../src/search/patch.ts";
import { buildPhraseIndex } from "../src/search/buildIndex.ts";
import { planBundles } from "../src/search/bundles.ts";
import { searchFacets } from "../src/search/facets.ts";
import { WordCache, pagefindRecord } from "../src/search/pagefindRecord.ts";
import {
  ChangedFiles,
  type RecordLine,
  SEARCH_CACHE,
  readBundles,
  readRecordLines,
  readWords,
  recordLine,
  writeBundles,
  writeWords,
} from "../src/library/searchCache.ts";
import { progress } from "../src/bench/progress.ts";
import { openFacts } from "../src/library/derived.ts";

const out = resolve(process.argv[2] ?? join(CONTENT_OUT, "search-out"));
const cache = SEARCH_CACHE;
const urls = siteUrls(process.env.BASE_PATH);
const started = performance.now();

// Each model is read once, whole, in the index's order; nothing holds them all.
const ids = oldestFirst();
// Each document's 时效性, from the facts stage; its own facts read only for the circulars indexed.
const facts = openFacts();
const bundles = planBundles(ids, Number(process.env.PAGEFIND_BUNDLE ?? 1000), readBundles(cache.bundles));
rmSync(out, { recursive: true, force: true });
// There even when nothing changed and no file is written: the Pagefind stage and the build read it.
mkdirSync(out, { recursive: true });
mkdirSync(dirname(cache.records), { recursive: true });
writeBundles(cache.plan, bundles);

// What a circular's entry in the index is made from: its source and correction, and its 时效性 (the code and the
// settings are the same, or the build is not incremental; its own facts are made from its source by that code).
const sources = sourceHashes();
const keyOf = (id: string) =>
  createHash("sha1")
    .update(JSON.stringify([sources.get(id), facts?.library.validity[id]?.status]))
    .digest("base64url");
const incremental = process.env.SEARCH_BUILD === "incremental";
// (Without the last build's records, which a patch keeps, a full index.)
const base =
  incremental && existsSync(cache.records)
    ? readJsonFileOr<IndexBaseFile | null>(IndexBaseFile, cache.base, null)
    : null;
// A patch of the last full index (patch.ts) while it holds few circulars: reading them is all it costs.
const patchLimit = Math.max(PATCH_MIN, Math.floor(ids.length * PATCH_SHARE));
// The last build's Pagefind records, by circular: a patch carries over those of the circulars it does not hold.
const lastRecords = base ? readRecordLines() : new Map<string, RecordLine>();
// A circular of the base the last build holds no record of (removed, then back as it was) is indexed again for it.
const again = new Set([...(base?.patched ?? []), ...ids.filter((id) => !lastRecords.has(id))]);
const patch = planPatch(base, ids, keyOf, patchLimit, again);

// The phrase index, and each circular's Pagefind record from the same reading of its model.
const records: string[] = [];
const inPatch = new Set(patch?.ids);
// A patch reads only its circulars: the others' records are the last build's, carried over as they are.
if (patch) {
  const present = new Set(ids);
  for (const [id, line] of lastRecords) if (present.has(id) && !inPatch.has(id)) records.push(line.text);
}
// The record contents of the last build of the same code, for texts that did not change: a full index reads those of
// the last full index and of its patch, a patch those of the last patch (the circulars it reads again), and writes
// its own beside the full index's.
const code = process.env.PIPELINE_CODE;
const words = new WordCache(
  patch
    ? readWords(code, cache.wordsOfPatch)
    : [...readWords(code, cache.words), ...readWords(code, cache.wordsOfPatch)],
);
const indexed = patch ? patch.ids : ids;
const phraseBar = progress(patch ? "phrase index patch" : "phrase index", indexed.length, { unit: "circulars" });
const emitted = { files: 0, bytes: 0 };
// In a patch, the base's files stay but for the texts of the circulars the patch holds or hides, and the last patch.
const replaced = new Set([...inPatch, ...(base?.patched ?? []), ...(patch?.hidden.map((n) => base!.ids[n]!) ?? [])]);
const changed = new ChangedFiles(
  incremental ? ChangedFiles.read(cache.files) : null,
  patch
    ? (path) => !path.startsWith(PATCH_FOLDER) && !(path.startsWith("text/") && replaced.has(path.split("/")[1]!))
    : undefined,
);
// Nothing changed since the base: no patch.
const empty = patch !== null && emptyPatch(patch);
const meta = buildPhraseIndex(
  empty ? [] : indexed,
  loadModel,
  urls.circular,
  patch ? [] : bundles.map((b) => b.folder),
  (path, content) => {
    emitted.files++;
    emitted.bytes += content.length;
    const placed = patch ? patchPath(path) : path;
    if (!changed.changed(placed, content)) return;
    const file = join(out, "search-data", storedPath(placed));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, storedBytes(content));
  },
  {
    // SEARCH_PEERS: the base paths of other libraries on this origin that a search here covers too.
    peers: patch
      ? []
      : (process.env.SEARCH_PEERS ?? "")
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
    validityOf: (id) => facts?.library.validity[id]?.status ?? "unknown",
    factsOf: (id) => facts?.ownOf(id),
    onDoc: (doc, _n, entries, chunks, facets) => {
      records.push(
        recordLine(
          doc.id,
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
if (patch && base) {
  // The base's table of contents names this build's Pagefind bundles, and the patch.
  const content = JSON.stringify(
    patchedMeta(
      base.meta,
      patch,
      bundles.map((b) => b.folder),
    ),
  );
  emitted.files++;
  emitted.bytes += content.length;
  if (changed.changed("meta.json", content)) {
    // The patch's own files may all be as before (a circular of the base removed): the folder is not there yet.
    mkdirSync(join(out, "search-data"), { recursive: true });
    writeFileSync(join(out, "search-data", storedPath("meta.json")), storedBytes(content));
  }
  writeJsonFile(IndexBaseFile, cache.base, { ...base, patched: patch.ids });
} else writeJsonFile(IndexBaseFile, cache.base, { meta, ids, keys: ids.map(keyOf), patched: [] });
writeFileSync(cache.records, records.join("\n"));
writeWords(code, patch ? cache.wordsOfPatch : cache.words, words.entries());
if (!patch) rmSync(cache.wordsOfPatch, { force: true });
changed.save(cache.written, cache.files);
console.log(
  `search: phrase index` +
    (patch ? ` patch (${patch.ids.length} circulars, ${patch.hidden.length} of the base hidden)` : "") +
    ` ${emitted.files} files (${changed.written} written, ${changed.unchanged} as before),` +
    ` ${(emitted.bytes / 1e6).toFixed(1)} MB, and` +
    ` ${records.length} Pagefind records (${words.reused} contents reused)` +
    ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
