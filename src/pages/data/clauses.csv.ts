import { allCirculars } from "../../site/corpus.ts";
import { clausesCsv } from "../../site/exports.ts";
import { clauseUrl } from "../../site/urls.ts";
export const GET = ({ site }: { site: URL }) =>
  new Response(clausesCsv(allCirculars(), (d, c) => new URL(clauseUrl(d, c), site).href), { headers: { "content-type": "text/csv; charset=utf-8" } });
