/**
 * `node scripts/exports.ts OUT`: the build's exports stage. Writes data/clauses.csv, every
 * clause of the library in one file (src/exports/clausesCsv.ts), and its .gz/.br copies into
 * OUT/data/, for the build to move into dist/. Run by the build (PIPELINE_CODE), it keeps
 * each unchanged document's rows from the last build's file (src/library/clausesFile.ts) in
 * INGEST_OUT/exports-state/, and reads only the models of documents new or changed. Its .gz is
 * made in runs of documents' rows, only the runs that changed compressed again (src/site/gzipRuns.ts);
 * its .br whole, or the last build's when the file is the same (a cache beside).
 * Astro made this file in every build before, at 3.5–5 s for 197 MB at 10,000 documents.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { CONTENT_OUT } from "../src/config/paths.ts";
import { normalizeBase, siteOrigin, siteUrls } from "../src/config/urls.ts";
import { newestFirst } from "../src/corpus/derived.ts";
import { CLAUSES_CSV_HEAD, clauseRows } from "../src/exports/clausesCsv.ts";
import { clausesFile } from "../src/library/clausesFile.ts";
import { ClausesCsvState, asRecorded, fileRecord, readJsonFileOr, writeJsonFile } from "../src/library/files.ts";
import { loadMeta, readManifest, sourceHashes, storedIds } from "../src/library/store.ts";
import { levelOf, precompress } from "../src/site/precompress.ts";
import { gzipRuns, runsOf } from "../src/site/gzipRuns.ts";

/** Writes a file's bytes, given in pieces, in order. */
function writePieces(path: string, pieces: Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    for (const piece of pieces) for (let at = 0; at < piece.length;) at += writeSync(fd, piece, at);
  } finally {
    closeSync(fd);
  }
}

const out = resolve(process.argv[2] ?? join(CONTENT_OUT, "exports-out"));
const started = performance.now();
const stateDir = join(CONTENT_OUT, "exports-state");
const [lastFile, stateFile] = [join(stateDir, "clauses.csv"), join(stateDir, "clauses.json")];

const origin = siteOrigin(process.env.SITE_URL);
const urls = siteUrls(normalizeBase(process.env.BASE_PATH));
const clauseUrl = (docId: string, clauseId: string) => new URL(urls.clause(docId, clauseId), origin).href;
// Rows made by other code, or with other URLs, are made again; without PIPELINE_CODE, all are.
const code = process.env.PIPELINE_CODE;
const madeWith = code ? JSON.stringify([code, origin, urls.base]) : "";

// The library's order (corpus/index.ts: newest first) from the manifest's dates, without reading the models.
const manifest = readManifest();
const dates = new Map(Object.values(manifest.files).map((f) => [f.id, f.date ?? null]));
const sources = sourceHashes(manifest);
const docs = newestFirst(storedIds().map((id) => ({ id, date: dates.has(id) ? dates.get(id)! : loadMeta(id).date })));
const state = code ? readJsonFileOr(ClausesCsvState, stateFile, null) : null;
const last =
  state && existsSync(lastFile) && asRecorded(lastFile, state.file) ? { bytes: readFileSync(lastFile), state } : null;
const file = clausesFile(
  CLAUSES_CSV_HEAD,
  docs.map((d) => ({ id: d.id, source: sources.get(d.id) ?? "" })),
  (id) => clauseRows(loadMeta(id), clauseUrl),
  madeWith,
  last,
);

// Written beside the last file and renamed over it: the last build's dist/ links the old one.
mkdirSync(stateDir, { recursive: true });
const next = `${lastFile}.next`;
writePieces(next, file.pieces);
renameSync(next, lastFile);
const written = fileRecord(lastFile);
writeJsonFile(ClausesCsvState, stateFile, { ...file.state, file: written });

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "data"), { recursive: true });
try {
  linkSync(lastFile, join(out, "data", "clauses.csv"));
} catch {
  copyFileSync(lastFile, join(out, "data", "clauses.csv"));
}
// The .gz in runs of about RUN_DOCUMENTS documents' rows, each compressed again only when its rows changed
// (gzipRuns.ts); the .br whole, or from the cache when the file is as it was.
const RUN_DOCUMENTS = 64;
const runs = runsOf(
  file.pieces[0]!,
  file.state.parts.map(([id], i) => [id, file.pieces[i + 1]!]),
  RUN_DOCUMENTS,
);
const gzip = gzipRuns(runs, levelOf("data/clauses.csv").gzip, join(stateDir, "gzip-runs"));
writePieces(join(out, "data", "clauses.csv.gz"), gzip.pieces);
const packed = await precompress(out, { cache: join(stateDir, "compress-cache") });
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
console.log(
  `exports: clauses.csv of ${docs.length} documents (${file.made} made, the others' rows kept), ${mb(written.size)},` +
    ` compressed to ${mb(statSync(join(out, "data", "clauses.csv.gz")).size)} gzip` +
    ` (${gzip.made} of ${gzip.made + gzip.reused} runs compressed again),` +
    ` ${mb(packed.brotliBytes)} brotli (${packed.reused} of ${packed.files} as the last build's),` +
    ` in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
