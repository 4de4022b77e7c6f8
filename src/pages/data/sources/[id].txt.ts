/** The circular's source text as received (decoded to UTF-8), chrome and all. */
import type { APIRoute } from "astro";
import { existsSync, readFileSync } from "node:fs";
import { allCirculars, circularById } from "../../../site/corpus.ts";
import { loadModel } from "../../../corpus/store.ts";
import { decode } from "../../../ingest/read.ts";
export const getStaticPaths = () => allCirculars().map((d) => ({ params: { id: d.id } }));
export const GET: APIRoute = ({ params }) => {
  const doc = circularById(params.id!)!;
  const decoded = existsSync(doc.source.file) ? decode(readFileSync(doc.source.file)) : null;
  const text = decoded?.ok ? decoded.text : loadModel(doc.id).body;
  return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8" } });
};
