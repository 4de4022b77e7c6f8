/**
 * `node scripts/phrase-index.ts OUT`: writes the exact-phrase index of the stored models
 * into OUT (the build moves it to dist/search-data once Astro is done). It needs only the
 * models, so the build runs it beside the Astro build, on the other core.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildCorpusIndex } from "../src/corpus/index.ts";
import { loadModel, loadModels } from "../src/corpus/store.ts";
import { buildPhraseIndex } from "../src/search/buildIndex.ts";
import { circularPages, planBundles } from "../src/search/bundles.ts";
import { siteUrls } from "../src/config/urls.ts";
import { progress } from "../src/bench/progress.ts";

const out = resolve(process.argv[2] ?? "search-data");
const urls = siteUrls(process.env.BASE_PATH);
const models = loadModels();
const bundles = planBundles(circularPages(models.map((m) => m.id)), Number(process.env.PAGEFIND_BUNDLE ?? 1000)).map((b) => b.folder);
const bar = progress("phrase index", models.length, { unit: "circulars" });
const files = buildPhraseIndex(buildCorpusIndex(models), urls.circular, bundles, (doc) => {
  bar.tick();
  return loadModel(doc.id);
});
bar.done();
rmSync(out, { recursive: true, force: true });
let bytes = 0;
for (const [path, content] of files) {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  bytes += Buffer.byteLength(content);
}
console.log(`search: phrase index ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB`);
