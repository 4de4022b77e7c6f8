/**
 * Runs one stage as a child process and measures it: wall time, and the peak resident
 * memory and the CPU time of the whole process tree (the stage and anything it spawns, such
 * as Pagefind's binary), sampled from /proc. Where stages share the cores, their CPU times
 * say what each costs; their wall times overlap.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { pushTo } from "../model/groups.ts";

/** Bytes per page, for the resident pages /proc/<pid>/stat gives: VmRSS (kB) over the same count, read once. */
const PAGE_KB = (() => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
    const pages = Number(readFileSync("/proc/self/statm", "utf8").split(" ")[1]);
    return 2 ** Math.round(Math.log2(kb / pages));
  } catch {
    return 4;
  }
})();

/** /proc counts CPU time in these ticks a second (USER_HZ, 100 on Linux whatever the kernel's own rate). */
const TICKS_PER_SECOND = 100;

/** Every process's parent, resident memory and CPU time so far, from one pass over /proc reading each stat file. */
function scanProcesses(): {
  children: Map<number, number[]>;
  rssKb: Map<number, number>;
  cpuTicks: Map<number, number>;
} {
  const children = new Map<number, number[]>();
  const rssKb = new Map<number, number>();
  const cpuTicks = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // After "(comm)": state ppid … ; utime and stime are the 14th and 15th fields of the line, rss the 24th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      rssKb.set(Number(name), Number(fields[21]) * PAGE_KB);
      cpuTicks.set(Number(name), Number(fields[11]) + Number(fields[12]));
      pushTo(children, ppid, Number(name));
    } catch {
      /* the process ended while we read it */
    }
  }
  return { children, rssKb, cpuTicks };
}

/** The processes of `root`'s tree. */
function tree(root: number, scan: ReturnType<typeof scanProcesses>): number[] {
  const pids: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    pids.push(pid);
    stack.push(...(scan.children.get(pid) ?? []));
  }
  return pids;
}

/**
 * A tree being sampled: its peak memory, and each of its processes' CPU ticks when last seen
 * (so a process that ends counts up to its last sample, at most SAMPLE_MS short).
 */
interface Sample {
  peakKb: number;
  ticks: Map<number, number>;
}
/** Trees being sampled, by root process: one pass over /proc a tick serves them all. */
const sampled = new Map<number, Sample[]>();
let ticker: NodeJS.Timeout | null = null;
const SAMPLE_MS = 200;

function tick(): void {
  const scan = scanProcesses();
  for (const [root, samples] of sampled) {
    const pids = tree(root, scan);
    const kb = pids.reduce((n, pid) => n + (scan.rssKb.get(pid) ?? 0), 0);
    for (const s of samples) {
      s.peakKb = Math.max(s.peakKb, kb);
      for (const pid of pids) s.ticks.set(pid, scan.cpuTicks.get(pid) ?? 0);
    }
  }
}

/**
 * Samples the peak resident memory (MB) of `root`'s process tree until stopped; `cpuSeconds`
 * is then the CPU time its processes used, each since it started (user and system, every
 * thread): a stage's, as its root is started just before.
 */
export function samplePeak(root: number): { stop: () => number; cpuSeconds: () => number } {
  const peak: Sample = { peakKb: 0, ticks: new Map() };
  pushTo(sampled, root, peak);
  ticker ??= setInterval(tick, SAMPLE_MS);
  return {
    stop: () => {
      const rest = sampled.get(root)!.filter((p) => p !== peak);
      if (rest.length) sampled.set(root, rest);
      else sampled.delete(root);
      if (sampled.size === 0 && ticker) (clearInterval(ticker), (ticker = null));
      return Math.round(peak.peakKb / 1024);
    },
    cpuSeconds: () => [...peak.ticks.values()].reduce((n, t) => n + t, 0) / TICKS_PER_SECOND,
  };
}

export interface StageResult {
  ms: number;
  peakRssMb: number;
  /** CPU seconds of its process tree (samplePeak). */
  cpuS: number;
  stdout: string;
}

export function runStage(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<StageResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const peak = samplePeak(child.pid!);
    child.on("error", reject);
    child.on("close", (code) => {
      const peakRssMb = peak.stop();
      if (code !== 0) reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${stdout}`));
      else resolve({ ms: Math.round(performance.now() - started), peakRssMb, cpuS: peak.cpuSeconds(), stdout });
    });
  });
}
