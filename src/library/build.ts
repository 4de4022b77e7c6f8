/**
 * The build, as child processes in stages, independent work side by side (`npm run build`
 * runs it; `npm run bench` times it):
 *
 *   ingest (parses on every core)
 *   → derive (related clauses, IDF, from the models alone)
 *     ‖ (facts done; in a full build, derive done too) → Astro build, which waits for
 *       derive's outputs when it first reads them → precompress (.gz/.br of its text files)
 *   ‖ facts (each document's 时效性, from the whole library) → search index (phrase index, stored
 *     gzipped, and Pagefind's records, from the models and facts) → Pagefind (and .gz/.br of
 *     its scripts) → exports (data/clauses.csv, each unchanged document's rows kept from the last
 *     build, and its .gz/.br); written aside, as the site build is, and moved into dist/ after
 *
 * CORPUS, INGEST_OUT, DIST_DIR and BASE_PATH pass through to every stage.
 *
 * When the last build of the same code into the same dist/ succeeded, the site build is
 * incremental (and the stages it does not wait for run at a lower priority, BESIDE_SITE_NICE):
 * Astro renders only the pages whose inputs changed (src/site/pagePlan.ts)
 * into its scratch folder, which is compressed and moved over dist/ (a full build's replaces
 * dist/); the files of pages that are gone are deleted. Any change of code or of the settings
 * pages are built with (BASE_PATH, SITE_URL, SEARCH_PEERS) makes it a full build. When, besides, nothing the stages
 * after ingest read has changed (inputsHash: the stored models, the ids published before, the as-of date, the Pagefind
 * bundle size), the build ends after ingest and dist/ is kept as it is.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { setPriority } from "node:os";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative, resolve } from "node:path";
import { CONTENT_OUT, PUBLISHED_IDS, ROOT, manifestIn, planFileIn, siteStateIn } from "../config/paths.ts";
import { asOfDate } from "../corpus/validity.ts";
import {
  BuildRecord,
  PagePlanFile,
  outputFiles,
  readJsonFile,
  readJsonFileOr,
  renameJsonFile,
  writeJsonFile,
} from "./files.ts";
import { SearchWritten, readBundles, searchCacheIn } from "./searchCache.ts";
import { samplePeak } from "./stages.ts";
import { filesHash } from "./codeHash.ts";

export interface StageRun {
  stage: string;
  ms: number;
  /** Peak resident memory of the stage's process tree. */
  peakRssMb: number;
  /** CPU seconds (user and system) its process tree used, sampled: short by at most a fifth of a second a process. */
  cpuS: number;
}

export interface BuildRun {
  stages: StageRun[];
  /** Nothing the later stages read changed since the last build: it ended after ingest, dist/ as it was. */
  unchanged: boolean;
  /** Whether the site was built incrementally, and how many of its dynamic pages were rendered. */
  site: { incremental: boolean; rendered: number; removed: number; pages: number };
  /** Wall time of the whole build. */
  ms: number;
  /** Peak resident memory of the whole build, stages that overlap counted together. */
  peakRssMb: number;
}

/**
 * Node's cache of compiled modules, shared by every stage and build: each stage is a new process that loads hundreds of
 * modules.
 */
export const COMPILE_CACHE = join(ROOT, "node_modules", ".cache", "node-compile");

/**
 * V8's young generation per stage: the stages make many short-lived objects (parsed JSON,
 * keys, page inputs), and with the default 16 MB semispaces the site build spent a sixth of
 * its time in the garbage collector. At 32 MB, on a 10,000-document library (one run each):
 * the site build with nothing to render 34.2 s against 38.3 s, derive 8.0 s against 8.9 s,
 * facts 11.4 s against 11.5 s; peak memory no higher.
 */
const STAGE_FLAGS = ["--max-semi-space-size=32"];
/**
 * The site build's: at 64 MB, with nothing to render at 10,000 documents, 17.4–17.7 s against 18.4–20.1 s at 32 MB
 * (+60–80 MB; 128 MB: 18.0–18.1 s). Derive gained nothing (10.3–11.9 s against 10.3–10.9 s, +170 MB). A full build
 * had no room for it until the documents' own facts were shared (derived.ts sharedEntries: the peak 3,360 MiB).
 */
