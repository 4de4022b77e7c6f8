/**
 * How the phrase index's files lie on disk: each gzipped alone, as `<path>.gz` (search-data/meta.json as
 * search-data/meta.json.gz), as Pagefind stores its own index. The search page fetches the .gz and inflates it
 * (ui.ts). Written plain and compressed beside, the index at 10,000 documents was 81,657 files (489 MB) written, read
 * again and compressed into as many more: 45 s of the full build's search stage, most of it the kernel making files.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

/** The file an index path (under search-data/) is stored in. */
export const storedPath = (path: string): string => `${path}.gz`;

/** An index file's bytes as stored: gzip 4 (at 10,000 documents 566 MB made 257.7 MB, brotli 4 259.8 MB). */
export const storedBytes = (content: string): Buffer => gzipSync(content, { level: 4 });

/** An index file's text, from the search-data/ folder `dir`. */
export const readStored = (dir: string, path: string): string =>
  gunzipSync(readFileSync(join(dir, storedPath(path)))).toString("utf8");
