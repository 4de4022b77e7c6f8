/** Times the related-clause computation alone on the ingested corpus (for `npm run bench`). */
import { loadModels } from "../src/corpus/store.ts";
import { relatedClauses } from "../src/corpus/related.ts";

const models = loadModels();
const clauses = models.flatMap((d) => d.clauses.map((c) => ({ docId: d.id, clauseId: c.id, text: c.text })));
const started = performance.now();
const related = relatedClauses(clauses);
const ms = Math.round(performance.now() - started);
console.log(JSON.stringify({ clauses: clauses.length, relatedMs: ms, withRelated: related.size }));
