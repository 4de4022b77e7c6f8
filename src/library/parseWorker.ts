/**
 * One parse in a worker thread (parsePool.ts): the same parse and check the main thread would
 * run, so a pooled ingest gives byte-identical models.
 */
import type { Circular, Result } from "../model/circular.ts";
import { parseChecked } from "./ingestCorpus.ts";

export interface ParseTask {
  bytes: Uint8Array;
  file: string;
  key: string;
}

export default function parseTask(task: ParseTask): Promise<Result<Circular>> {
  return parseChecked(task);
}
