/**
 * `node scripts/derive.ts`: the build's derive stage. From the stored models, computes what
 * compares documents with one another — related clauses, similar circulars (corpus/derived.ts)
 * and the library's IDF table for the compare page (compare/idf.ts) — into content/derived/
 * (INGEST_OUT/derived/), for the site build to read. It starts from the last run's state:
 * only clauses whose neighbours may have changed are scored again.
 */
import { writeFileSync } from "node:fs";
import { DERIVED_IDF } from "../src/config/paths.ts";
import { loadModels } from "../src/library/store.ts";
import { derive } from "../src/corpus/derived.ts";
import { readState, writeDerived } from "../src/library/derived.ts";
import { buildIdfTable } from "../src/compare/idf.ts";
import { phraseKey } from "../src/text/keys.ts";
import { clausesOf } from "../src/model/clauses.ts";

const started = performance.now();
const docs = loadModels();
const derived = derive(docs, readState());
writeDerived(derived);
writeFileSync(
  DERIVED_IDF,
  JSON.stringify(
    buildIdfTable(
      docs.flatMap((d) => clausesOf(d).map((c) => c.text)),
      phraseKey,
    ),
  ),
);
console.log(
  `derive: ${docs.length} documents: related clauses found for` +
    ` ${derived.related.size} clauses (${derived.rescored} distinct clause texts` +
    ` scored, the others reused), similar circulars for ${derived.similar.size} ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
