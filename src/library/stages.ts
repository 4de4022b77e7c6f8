/**
 * Runs one benchmark stage as a child process and measures it: wall time, and the peak
 * resident memory of the whole process tree (the stage and anything it spawns, such as
 * Pagefind's binary), sampled from /proc every 100 ms.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const status = readFileSync(`/proc/${name}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(name), kb);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended while we read it */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface StageResult {
  ms: number;
  peakRssMb: number;
  stdout: string;
}

/** Samples the peak resident memory of `root`'s process tree until stopped. */
export function samplePeak(root: number, everyMs = 100): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(root))), everyMs);
  return { stop: () => (clearInterval(timer), Math.round(peak / 1024)) };
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
