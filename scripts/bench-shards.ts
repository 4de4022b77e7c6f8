/**
 * `npm run bench:shards [-- --shards 32 --docs 300]`: a library in shards, searched
 * nationally. Generates each shard's circulars, builds each as a site of its own under
 * /lib/s<i>/ (as a CI job per province would), naming the others as its peers; measures in
 * the browser what a first search downloads through the peers (a shard's search page opens
 * every shard's index); then merges the shards' built search indexes into the first
 * shard's site (scripts/merge-shards.ts) and measures the first search through that merged
 * national index. One JSON line per step. Work goes to bench-out/shards/.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveSites } from "../src/bench/browser.ts";
import { runBuild } from "../src/library/build.ts";
import { measureSearchCost } from "../src/bench/searchCost.ts";
import { ROOT } from "../src/config/paths.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const count = Number(arg("shards", "32"));
const docs = Number(arg("docs", "300"));
const out = resolve(ROOT, "bench-out", "shards");
const node = process.execPath;
rmSync(out, { recursive: true, force: true });
const shards = Array.from({ length: count }, (_, i) => ({ base: `/lib/s${i}/`, dir: join(out, `s${i}`) }));
let started = performance.now();
for (const [i, s] of shards.entries()) {
  const corpus = join(s.dir, "corpus");
  execFileSync(node, ["scripts/generate-corpus.ts", String(docs), corpus, String(i + 1), "--prefix", `s${i}-`]);
  const env = {
    ...process.env,
    CORPUS: corpus,
    INGEST_OUT: join(s.dir, "content"),
    DIST_DIR: join(s.dir, "dist"),
    BASE_PATH: s.base,
    SEARCH_PEERS: shards
      .filter((o) => o !== s)
      .map((o) => o.base)
      .join(","),
    ASTRO_TELEMETRY_DISABLED: "1",
  };
  const run = await runBuild({ env });
  console.log(JSON.stringify({ stage: "shard build", shard: s.base, docs, ms: run.ms, peakRssMb: run.peakRssMb }));
}
console.log(JSON.stringify({ stage: "all shards built", shards: count, ms: Math.round(performance.now() - started) }));
const server = await serveSites(shards.map((s) => ({ base: s.base, dir: join(s.dir, "dist") })));
const firstSearch = (how: string, base: string) =>
  measureSearchCost(`${server.origin}${base}search/`, ["应急预案"], (line) => {
    if (line.stage !== "first search") return;
    console.log(
      JSON.stringify({
        stage: `first search through the ${how}`,
        shards: count,
        docs: count * docs,
        kb: line.kb,
        kbCompressed: line.kbCompressed,
        requests: line.requests,
        status: line.status,
      }),
    );
  });
try {
  // Before the merge: a shard's search page opens every peer's index.
  await firstSearch("peers", shards[1]!.base);
  started = performance.now();
  execFileSync(
    node,
    ["scripts/merge-shards.ts", join(shards[0]!.dir, "dist"), ...shards.map((s) => `${s.base}=${join(s.dir, "dist")}`)],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  console.log(
    JSON.stringify({ stage: "merge", shards: count, docs: count * docs, ms: Math.round(performance.now() - started) }),
  );
  await firstSearch("national index", shards[0]!.base);
} finally {
  await server.close();
}
