/**
 * `tsx scripts/search-index.ts`: after the Astro build, indexes dist/ (or DIST_DIR) with
 * Pagefind's extended binary (Chinese segmentation) and writes the exact-phrase index.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { ROOT } from "../src/config/paths.ts";
import { buildCorpusIndex } from "../src/corpus/index.ts";
import { loadModels } from "../src/site/corpus.ts";
import { buildPhraseIndex } from "../src/search/buildIndex.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
const base = ("/" + (process.env.BASE_PATH ?? "/").replace(/^\/+|\/+$/g, "") + "/").replace("//", "/");

const started = Date.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
const added = await index.addDirectory({ path: dist });
if (added.errors.length) console.error(added.errors.join("\n"));
const written = await index.writeFiles({ outputPath: join(dist, "pagefind") });
if (written.errors.length) throw new Error(written.errors.join("\n"));
await pagefind.close();
console.log(`search: pagefind indexed ${added.page_count} pages in ${Date.now() - started} ms`);

const phraseStarted = Date.now();
const out = join(dist, "search-data");
rmSync(out, { recursive: true, force: true });
const files = buildPhraseIndex(buildCorpusIndex(loadModels()), (id) => `${base}circulars/${id}/`);
let bytes = 0;
for (const [path, content] of files) {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  bytes += Buffer.byteLength(content);
}
console.log(`search: phrase index ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB in ${Date.now() - phraseStarted} ms`);
