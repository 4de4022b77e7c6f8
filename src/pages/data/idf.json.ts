/**
 * The library's bigram document frequencies, which the compare page weighs wording by (compare/idf.ts), as the derive
 * stage wrote them (once it has: the site build may start before it ends).
 */
import { readFileSync } from "node:fs";
import { DERIVED_IDF } from "../../config/paths.ts";
import { deriveDone } from "../../site/corpus.ts";

export const GET = () => {
  deriveDone();
  return new Response(readFileSync(DERIVED_IDF), { headers: { "content-type": "application/json; charset=utf-8" } });
};
