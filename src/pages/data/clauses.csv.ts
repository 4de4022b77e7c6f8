import { allCirculars } from "../../site/corpus.ts";
import { clausesCsv, streamedResponse } from "../../site/exports.ts";
import { urls } from "../../site/urls.ts";
export const GET = ({ site }: { site: URL }) =>
  streamedResponse(
    clausesCsv(allCirculars(), (d, c) => new URL(urls.clause(d, c), site).href),
    "text/csv; charset=utf-8",
  );
