/**
 * Parsing on every core: a pool of worker threads (piscina), each running parseWorker.ts.
 * A worker costs about a second to start (opencc, jieba and the tables load in each), so
 * small batches are parsed in the main thread (createParser returns null).
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Circular, Result } from "../model/circular.ts";
import type { SourceFile } from "./ingestCorpus.ts";

/** Below this many files to parse, starting workers costs more than it saves. */
export const POOL_MIN_FILES = 64;

export interface SourceParser {
  parse(f: SourceFile): Promise<Result<Circular>>;
  close(): Promise<void>;
}

export function createParser(filesToParse: number, threads = availableParallelism()): SourceParser | null {
  if (filesToParse < POOL_MIN_FILES || threads < 2) return null;
  const pool = new Piscina({
    filename: new URL("./parseWorker.ts", import.meta.url).href,
    maxThreads: threads,
    minThreads: threads,
  });
  return {
    parse: (f) => pool.run({ bytes: f.bytes, file: f.file, key: f.key }),
    close: () => pool.destroy(),
  };
}
