/**
 * `node scripts/precompress.ts`: writes .gz and .br beside every text file of dist/ (or
 * DIST_DIR), reusing the copies of files compressed by an earlier build
 * (INGEST_OUT/compress-cache/).
 *
 * `node scripts/precompress.ts --follow MARK`: beside a site build that is writing into DIST_DIR, compresses the pages
 * its plan names (INGEST_OUT/site-state/plan.json, written before it renders any) as they appear, a pass every quarter
 * of a second, until the file MARK appears (the build has ended): then it stops after the files in hand, and the run
 * after the build (at full priority) does what is left, and the pages of routes every build renders. A file written in
 * the last quarter of a second is left to the next pass (Astro writes a page at once, in milliseconds). Each pass looks
 * only at the pages not yet done: listing the whole folder and its copies every pass took 6.6 CPU-s in 20 s beside
 * 1,200 pages, as much as compressing them.
 */
import { existsSync } from "node:fs";
import { resolve, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { CONTENT_OUT, ROOT, planFileIn } from "../src/config/paths.ts";
import { PagePlanFile, outputFiles, readJsonFile } from "../src/library/files.ts";
import { precompress, type PrecompressResult } from "../src/site/precompress.ts";
import { progressOnceKnown } from "../src/bench/progress.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
const cache = join(CONTENT_OUT, "compress-cache");
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const report = (r: PrecompressResult, what: string) =>
  console.log(
    `${what}: ${r.files} files (${r.reused} from the cache), ${mb(r.bytes)} → gzip ${mb(r.gzipBytes)},` +
      ` brotli ${mb(r.brotliBytes)}`,
  );

/** How long ago a file was last written for a pass beside the site build to take it, and the pause between passes. */
const SETTLED_MS = 250;
const follow = process.argv.indexOf("--follow");
if (follow >= 0) {
  const mark = process.argv[follow + 1];
  if (!mark) throw new Error("--follow needs the file whose appearance ends it");
  const done: PrecompressResult = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0, reused: 0 };
  const ended = () => existsSync(mark);
  const planFile = planFileIn(CONTENT_OUT);
  /** The plan's files not yet done; null until the site build has written its plan. */
  let pending: Set<string> | null = null;
  const planned = (): Set<string> | null => {
    if (!existsSync(planFile)) return null;
    try {
      return new Set(readJsonFile(PagePlanFile, planFile).render.flatMap(outputFiles));
    } catch {
      return null; // Still being written: the next pass reads it.
    }
  };
  while (!ended()) {
    pending ??= planned();
    const pass = pending?.size
      ? await precompress(dist, {
          cache,
          names: [...pending],
          writtenBefore: Date.now() - SETTLED_MS,
          stop: ended,
          settled: (name) => pending!.delete(name),
        })
      : null;
    for (const k of Object.keys(done) as Array<keyof PrecompressResult>) done[k] += pass?.[k] ?? 0;
    if (!ended()) await sleep(SETTLED_MS);
  }
  report(done, "precompress beside the site build");
} else {
  const bar = progressOnceKnown("precompress", { unit: "files" });
  const r = await precompress(dist, { cache, onFile: bar.tick });
  bar.done();
  report(r, "precompress");
}
