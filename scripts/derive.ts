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
// Each clause text's phrase key, made once for both (folding scripts is most of a key's cost).
const keys = new Map<string, string>();
const key = (text: string) => keys.get(text) ?? keys.set(text, phraseKey(text)).get(text)!;
const derived = derive(docs, readState(), key);
writeDerived(derived);
writeFileSync(
  DERIVED_IDF,
  JSON.stringify(
    buildIdfTable(
      docs.flatMap((d) => clausesOf(d).map((c) => c.text)),
      key,
    ),
  ),
);
console.log(
  `derive: ${docs.length} documents: related clauses found for` +
    ` ${derived.related.size} clauses (${derived.rescored} distinct clause texts` +
    ` scored, the others reused), similar circulars for ${derived.similar.size} ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
