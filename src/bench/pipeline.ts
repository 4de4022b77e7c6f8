/**
 * The build, as child processes in stages, independent work side by side (`npm run build`
 * runs it; `npm run bench` times it):
 *
 *   ingest (parses on every core) → facts (each document's 时效性, from the whole library)
 *   → derive (related clauses, IDF) → Astro build → precompress (.gz/.br of its text files)
 *     ‖ search index (phrase index and Pagefind's records, from the models and facts) → Pagefind
 *       (and .gz/.br of the search files); written aside, since Astro empties dist/ when it
 *       starts, and moved in after
 *
 * CORPUS, INGEST_OUT, DIST_DIR and BASE_PATH pass through to every stage.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { CONTENT_OUT, ROOT } from "../config/paths.ts";
import { samplePeak } from "./stage.ts";

export interface StageRun {
  stage: string;
  ms: number;
  /** Peak resident memory of the stage's process tree. */
  peakRssMb: number;
}

export interface BuildRun {
  stages: StageRun[];
  /** Wall time of the whole build. */
  ms: number;
  /** Peak resident memory of the whole build, stages that overlap counted together. */
  peakRssMb: number;
}

/** Node's cache of compiled modules, shared by every stage and build: each stage is a new process that loads hundreds of modules. */
export const COMPILE_CACHE = join(ROOT, "node_modules", ".cache", "node-compile");

/** Stages still running: stopped when another fails, so a failed build leaves nothing behind. */
const running = new Set<ChildProcess>();

function runStage(stage: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<StageRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: "inherit" });
    running.add(child);
    const peak = samplePeak(child.pid!);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      running.delete(child);
      const peakRssMb = peak.stop();
      if (code !== 0) reject(new Error(`build: ${stage} failed (exit ${code ?? signal})`));
      else resolvePromise({ stage, ms: Math.round(performance.now() - started), peakRssMb });
    });
  });
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

/** Runs the build; `onStage` hears of each stage as it ends. */
export async function runBuild(options: { env?: NodeJS.ProcessEnv; ingestArgs?: string[]; onStage?: (s: StageRun) => void } = {}): Promise<BuildRun> {
  const env: NodeJS.ProcessEnv = { NODE_COMPILE_CACHE: COMPILE_CACHE, ...(options.env ?? process.env), ASTRO_TELEMETRY_DISABLED: "1", PROJECT_ROOT: ROOT };
  const dist = env.DIST_DIR ? resolve(env.DIST_DIR) : join(ROOT, "dist");
  const contentOut = env.INGEST_OUT ? resolve(env.INGEST_OUT) : CONTENT_OUT;
  // Absolute, since Astro runs from a folder of its own.
  Object.assign(env, { DIST_DIR: dist }, ...(["INGEST_OUT", "CORPUS", "OVERRIDES"] as const).filter((k) => env[k]).map((k) => ({ [k]: resolve(env[k]!) })));
  const searchAside = join(contentOut, "search-out");
  const stages: StageRun[] = [];
  const stage = async (name: string, args: string[], cwd?: string) => {
    const s = await runStage(name, args, env, cwd);
    stages.push(s);
    options.onStage?.(s);
  };
  const started = performance.now();
  const peak = samplePeak(process.pid);
  let peakRssMb = 0;
  try {
    await stage("ingest", ["scripts/ingest.ts", ...(options.ingestArgs ?? [])]);
    await stage("facts", ["scripts/facts.ts"]);
    await Promise.all([
      (async () => {
        await stage("derive", ["scripts/derive.ts"]);
        // Astro keeps its server build in <cwd>/.astro when dist/ is outside the working
        // folder: run from a folder of this build's own (under the project, whose packages
        // that build imports), so that two builds on one checkout (two shards, say) do not share it.
        const astroCwd = join(ROOT, ".astro", "builds", createHash("sha256").update(dist).digest("hex").slice(0, 12));
        mkdirSync(astroCwd, { recursive: true });
        await stage("site build", [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build", "--silent", "--root", ROOT], astroCwd);
        await stage("precompress", ["scripts/precompress.ts"]);
      })(),
      stage("search index", ["scripts/search-index.ts", searchAside]).then(() => stage("pagefind", ["scripts/pagefind-index.ts", searchAside])),
    ]);
    for (const folder of readdirSync(searchAside)) move(join(searchAside, folder), join(dist, folder));
  } catch (e) {
    for (const child of running) child.kill();
    throw e;
  } finally {
    peakRssMb = peak.stop();
  }
  return { stages, ms: Math.round(performance.now() - started), peakRssMb };
}
