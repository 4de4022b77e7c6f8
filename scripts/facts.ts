/**
 * `node scripts/facts.ts`: the build's facts stage, right after ingest. From the stored
 * models it computes each document's own facts (its topics and departments, from it alone)
 * and the facts that rest on the whole library — its 时效性 as of AS_OF (corpus/validity.ts),
 * versions, kinds — into content/derived/ (facts.json and own/<id>.json), for the site build,
 * the search stage and the exports to read, so none of them computes it again. Run by the
 * build (PIPELINE_CODE: the hash of its code), it keeps the own facts of documents whose
 * source is unchanged since the last build of the same code, and does not rewrite them.
 */
import { loadModels, sourceHashes } from "../src/library/store.ts";
import { docFactsOf, libraryFacts } from "../src/corpus/derived.ts";
import { ownFactsKept, readFactsFile, writeFacts } from "../src/library/derived.ts";
import { asOfDate } from "../src/corpus/validity.ts";

const started = performance.now();
const docs = loadModels();
const ids = docs.map((d) => d.id);
const code = process.env.PIPELINE_CODE;
const madeFrom = code ? { code, sources: Object.fromEntries(sourceHashes()) } : null;
const kept = madeFrom ? ownFactsKept(ids, madeFrom, readFactsFile()) : new Set<string>();
const made = new Map(docs.filter((d) => !kept.has(d.id)).map((d) => [d.id, docFactsOf(d)]));
const facts = libraryFacts(docs, asOfDate());
writeFacts(facts, madeFrom, ids, made);
const counts = new Map<string, number>();
for (const v of Object.values(facts.validity)) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
console.log(
  `facts: ${docs.length} documents, 时效性 as of ${facts.asOf} ` +
    `(${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")})` +
    `, ${kept.size} documents' own facts kept from the last build,` +
    ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