const SITE_FLAGS = ["--max-semi-space-size=64"];
/**
 * A full build's site build lets its heap grow by 40% of what a full collection leaves, not by V8's own factor (up
 * to 4): at 10,000 documents it keeps 0.72 GB, and V8 let the heap reach 1.9 GB before collecting it again, which made
 * the build's peak. Alone, with --trace-gc: peak 2,570 MB against 1,714 MB, 114.7 s against 112.6 s (111.1 and 116.7
 * CPU-s; 28 and 34 full collections). An incremental build's peak is half a full build's: it keeps V8's factor.
 */
const FULL_SITE_FLAGS = [...SITE_FLAGS, "--heap-growing-percent=40"];

/**
 * The scheduling priority (nice) of the stages an incremental build's site build does not wait for: the search lane and
 * the exports. The site build is the incremental build's longest lane, one thread and its collector's helpers, and the
 * others took cores from it. At 10,000 documents, three runs each, removing ten: 28.1, 28.9, 27.1 s against 30.7,
 * 31.1, 29.2 s; adding them back 27.7, 30.1, 28.1 s against 30.5, 29.9, 28.5 s. (An earlier session measured no
 * difference, while the site build still waited for derive.)
 */
const BESIDE_SITE_NICE = 10;

/** Stages still running: stopped when another fails, so a failed build leaves nothing behind. */
const running = new Set<ChildProcess>();

/** How a stage's process is run: its working folder, environment, V8 flags and scheduling priority. */
interface StageOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  flags?: string[];
  nice?: number;
}

function runStage(
  stage: string,
  args: string[],
  { cwd = ROOT, env, flags = STAGE_FLAGS, nice = 0 }: StageOptions,
): Promise<StageRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, ...args], { cwd, env, stdio: "inherit" });
    running.add(child);
    if (nice) setPriority(child.pid!, nice);
    const peak = samplePeak(child.pid!);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running.delete(child);
      const peakRssMb = peak.stop();
      const cpuS = Math.round(peak.cpuSeconds() * 10) / 10;
      if (code !== 0) reject(new Error(`build: ${stage} failed (exit ${code ?? signal})`));
      else resolvePromise({ stage, ms: Math.round(performance.now() - started), peakRssMb, cpuS });
    });
  });
}

/**
 * The folder Astro runs from, in the build's content folder (INGEST_OUT), so that two builds on one checkout (two
 * shards, say) do not share it. Astro keeps its server build in <cwd>/.astro and moves files from there into its
 * output folder with a rename, which fails across file systems (EXDEV): both therefore sit in the content folder, and
 * the result is moved into dist/, wherever that is. The folder links to the project's packages, which that server
 * build imports.
 */
function astroFolder(contentOut: string): string {
  const folder = join(contentOut, "astro-run");
  mkdirSync(folder, { recursive: true });
  const packages = join(folder, "node_modules");
  const target = join(ROOT, "node_modules");
  // A link left by a build of another checkout is replaced.
  if (!existsSync(packages) || realpathSync(packages) !== realpathSync(target)) {
    rmSync(packages, { force: true });
    symlinkSync(target, packages, "dir");
  }
  return folder;
}

/** Moves a folder, also across file systems. */
function move(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/** What makes every page different: the code and the settings pages are built with. */
const codeHash = (env: NodeJS.ProcessEnv): string =>
  filesHash(
    ROOT,
    ["src", "public", "astro.config.mjs", "package-lock.json"],
    ["BASE_PATH", "SITE_URL", "SEARCH_PEERS"].map((name) => `${name}=${env[name] ?? ""}\n`).join(""),
  );

/**
 * What the stages after ingest read besides the code: the stored models (the manifest records each one's source bytes,
 * correction and file, and is rewritten when any of them changes), the ids published before, the date 时效性 is read
 * as of, and the size of a Pagefind bundle.
 */
export function inputsHash(env: NodeJS.ProcessEnv, contentOut: string, publishedIds = PUBLISHED_IDS): string {
  const hash = createHash("sha256");
  for (const file of [manifestIn(contentOut), publishedIds])
    hash.update(existsSync(file) ? readFileSync(file) : "").update("\0");
  return hash.update(`${asOfDate(env)}\0${env.PAGEFIND_BUNDLE ?? ""}`).digest("hex");
}

/**
 * Moves every file of `from` into `to`, replacing those there (which may be links to the same compressed copy). A file
 * replaced loses its old compressed copies first: a file that shrank below the size worth compressing has none.
 */
function mergeInto(from: string, to: string): void {
  const files = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(from, join(e.parentPath, e.name)));
  for (const file of files)
    if (!/\.(gz|br)$/.test(file))
      for (const copy of [`${file}.gz`, `${file}.br`]) rmSync(join(to, copy), { force: true });
  for (const file of files) {
    const source = join(from, file);
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { force: true });
    try {
      renameSync(source, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
      copyFileSync(source, target);
    }
  }
  rmSync(from, { recursive: true, force: true });
}

