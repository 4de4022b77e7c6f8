/**
 * `node scripts/derive.ts`: the build's derive stage. From the stored models, computes what
 * compares documents with one another — related clauses, similar circulars (corpus/derived.ts)
 * and the library's IDF table for the compare page (compare/idf.ts) — into content/derived/
 * (INGEST_OUT/derived/), for the site build to read. It starts from the last run's state:
 * run by the build (PIPELINE_CODE: the hash of its code), it reads only the models whose
 * source changed (corpus/keyedLibrary.ts), and scores again only clauses whose neighbours
 * may have changed.
 */
import { writeFileSync } from "node:fs";
import { DERIVED_IDF } from "../src/config/paths.ts";
import { loadMeta, sourceHashes, storedIds } from "../src/library/store.ts";
import { deriveFromKeys } from "../src/corpus/derived.ts";
import { readKeyedLibrary, readState, writeDerived, writeKeyedLibrary } from "../src/library/derived.ts";
import { idfTableOf } from "../src/compare/idf.ts";
import { keyLibrary } from "../src/corpus/keyedLibrary.ts";
import { clausesOf } from "../src/model/clauses.ts";

const started = performance.now();
const ids = storedIds();
const sources = sourceHashes();
const { library, kept } = keyLibrary({
  ids,
  sourceOf: (id) => sources.get(id) ?? null,
  clausesOf: (id) => clausesOf(loadMeta(id)),
  code: process.env.PIPELINE_CODE ?? null,
  previous: process.env.PIPELINE_CODE ? readKeyedLibrary() : null,
});
const derived = deriveFromKeys(new Map([...library.docs].map(([id, d]) => [id, d.clauses])), readState());
writeDerived(derived);
writeFileSync(DERIVED_IDF, JSON.stringify(idfTableOf(library.counts)));
// What the site reads is written: the site build, started beside this stage, waits for this mark (site/corpus.ts).
if (process.env.DERIVE_DONE) writeFileSync(process.env.DERIVE_DONE, "");
writeKeyedLibrary(library);
console.log(
  `derive: ${ids.length} documents (${ids.length - kept} read, the others' clause keys kept):` +
    ` related clauses found for ${derived.related.size} clauses (${derived.rescored} distinct clause texts` +
    ` scored, the others reused), similar circulars for ${derived.similar.size} ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
