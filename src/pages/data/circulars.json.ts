/** Every model, as ingest wrote it, in one JSON array (assembled from the files, not re-serialised). */
import { allCirculars } from "../../site/corpus.ts";
import { modelJson } from "../../corpus/store.ts";
import { streamedResponse } from "../../site/exports.ts";

function* modelsArray() {
  yield "[";
  for (const [i, d] of allCirculars().entries()) yield (i ? "," : "") + modelJson(d.id);
  yield "]";
}
export const GET = () => streamedResponse(modelsArray(), "application/json; charset=utf-8");
