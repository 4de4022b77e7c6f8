/**
 * `npm run build [-- --strict]`: ingest → Astro build ‖ phrase index → Pagefind →
 * .gz/.br copies of the text files, into dist/ (or DIST_DIR); see src/library/build.ts.
 * CORPUS, INGEST_OUT, DIST_DIR and BASE_PATH are passed through to every stage.
 */
import { runBuild } from "../src/library/build.ts";

try {
  const run = await runBuild({
    ingestArgs: process.argv.slice(2),
    onStage: (s) => console.log(`build: ${s.stage} done in ${(s.ms / 1000).toFixed(1)} s (peak ${s.peakRssMb} MB)`),
  });
  const { incremental, rendered, removed, pages } = run.site;
  console.log(
    run.unchanged
      ? `build: nothing changed since the last build (models, published ids, as-of date, settings, code): dist/ kept` +
          ` as it was, ${pages} pages`
      : incremental
        ? `build: site incremental: ${rendered} of ${pages} pages rendered, ${removed} removed`
        : `build: site in full (${pages} pages)`,
  );
  console.log(`build: done in ${(run.ms / 1000).toFixed(1)} s (peak ${run.peakRssMb} MB)`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
