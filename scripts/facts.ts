/**
 * `node scripts/facts.ts`: the build's facts stage, right after ingest. From the stored
 * models it computes each document's facts that rest on the whole library — its 时效性 as of
 * AS_OF (corpus/validity.ts) — into content/derived/facts.json, for the site build, the search
 * stage and the exports to read, so none of them computes it again.
 */
import { loadModels } from "../src/library/store.ts";
import { documentFacts } from "../src/corpus/derived.ts";
import { writeFacts } from "../src/library/derived.ts";
import { asOfDate } from "../src/corpus/validity.ts";

const started = performance.now();
const docs = loadModels();
const facts = documentFacts(docs, asOfDate());
writeFacts(facts);
const counts = new Map<string, number>();
for (const v of Object.values(facts.validity)) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
console.log(
  `facts: ${docs.length} documents, 时效性 as of ${facts.asOf} ` +
    `(${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")})` +
    ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
