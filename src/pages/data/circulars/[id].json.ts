import type { APIRoute } from "astro";
import { allCirculars } from "../../../site/corpus.ts";
import { modelJson } from "../../../corpus/store.ts";
export const getStaticPaths = () => allCirculars().map((d) => ({ params: { id: d.id } }));
export const GET: APIRoute = ({ params }) => new Response(modelJson(params.id!), { headers: { "content-type": "application/json; charset=utf-8" } });
