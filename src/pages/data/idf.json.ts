/** The library's bigram document frequencies, which the compare page weighs wording by (compare/idf.ts). */
import { buildIdfTable } from "../../compare/idf.ts";
import { corpus } from "../../site/corpus.ts";
import { phraseKey } from "../../text/keys.ts";

export const GET = () => {
  const table = buildIdfTable(corpus().docs.flatMap((d) => d.clauses.map((c) => c.text)), phraseKey);
  return new Response(JSON.stringify(table), { headers: { "content-type": "application/json; charset=utf-8" } });
};
