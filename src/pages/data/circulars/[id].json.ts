/**
 * One document as open data: its model, with what the library adds — primary and mentioned
 * topics, its versions and its kind.
 */
import type { APIRoute } from "astro";
import { allCirculars, corpus } from "../../../site/corpus.ts";
import { modelJson } from "../../../corpus/store.ts";
export const getStaticPaths = () => allCirculars().map((d) => ({ params: { id: d.id } }));
export const GET: APIRoute = ({ params }) => {
  const index = corpus();
  const id = params.id!;
  const kind = index.kindOf.get(id);
  const library = {
    topics: index.docTopics.get(id) ?? { primary: [], mentioned: [] },
    versions: index.versions.get(id)?.docIds ?? [],
    kind: kind ? { slug: kind.slug, name: kind.name, baseline: kind.baseline } : null,
  };
  return new Response(JSON.stringify({ ...JSON.parse(modelJson(id)), ...library }), { headers: { "content-type": "application/json; charset=utf-8" } });
};
