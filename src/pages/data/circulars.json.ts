/** Every model, as ingest wrote it, in one JSON array (assembled from the files, not re-serialised). */
import { allCirculars, modelJson } from "../../site/corpus.ts";
export const GET = () => new Response(`[${allCirculars().map((d) => modelJson(d.id)).join(",")}]`, { headers: { "content-type": "application/json; charset=utf-8" } });
