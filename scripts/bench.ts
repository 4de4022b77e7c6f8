/**
 * `npm run bench -- --docs N [--seed S] [--add K]`: generates a synthetic corpus of N
 * circulars and builds it as `npm run build` does (src/library/build.ts: stages side by side
 * where they are independent), printing one JSON line per stage ({stage, docs, ms,
 * peakRssMb}) and a total: the build's wall time and the peak memory of all its processes
 * together. With --add, K circulars of the next year are then added and the library built
 * again, as a portal would after a new batch ("rebuild …" lines: what the second build
 * reuses); then one circular's text is edited and the library built again ("edit …"), and
 * one circular removed ("remove …"); then one circular's title corrected, no clause changed
 * ("correct …"), and the library built once more with nothing changed ("again …", a
 * portal's nightly build). Each line of a rebuild says how many of the site's pages were
 * rendered. Work goes to bench-out/<N>/.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runStage } from "../src/library/stages.ts";
import { type BuildRun, runBuild } from "../src/library/build.ts";
import { ROOT } from "../src/config/paths.ts";
import { machineProbe } from "../src/bench/probe.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const docs = Number(arg("docs", "1000"));
const add = Number(arg("add", "0"));
const seed = arg("seed", "1");
const out = resolve(ROOT, "bench-out", String(docs));
const corpus = join(out, "corpus");
const env = {
  ...process.env,
  CORPUS: corpus,
  INGEST_OUT: join(out, "content"),
  DIST_DIR: join(out, "dist"),
  ASTRO_TELEMETRY_DISABLED: "1",
};
const node = process.execPath;

// A fresh build each time: no models or cache from an earlier run.
rmSync(out, { recursive: true, force: true });
// The machine's own speed, before and after: what tells a slower run from slower code (src/bench/probe.ts).
const probe = (when: string) => console.log(JSON.stringify({ stage: "probe", when, ...machineProbe(out) }));
probe("before");
const generated = await runStage(node, ["scripts/generate-corpus.ts", String(docs), corpus, seed], env);
console.log(JSON.stringify({ stage: "generate", docs, ms: generated.ms, peakRssMb: generated.peakRssMb }));
const build = await runBuild({
  env,
  onStage: (s) => console.log(JSON.stringify({ stage: s.stage, docs, ms: s.ms, peakRssMb: s.peakRssMb, cpuS: s.cpuS })),
});
const dist = env.DIST_DIR;
const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) =>
      n +
      (e.isDirectory() ? sizeOf(join(dir, e.name)) : /\.(gz|br)$/.test(e.name) ? 0 : statSync(join(dir, e.name)).size),
    0,
  );
const countHtml = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countHtml(join(dir, e.name)) : e.name.endsWith(".html") ? 1 : 0),
    0,
  );
const cost = execFileSync(node, ["scripts/search-cost.ts", dist], {
  env: { ...env, QUERIES: "应急预案" },
  encoding: "utf8",
});
const first = cost
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l))
  .find((l) => l.stage === "first search");
console.log(
  JSON.stringify({
    stage: "total",
    docs,
    ms: build.ms,
    peakRssMb: build.peakRssMb,
    outputMb: Math.round(sizeOf(dist) / 1e6),
    pages: countHtml(dist),
    firstSearchKb: first?.kb ?? null,
    firstSearchKbCompressed: first?.kbCompressed ?? null,
  }),
);
/** Builds again after a change, printing each stage as `<name> <stage>` and what the site build rendered. */
async function rebuild(name: string, count: number, change: Record<string, unknown>): Promise<BuildRun> {
  const run = await runBuild({
    env,
    onStage: (s) =>
      console.log(
        JSON.stringify({ stage: `${name} ${s.stage}`, docs: count, ms: s.ms, peakRssMb: s.peakRssMb, cpuS: s.cpuS }),
      ),
  });
  console.log(
    JSON.stringify({
      stage: `${name} total`,
      docs: count,
      ...change,
      ms: run.ms,
      peakRssMb: run.peakRssMb,
      unchanged: run.unchanged,
      site: run.site,
    }),
  );
  return run;
}
if (add > 0) {
  execFileSync(
    node,
    [
      "scripts/generate-corpus.ts",
      String(add),
      corpus,
      String(Number(seed) + 1),
      "--years",
      "2025-2025",
      "--prefix",
      "add-",
      "--keep",
    ],
    { env },
  );
  await rebuild("rebuild", docs + add, { added: add });
  // A one-word correction in one circular's text, then one circular withdrawn.
  const files = readdirSync(corpus)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  const edited = join(corpus, files[Math.floor(files.length / 2)]!);
  const text = readFileSync(edited, "utf8");
  const at = text.indexOf("。", Math.floor(text.length / 2));
  writeFileSync(edited, `${text.slice(0, at)}，切实抓好落实${text.slice(at)}`);
  await rebuild("edit", docs + add, { edited: 1 });
  rmSync(join(corpus, files[Math.floor(files.length / 3)]!));
  await rebuild("remove", docs + add - 1, { removed: 1 });
  // A correction of the header alone: the title's first line, 关于… → 关于进一步….
  const corrected = join(corpus, files[Math.floor(files.length / 5)]!);
  const [title, ...rest] = readFileSync(corrected, "utf8").split("\n");
  writeFileSync(
    corrected,
    [title!.includes("关于") ? title!.replace("关于", "关于进一步") : `${title}（修订）`, ...rest].join("\n"),
  );
  await rebuild("correct", docs + add - 1, { corrected: 1 });
  await rebuild("again", docs + add - 1, { changed: 0 });
}
probe("after");
