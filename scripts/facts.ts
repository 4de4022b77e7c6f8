/**
 * `node scripts/facts.ts`: the build's facts stage, right after ingest. From the stored
 * models it computes each document's own facts (its topics and departments, from it alone)
 * and the facts that rest on the whole library — its 时效性 as of AS_OF (corpus/validity.ts),
 * versions, kinds — into content/derived/ (facts.json and own/<id>.json), for the site build,
 * the search stage and the exports to read, so none of them computes it again. Run by the
 * build (PIPELINE_CODE: the hash of its code), it keeps what it read and made of each
 * document whose source is unchanged since the last build of the same code — its own facts
 * (not rewritten) and its facts input (model/circular.ts FactsInput) — and reads only the
 * other models: reading all 10,000 was most of the stage.
 */
import { loadMeta, sourceHashes, storedIds } from "../src/library/store.ts";
import { type DocFacts, docFactsOf, libraryFacts } from "../src/corpus/derived.ts";
import { factsInputsKept, ownFactsKept, readFactsFile, writeFacts, writeFactsInputs } from "../src/library/derived.ts";
import { asOfDate } from "../src/corpus/validity.ts";
import { type FactsInput, factsInputOf } from "../src/model/circular.ts";

const started = performance.now();
const ids = storedIds();
const code = process.env.PIPELINE_CODE;
const madeFrom = code ? { code, sources: Object.fromEntries(sourceHashes()) } : null;
const kept = madeFrom ? ownFactsKept(ids, madeFrom, readFactsFile()) : new Set<string>();
const keptInputs = madeFrom ? factsInputsKept(madeFrom) : new Map<string, FactsInput>();
const made = new Map<string, DocFacts>();
let read = 0;
const inputs = ids.map((id) => {
  const input = kept.has(id) ? keptInputs.get(id) : undefined;
  if (input) return input;
  const doc = loadMeta(id);
  read++;
  if (!kept.has(id)) made.set(id, docFactsOf(doc));
  return factsInputOf(doc);
});
const facts = libraryFacts(inputs, asOfDate());
writeFacts(facts, madeFrom, ids, made);
// Rewritten only when a document was read, or one is gone.
if (madeFrom && (read > 0 || keptInputs.size !== ids.length)) writeFactsInputs(madeFrom, inputs);
const counts = new Map<string, number>();
for (const v of Object.values(facts.validity)) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
console.log(
  `facts: ${ids.length} documents, 时效性 as of ${facts.asOf} ` +
    `(${[...counts].map(([s, n]) => `${s} ${n}`).join(", ")})` +
    `, ${kept.size} documents' own facts kept from the last build, ${read} models read,` +
    ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
