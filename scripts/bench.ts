/**
 * `npm run bench -- --docs N [--seed S]`: generates a synthetic corpus of N circulars and
 * runs ingest, site build, search indexing and the related-clause computation on it,
 * printing one JSON line per stage ({stage, docs, ms, peakRssMb}) and a summary line.
 * Work goes to bench-out/<N>/.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { runStage } from "../src/bench/stage.ts";
import { ROOT } from "../src/config/paths.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const docs = Number(arg("docs", "1000"));
const seed = arg("seed", "1");
const out = resolve(ROOT, "bench-out", String(docs));
const corpus = join(out, "corpus");
const env = { ...process.env, CORPUS: corpus, INGEST_OUT: join(out, "content"), DIST_DIR: join(out, "dist"), ASTRO_TELEMETRY_DISABLED: "1" };
const node = process.execPath;
const astro = join(ROOT, "node_modules/astro/bin/astro.mjs");

// A fresh build each time: no models or cache from an earlier run.
rmSync(out, { recursive: true, force: true });
const stages: Array<[string, string[]]> = [
  ["generate", ["scripts/generate-corpus.ts", String(docs), corpus, seed]],
  ["ingest", ["scripts/ingest.ts"]],
  ["site build", [astro, "build", "--silent"]],
  ["search index", ["scripts/search-index.ts"]],
  ["related clauses", ["scripts/related-timing.ts"]],
];
let totalMs = 0;
let peak = 0;
for (const [stage, args] of stages) {
  const r = await runStage(node, args, env);
  // The site build and search index are what a publisher runs; generate and the separate related timing are not.
  if (stage !== "generate" && stage !== "related clauses") totalMs += r.ms;
  peak = Math.max(peak, r.peakRssMb);
  const extra = stage === "related clauses" ? JSON.parse(r.stdout.trim().split("\n").at(-1)!) : {};
  console.log(JSON.stringify({ stage, docs, ms: r.ms, peakRssMb: r.peakRssMb, ...extra }));
}
const dist = env.DIST_DIR;
const sizeOf = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
const countHtml = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countHtml(join(dir, e.name)) : e.name.endsWith(".html") ? 1 : 0), 0);
const cost = execFileSync(node, ["scripts/search-cost.ts", dist], { env: { ...env, QUERIES: "应急预案" }, encoding: "utf8" });
const first = cost.trim().split("\n").map((l) => JSON.parse(l)).find((l) => l.stage === "first search");
console.log(JSON.stringify({ stage: "total", docs, ms: totalMs, peakRssMb: peak, outputMb: Math.round(sizeOf(dist) / 1e6), pages: countHtml(dist), firstSearchKb: first?.kb ?? null }));