/** Deletes a file and its compressed copies, and the folder it leaves empty. */
function removeFile(dist: string, file: string): void {
  for (const f of [file, `${file}.gz`, `${file}.br`]) rmSync(join(dist, f), { force: true });
  const folder = dirname(join(dist, file));
  if (folder !== dist && existsSync(folder) && readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
}

/**
 * Moves the search stages' output into dist/: the phrase index's files that were written (all
 * of them, or only those that changed, with the ones gone deleted), and the Pagefind folders
 * that were written; a Pagefind folder of a bundle that is no more is deleted.
 */
function placeSearch(aside: string, dist: string, cache: ReturnType<typeof searchCacheIn>): void {
  const written = readJsonFile(SearchWritten, cache.written);
  for (const folder of readdirSync(aside)) {
    if (folder === "search-data" && written.onlyChanged) mergeInto(join(aside, folder), join(dist, folder));
    else move(join(aside, folder), join(dist, folder));
  }
  for (const file of written.gone) removeFile(dist, `search-data/${file}`);
  const bundles = new Set(readBundles(cache.bundles).map((b) => b.folder.replace(/\/$/, "")));
  for (const folder of readdirSync(dist))
    if (/^pagefind(-\d+)?$/.test(folder) && !bundles.has(folder)) rmSync(join(dist, folder), { recursive: true });
}

/** Runs the build; `onStage` hears of each stage as it ends. */
export async function runBuild(
  options: { env?: NodeJS.ProcessEnv; ingestArgs?: string[]; onStage?: (s: StageRun) => void } = {},
): Promise<BuildRun> {
  const env: NodeJS.ProcessEnv = {
    NODE_COMPILE_CACHE: COMPILE_CACHE,
    ...(options.env ?? process.env),
    ASTRO_TELEMETRY_DISABLED: "1",
    PROJECT_ROOT: ROOT,
  };
  const dist = env.DIST_DIR ? resolve(env.DIST_DIR) : join(ROOT, "dist");
  const contentOut = env.INGEST_OUT ? resolve(env.INGEST_OUT) : CONTENT_OUT;
  // Absolute, since Astro runs from a folder of its own.
  Object.assign(
    env,
    { DIST_DIR: dist },
    ...(["INGEST_OUT", "CORPUS", "OVERRIDES"] as const).filter((k) => env[k]).map((k) => ({ [k]: resolve(env[k]!) })),
  );
  const searchAside = join(contentOut, "search-out");
  const exportsAside = join(contentOut, "exports-out");
  // Incremental when the last build of this code into this dist/ succeeded (its record is kept only then).
  const siteState = siteStateIn(contentOut);
  const code = codeHash(env);
  // The facts stage keeps the facts of unchanged documents only from a build of the same code.
  env.PIPELINE_CODE = code;
  const record = join(siteState, "build.json");
  const last = readJsonFileOr(BuildRecord, record, null);
  const incremental = last?.code === code && last.dist === dist && existsSync(join(dist, "index.html"));
  // The site build writes beside its working folder, and its result is moved into dist/ (astroFolder).
  const astroCwd = astroFolder(contentOut);
  const scratch = join(contentOut, "site-scratch");
  const deriveDone = join(contentOut, "derive.done");
  const factsDone = join(contentOut, "facts.done");
  const siteDone = join(contentOut, "site.done");
  const siteEnv: NodeJS.ProcessEnv = {
    ...env,
    DIST_DIR: scratch,
    ...(incremental ? { SITE_BUILD: "incremental" } : {}),
  };
  // The search stages then write only the files that changed (dist/ keeps the others).
  const searchEnv: NodeJS.ProcessEnv = incremental ? { ...env, SEARCH_BUILD: "incremental" } : env;
  const searchCache = searchCacheIn(contentOut);
  rmSync(record, { force: true });
  rmSync(scratch, { recursive: true, force: true });
  const stages: StageRun[] = [];
  const stage = async (name: string, args: string[], how: StageOptions = {}) => {
    const s = await runStage(name, args, { env, ...how });
    stages.push(s);
    options.onStage?.(s);
  };
  const started = performance.now();
  const peak = samplePeak(process.pid);
  let peakRssMb = 0;
  const planFile = planFileIn(contentOut);
  /** The stages that read the models, and dist/ put together from what they wrote: the plan the site build followed. */
  const fromModels = async (): Promise<PagePlanFile> => {
    // Derive reads only the models: it runs beside facts, which the search lane waits for.
    // In an incremental build the site build starts with them, and waits for each one's mark
    // before it reads what that stage writes (site/corpus.ts): Astro's start and loading the
    // models overlap facts, and indexing the library derive. A full build starts it after
    // derive, as the site build of all pages beside derive and the search index went past
    // 3.5 GB (3.82 GB).
    rmSync(deriveDone, { force: true });
    rmSync(factsDone, { force: true });
    // The pass that compresses pages beside the site build waits for this build's plan.
    rmSync(planFile, { force: true });
    // The mark is left once the stage has ended well: it writes several files.
    const facts = stage("facts", ["scripts/facts.ts"]).then(() => writeFileSync(factsDone, ""));
    const derive = stage("derive", ["scripts/derive.ts"], { env: { ...env, DERIVE_DONE: deriveDone } });
    const siteLane = (async () => {
      if (!incremental) await Promise.all([facts, derive]);
      // An incremental build compresses the pages the site build has written while it writes more, at the search
      // lane's priority, on the core the site build leaves: what is left after it is its last pages (adding ten to
      // 10,000, the precompress after the site build took 3.4–4.1 s). Not in a full build, whose two lanes keep both
      // cores busy and whose peak has no room for a third process.
      rmSync(siteDone, { force: true });
      const beside = incremental
        ? stage("precompress beside", ["scripts/precompress.ts", "--follow", siteDone], {
            env: siteEnv,
            nice: BESIDE_SITE_NICE,
          })
        : null;
      // Awaited below; if the site build fails first, the build's error is the site build's.
      beside?.catch(() => undefined);
      try {
        await stage(
          "site build",
          [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--silent", "--root", ROOT],
          {
            cwd: astroCwd,
            env: { ...siteEnv, DERIVE_DONE: deriveDone, FACTS_DONE: factsDone },
            flags: incremental ? SITE_FLAGS : FULL_SITE_FLAGS,
          },
        );
      } finally {
        writeFileSync(siteDone, "");
      }
      await beside;
      await derive;
      await stage("precompress", ["scripts/precompress.ts"], { env: siteEnv });
    })();
    const besideSite = incremental ? BESIDE_SITE_NICE : 0;
    const searchLane = facts
      .then(() => stage("search index", ["scripts/search-index.ts", searchAside], { env: searchEnv, nice: besideSite }))
      .then(() => stage("pagefind", ["scripts/pagefind-index.ts", searchAside], { env: searchEnv, nice: besideSite }));
    // The exports read only the models; they run after the lane that ends first, so as not to lengthen the other:
    // the search lane in an incremental build, the site lane in a full one (bench 25: 272 s against 288 s).
    const exports = Promise.race([siteLane, searchLane]).then(() =>
      stage("exports", ["scripts/exports.ts", exportsAside], { nice: besideSite }),
    );
    await Promise.all([derive, facts, siteLane, searchLane, exports]);
    const plan = readJsonFile(PagePlanFile, planFile);
    if (incremental) {
      for (const key of plan.removed) for (const file of outputFiles(key)) removeFile(dist, file);
      mergeInto(scratch, dist);
    } else move(scratch, dist);
    placeSearch(searchAside, dist, searchCache);
    mergeInto(exportsAside, dist);
    renameJsonFile(join(siteState, "pages.next.json"), join(siteState, "pages.json"));
    return plan;
  };
  let plan: PagePlanFile = { incremental, render: [], removed: [], pages: 0 };
  let unchanged = false;
  try {
    await stage("ingest", ["scripts/ingest.ts", ...(options.ingestArgs ?? [])]);
    const inputs = inputsHash(env, contentOut);
    // As a portal's nightly build finds it most nights: nothing the later stages read has changed, so the last
    // build's dist/ is this one's.
    unchanged = incremental && last?.inputs === inputs;
    plan = unchanged ? { ...readJsonFile(PagePlanFile, planFile), render: [], removed: [] } : await fromModels();
    writeJsonFile(BuildRecord, record, { code, dist, inputs });
  } catch (e) {
    for (const child of running) child.kill();
    throw e;
  } finally {
    peakRssMb = peak.stop();
  }
  return {
    stages,
    unchanged,
    site: { incremental, rendered: plan.render.length, removed: plan.removed.length, pages: plan.pages },
    ms: Math.round(performance.now() - started),
    peakRssMb,
  };
}
