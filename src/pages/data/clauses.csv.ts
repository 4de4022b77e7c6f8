import { allCirculars } from "../../site/corpus.ts";
import { clausesCsv, streamedResponse } from "../../site/exports.ts";
import { clauseUrl } from "../../site/urls.ts";
export const GET = ({ site }: { site: URL }) =>
  streamedResponse(clausesCsv(allCirculars(), (d, c) => new URL(clauseUrl(d, c), site).href), "text/csv; charset=utf-8");
