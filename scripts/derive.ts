/**
 * `node scripts/derive.ts`: the build's derive stage. From the stored models, computes what
 * compares documents with one another — related clauses, similar circulars (corpus/derived.ts)
 * and the library's IDF table for the compare page (compare/idf.ts) — into content/derived/
 * (INGEST_OUT/derived/), for the site build to read. It starts from the last run's state:
 * run by the build (PIPELINE_CODE: the hash of its code), it reads only the models whose
 * source changed (corpus/keyedLibrary.ts), scores again only clauses whose neighbours
 * may have changed, and makes again only the lists of documents that may have changed
 * (corpus/related.ts). When no document's clauses changed (nothing new, or a header corrected),
 * what it wrote last is kept as it is.
 */
import { writeFileSync } from "node:fs";
import { DERIVED_IDF } from "../src/config/paths.ts";
import { loadMeta, sourceHashes, storedIds } from "../src/library/store.ts";
import { deriveFromKeys } from "../src/corpus/derived.ts";
import {
  derivedInPlace,
  forgetKeyedLibrary,
  readKeyedLibrary,
  readState,
  writeDerived,
  writeKeyedLibrary,
} from "../src/library/derived.ts";
import { idfTableOf } from "../src/compare/idf.ts";
import { keyLibrary } from "../src/corpus/keyedLibrary.ts";
import { clausesOf } from "../src/model/clauses.ts";

const started = performance.now();
const ids = storedIds();
const sources = sourceHashes();
const { library, kept, unchanged, fromPrevious } = keyLibrary({
  ids,
  sourceOf: (id) => sources.get(id) ?? null,
  clausesOf: (id) => clausesOf(loadMeta(id)),
  code: process.env.PIPELINE_CODE ?? null,
  previous: process.env.PIPELINE_CODE ? readKeyedLibrary() : null,
});
// The site build, started beside this stage, waits for this mark to read what it writes (site/corpus.ts).
const done = () => process.env.DERIVE_DONE && writeFileSync(process.env.DERIVE_DONE, "");
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
if (unchanged && derivedInPlace()) {
  done();
  // Sources that changed with their clauses the same are recorded.
  if (kept < ids.length) writeKeyedLibrary(library);
  console.log(`derive: ${ids.length} documents, no clause changed: related clauses kept as they are, in ${seconds()}`);
} else {
  // The last state, and the outputs of the documents nothing changed for, are kept only from a run of this code that
  // ended (its keyed library is written last) and left them whole.
  const previous = fromPrevious && derivedInPlace() ? readState() : null;
  forgetKeyedLibrary();
  const derived = deriveFromKeys(new Map([...library.docs].map(([id, d]) => [id, d.clauses])), previous);
  writeDerived(derived);
  writeFileSync(DERIVED_IDF, JSON.stringify(idfTableOf(library.counts)));
  done();
  writeKeyedLibrary(library);
  console.log(
    `derive: ${ids.length} documents (${ids.length - kept} read, the others' clause keys kept):` +
      ` related clauses and similar circulars of ${derived.changed?.size ?? ids.length} made` +
      ` (${derived.rescored} distinct clause texts scored, the others reused) in ${seconds()}`,
  );
}
