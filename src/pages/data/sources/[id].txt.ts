/** The circular's source text as received (decoded to UTF-8, or as its format was read), chrome and all. */
import type { APIRoute } from "astro";
import { existsSync, readFileSync } from "node:fs";
import { circularById } from "../../../site/corpus.ts";
import { documentPaths } from "../../../site/renderPlan.ts";
import { loadModel } from "../../../library/store.ts";
import { decode } from "../../../ingest/read.ts";
import { sourceText } from "../../../model/segments.ts";
export const getStaticPaths = () => documentPaths("source");
export const GET: APIRoute = ({ params }) => {
  const doc = circularById(params.id!)!;
  // A text file is served as it was decoded; other formats (and a file no longer there) as the parser read them.
  const decoded =
    doc.source.format === "text" && existsSync(doc.source.file) ? decode(readFileSync(doc.source.file)) : null;
  const text = decoded?.ok ? decoded.text : sourceText(loadModel(doc.id));
  return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8" } });
};
