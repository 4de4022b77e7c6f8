/**
 * `npm run --silent eval-align`: measures the clause aligner against the hand-labelled gold
 * set (tests/fixtures/align/gold.json) and prints one JSON line {pairs, precision, recall},
 * pooled over its sets; each set's figures go to stderr. IDF comes from every clause of the
 * bundled library (content/sources), as the site's compare page has it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluateGold, poolScores, type GoldSet } from "../src/compare/evaluate.ts";
import { buildIdfTable, idfOf } from "../src/compare/idf.ts";
import { DEFAULT_CORPUS, ROOT } from "../src/config/paths.ts";
import { parseFolder } from "../src/library/parseFolder.ts";
import { phraseKey } from "../src/text/keys.ts";
import { clausesOf } from "../src/model/clauses.ts";

const gold = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/align/gold.json"), "utf8")) as { sets: GoldSet[] };
const library = await parseFolder(DEFAULT_CORPUS);
const idf = idfOf(
  buildIdfTable(
    [...library.values()].flatMap((d) => clausesOf(d).map((c) => c.text)),
    phraseKey,
  ),
);
const docOf = (name: string) => {
  const doc = library.get(join("regulations", name)) ?? library.get(name);
  if (!doc) throw new Error(`${name}: not in ${DEFAULT_CORPUS}`);
  return doc;
};
const scores = evaluateGold(gold.sets, docOf, phraseKey, idf);
for (const s of scores) console.error(JSON.stringify(s));
const { pairs, precision, recall } = poolScores(scores);
console.log(JSON.stringify({ pairs, precision, recall }));
