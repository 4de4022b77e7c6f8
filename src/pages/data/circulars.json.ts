/** The catalogue: one entry per document (site/exports.ts), streamed a document at a time. */
import { corpus } from "../../site/corpus.ts";
import { catalogueEntry, streamedResponse } from "../../site/exports.ts";
import { urls } from "../../site/urls.ts";

function* catalogue() {
  const index = corpus();
  yield "[";
  for (const [i, d] of index.docs.entries())
    yield (
      (i ? ",\n" : "\n") +
      JSON.stringify(catalogueEntry(d, index.docTopics.get(d.id) ?? { primary: [], mentioned: [] }, urls))
    );
  yield "\n]\n";
}
export const GET = () => streamedResponse(catalogue(), "application/json; charset=utf-8");
