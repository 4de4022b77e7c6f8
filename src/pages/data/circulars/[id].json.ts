/**
 * One document as open data: its model, with what the library adds — primary and mentioned
 * topics, its versions, its kind, its 时效性 (validity), and for each clause who cites it
 * (citedBy: the citing document's id and clause).
 */
import type { APIRoute } from "astro";
import { corpus } from "../../../site/corpus.ts";
import { documentPaths } from "../../../site/renderPlan.ts";
import { modelRecord } from "../../../library/store.ts";
import { clausesOf } from "../../../model/clauses.ts";
export const getStaticPaths = () => documentPaths("data");
export const GET: APIRoute = ({ params }) => {
  const index = corpus();
  const id = params.id!;
  const kind = index.kindOf.get(id);
  const citedBy = index.citations.clauseCitedBy.get(id);
  const model = modelRecord(id);
  // The clauses listed flat, as a reader of the data wants them, though the model keeps them in its tree.
  const clauses = clausesOf(model).map((c) => ({
    ...c,
    citedBy: (citedBy?.get(c.id) ?? []).map((r) => ({ id: r.docId, clause: r.clauseId })),
  }));
  const library = {
    validity: index.validity.get(id) ?? null,
    topics: index.docTopics.get(id) ?? { primary: [], mentioned: [] },
    versions: index.versions.get(id)?.docIds ?? [],
    kind: kind ? { slug: kind.slug, name: kind.name, baseline: kind.baseline } : null,
  };
  return new Response(JSON.stringify({ ...model, clauses, ...library }), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
