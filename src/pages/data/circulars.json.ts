/** Every model, as ingest wrote it, in one JSON array (assembled from the files, not re-serialised). */
import { allCirculars, modelJson } from "../../site/corpus.ts";
import { streamedResponse } from "../../site/exports.ts";

function* modelsArray() {
  yield "[";
  for (const [i, d] of allCirculars().entries()) yield (i ? "," : "") + modelJson(d.id);
  yield "]";
}
export const GET = () => streamedResponse(modelsArray(), "application/json; charset=utf-8");
