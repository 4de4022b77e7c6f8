/**
 * A fixed workload that the bench measures before and after its builds, so that two runs' figures can be told apart
 * from the machine's own speed. On this machine the same code built the same 10,000 documents in 197.7 s and in
 * 255.4 s three hours apart, while a hashing loop in memory took the same time both times. The file system was the
 * difference: writing and deleting small files took 0.13 s on a quiet one and over 2 s for minutes after a large
 * folder was deleted (README, seventeenth session). So the probe times three kinds of work: hashing (a CPU-bound
 * loop), making and parsing JSON of many small objects (allocation and garbage collection, as the site build and
 * derive do), and writing and deleting many small files (as every stage does).
 */
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ProbeResult {
  /** Seconds for each part. */
  hashS: number;
  objectsS: number;
  filesS: number;
}

const seconds = (work: () => void): number => {
  const started = performance.now();
  work();
  return Math.round(performance.now() - started) / 1000;
};

/** Runs the probe, its files in `dir` (deleted after); `scale` shrinks or grows every part alike. */
export function machineProbe(dir: string, scale = 1): ProbeResult {
  const hashS = seconds(() => {
    const buffer = Buffer.alloc(Math.round(32 * 2 ** 20 * scale), 7);
    for (let i = 0; i < 8; i++) createHash("sha256").update(buffer).digest();
  });
  const objectsS = seconds(() => {
    const docs = Array.from({ length: Math.round(100_000 * scale) }, (_, i) => ({
      id: `c-${i}`,
      title: `关于加强第${i}项安全生产工作的通知`,
      clauses: [i, i + 1, i + 2].map((k) => ({ id: `p${k}`, text: `各地区要落实安全生产责任制（${k}）。` })),
    }));
    for (let round = 0; round < 3; round++) JSON.parse(JSON.stringify(docs));
  });
  const folder = join(dir, "probe-files");
  const files = Array.from({ length: Math.round(2_000 * scale) }, (_, i) => join(folder, `${i}.txt`));
  const page = Buffer.alloc(4096, "安");
  mkdirSync(folder, { recursive: true });
  try {
    // Twice: files made soon after others were deleted cost more on some file systems (ext4 without a journal).
    const filesS = seconds(() => {
      for (let round = 0; round < 2; round++) {
        for (const f of files) writeFileSync(f, page);
        for (const f of files) unlinkSync(f);
      }
    });
    return { hashS, objectsS, filesS };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
