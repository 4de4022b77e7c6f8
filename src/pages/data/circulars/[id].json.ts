import type { APIRoute } from "astro";
import { allCirculars, circularById } from "../../../site/corpus.ts";
export const getStaticPaths = () => allCirculars().map((d) => ({ params: { id: d.id } }));
export const GET: APIRoute = ({ params }) => new Response(JSON.stringify(circularById(params.id!), null, 1), { headers: { "content-type": "application/json; charset=utf-8" } });
