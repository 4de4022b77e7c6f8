/**
 * Runs one stage as a child process and measures it: wall time, and the peak resident
 * memory of the whole process tree (the stage and anything it spawns, such as Pagefind's
 * binary), sampled from /proc.
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

/** Every process's parent and resident memory, from one pass over /proc reading only each stat file. */
function scanProcesses(): { children: Map<number, number[]>; rssKb: Map<number, number> } {
  const children = new Map<number, number[]>();
  const rssKb = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // After "(comm)": state ppid … ; rss is the 24th field of the line, the 22nd after comm.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      rssKb.set(Number(name), Number(fields[21]) * PAGE_KB);
      pushTo(children, ppid, Number(name));
    } catch {
      /* the process ended while we read it */
    }
  }
  return { children, rssKb };
}

function treeRssKb(root: number, scan: ReturnType<typeof scanProcesses>): number {
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += scan.rssKb.get(pid) ?? 0;
    stack.push(...(scan.children.get(pid) ?? []));
  }
  return total;
}

/** Peaks being sampled, by root process: one pass over /proc a tick serves them all. */
const sampled = new Map<number, { peakKb: number }[]>();
let ticker: NodeJS.Timeout | null = null;
const SAMPLE_MS = 200;

function tick(): void {
  const scan = scanProcesses();
  for (const [root, peaks] of sampled) {
    const kb = treeRssKb(root, scan);
    for (const p of peaks) p.peakKb = Math.max(p.peakKb, kb);
  }
}

/** Samples the peak resident memory (MB) of `root`'s process tree until stopped. */
export function samplePeak(root: number): { stop: () => number } {
  const peak = { peakKb: 0 };
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
  };
}

export interface StageResult {
  ms: number;
  peakRssMb: number;
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
      else resolve({ ms: Math.round(performance.now() - started), peakRssMb, stdout });
    });
  });
}
