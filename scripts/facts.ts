/**
 * `node scripts/facts.ts`: the build's facts stage, right after ingest. From the stored
 * models it computes each document's facts that rest on the whole library — its 时效性 as of
 * AS_OF (corpus/validity.ts) — into content/derived/facts.json, for the site build, the search
 * stage and the exports to read, so none of them computes it again. Run by the build
 * (PIPELINE_CODE: the hash of its code), it keeps the per-document facts of documents whose
 * source is unchanged since the last build of the same code.
 */
import { loadModels, sourceHashes } from "../src/library/store.ts";
import { documentFacts } from "../src/corpus/derived.ts";
import { readFacts, writeFacts } from "../src/library/derived.ts";
import { asOfDate } from "../src/corpus/validity.ts";

const started = performance.now();
const docs = loadModels();
const code = process.env.PIPELINE_CODE;
const madeFrom = code ? { code, sources: Object.fromEntries(sourceHashes()) } : null;
let previous = null;
try {
  previous = madeFrom ? readFacts() : null;
} catch {
  // Facts of another shape (an older build): made again.
}
const facts = documentFacts(docs, asOfDate(), madeFrom, previous);
const kept = previous ? docs.filter((d) => facts.documents[d.id] === previous.documents[d.id]).length : 0;
writeFacts(facts);
const counts = new Map<string, number>();
for (const v of Object.values(facts.validity)) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
console.log(
  `facts: ${docs.length} documents, 时效性 as of ${facts.asOf} ` +
    `(${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")})` +
    `, ${kept} documents' own facts kept from the last build,` +
    ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
