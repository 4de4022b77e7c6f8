/**
 * `node scripts/search-index.ts`: after the Astro build, indexes the circular pages of
 * dist/ (or DIST_DIR) with Pagefind's extended binary (Chinese segmentation), in bundles
 * of PAGEFIND_BUNDLE pages (src/search/bundles.ts). Bundles are independent: one child
 * process per core indexes its share, each with its own Pagefind binary, and reports
 * each page to this one, which shows the progress.
 * (The exact-phrase index is scripts/phrase-index.ts; the build runs it beside Astro.)
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import * as pagefind from "pagefind";
import { ROOT } from "../src/config/paths.ts";
import { modelIds } from "../src/corpus/store.ts";
import { circularPages, planBundles } from "../src/search/bundles.ts";
import { progress } from "../src/bench/progress.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
const bundles = planBundles(circularPages(modelIds()), Number(process.env.PAGEFIND_BUNDLE ?? 1000));
const partArg = process.argv.indexOf("--part");

/** Indexes every `of`-th bundle from `part` on, telling the parent of each page. */
async function indexPart(part: number, of: number): Promise<void> {
  for (const bundle of bundles.filter((_, i) => i % of === part)) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
    if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
    for (const sourcePath of bundle.pages) {
      const added = await index.addHTMLFile({ sourcePath, content: readFileSync(join(dist, sourcePath), "utf8") });
      if (added.errors.length) console.error(`${sourcePath}: ${added.errors.join("; ")}`);
      process.send?.(1);
    }
    const written = await index.writeFiles({ outputPath: join(dist, bundle.folder) });
    if (written.errors.length) throw new Error(written.errors.join("\n"));
    // A fresh Pagefind process per bundle returns the memory of the last one.
    await pagefind.close();
  }
}

if (partArg >= 0) {
  const [part, of] = process.argv[partArg + 1]!.split("/").map(Number);
  await indexPart(part!, of!);
} else {
  const parts = Math.max(1, Math.min(availableParallelism(), bundles.length));
  const total = bundles.reduce((n, b) => n + b.pages.length, 0);
  const bar = progress("pagefind", total, { unit: "pages" });
  const codes = await Promise.all(Array.from({ length: parts }, (_, part) => new Promise<number>((done) => {
    const child = fork(import.meta.filename, ["--part", `${part}/${parts}`], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child.on("message", (n) => bar.tick(Number(n)));
    child.on("exit", (code) => done(code ?? 1));
  })));
  bar.done();
  if (codes.some((c) => c !== 0)) {
    console.error(`search: a Pagefind process failed (exit ${codes.join(", ")})`);
    process.exit(1);
  }
  console.log(`search: pagefind indexed ${total} circular pages in ${bundles.length} bundle(s), ${parts} at a time`);
}
