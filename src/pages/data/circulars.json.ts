import { allCirculars } from "../../site/corpus.ts";
export const GET = () => new Response(JSON.stringify(allCirculars()), { headers: { "content-type": "application/json; charset=utf-8" } });
