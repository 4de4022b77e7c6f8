/**
 * `node scripts/search-index.ts`: after the Astro build, indexes dist/ (or DIST_DIR) with
 * Pagefind's extended binary (Chinese segmentation) and writes the exact-phrase index.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { ROOT } from "../src/config/paths.ts";
import { buildCorpusIndex } from "../src/corpus/index.ts";
import { loadModel, loadModels } from "../src/corpus/store.ts";
import { buildPhraseIndex } from "../src/search/buildIndex.ts";
import { siteUrls } from "../src/config/urls.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
const urls = siteUrls(process.env.BASE_PATH);

/**
 * Pagefind holds a whole index in memory (about 2 MB per circular page here), so large
 * libraries are indexed in bundles of PAGEFIND_BUNDLE pages, each written to its own folder
 * (pagefind/, pagefind-1/ …) and merged in the browser with mergeIndex.
 */
const PAGEFIND_BUNDLE = Number(process.env.PAGEFIND_BUNDLE ?? 1000);
const started = Date.now();
const models = loadModels();
// The documents' pages only (not the pages that stand at ids published by earlier builds).
const pages = models.map((m) => `circulars/${m.id}/index.html`).sort();
const bundles: string[] = [];
for (let i = 0; i * PAGEFIND_BUNDLE < pages.length || i === 0; i++) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  for (const sourcePath of pages.slice(i * PAGEFIND_BUNDLE, (i + 1) * PAGEFIND_BUNDLE)) {
    const added = await index.addHTMLFile({ sourcePath, content: readFileSync(join(dist, sourcePath), "utf8") });
    if (added.errors.length) console.error(`${sourcePath}: ${added.errors.join("; ")}`);
  }
  const folder = i === 0 ? "pagefind" : `pagefind-${i}`;
  const written = await index.writeFiles({ outputPath: join(dist, folder) });
  if (written.errors.length) throw new Error(written.errors.join("\n"));
  bundles.push(`${folder}/`);
  // A fresh Pagefind process per bundle returns the memory of the last one.
  await pagefind.close();
}
console.log(`search: pagefind indexed ${pages.length} circular pages in ${bundles.length} bundle(s) in ${Date.now() - started} ms`);

const phraseStarted = Date.now();
const out = join(dist, "search-data");
rmSync(out, { recursive: true, force: true });
const files = buildPhraseIndex(buildCorpusIndex(models), urls.circular, bundles, (doc) => loadModel(doc.id));
let bytes = 0;
for (const [path, content] of files) {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  bytes += Buffer.byteLength(content);
}
console.log(`search: phrase index ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB in ${Date.now() - phraseStarted} ms`);
