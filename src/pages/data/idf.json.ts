/**
 * The library's bigram document frequencies, which the compare page weighs wording by (compare/idf.ts), as the derive
 * stage wrote them.
 */
import { readFileSync } from "node:fs";
import { DERIVED_IDF } from "../../config/paths.ts";

export const GET = () =>
  new Response(readFileSync(DERIVED_IDF), { headers: { "content-type": "application/json; charset=utf-8" } });
