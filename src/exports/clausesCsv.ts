/**
 * data/clauses.csv: one row per clause of every document; UTF-8 with BOM so Excel opens the
 * Chinese correctly. A document's rows are made from it alone, so the build's exports stage
 * (scripts/exports.ts) keeps each document's rows from the last build while its source is
 * unchanged (the whole file is 197 MB at 10,000 circulars).
 */
import type { CircularMeta } from "../model/circular.ts";
import { clausesOf } from "../model/clauses.ts";
import { citationText } from "../model/labels.ts";
import { csvCell } from "./csv.ts";

const HEADER = [
  "circular_id",
  "clause_id",
  "path",
  "label",
  "heading",
  "text",
  "responsible",
  "title",
  "doc_number",
  "date",
  "province",
  "prefecture",
  "county",
  "region_code",
  "citation",
  "url",
];

/** The file's first line: the BOM and the header row. */
export const CLAUSES_CSV_HEAD = "\ufeff" + HEADER.join(",") + "\r\n";

/** One document's rows, each ending in CRLF; `clauseUrlOf` gives a clause's absolute URL. */
export function clauseRows(d: CircularMeta, clauseUrlOf: (docId: string, clauseId: string) => string): string {
  return clausesOf(d)
    .map(
      (c) =>
        [
          d.id,
          c.id,
          c.path,
          c.label,
          c.heading ?? "",
          c.text,
          c.responsible.join("、"),
          d.title,
          d.docNumber ?? "",
          d.date ?? "",
          d.jurisdiction?.province ?? "",
          d.jurisdiction?.prefecture ?? "",
          d.jurisdiction?.county ?? "",
          d.jurisdiction?.code ?? "",
          citationText(d, c),
          clauseUrlOf(d.id, c.id),
        ]
          .map(csvCell)
          .join(",") + "\r\n",
    )
    .join("");
}
