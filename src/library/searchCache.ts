/**
 * Where the search stage keeps what the next build can reuse, and what its two halves hand
 * each other (scripts/search-index.ts → scripts/pagefind-index.ts): INGEST_OUT/search-cache/.
 */
import { join } from "node:path";
import { CONTENT_OUT } from "../config/paths.ts";
import {
  PagefindBundle,
  PagefindBundles,
  PagefindRecord,
  readJsonFileOr,
  readJsonLines,
  writeJsonFile,
} from "./files.ts";
import { existsSync, writeFileSync } from "node:fs";
import { z } from "zod";

const dir = join(CONTENT_OUT, "search-cache");
export const SEARCH_CACHE = {
  dir,
  /** The bundles of the last build that finished (their membership carries over). */
  bundles: join(dir, "bundles.json"),
  /** This build's bundles, until Pagefind has indexed them. */
  plan: join(dir, "bundles.next.json"),
  /** This build's Pagefind records, one JSON per line. */
  records: join(dir, "records.jsonl"),
  /** The records' contents (distinct words) by the hash of their texts, one [hash, content] per line. */
  words: join(dir, "words.jsonl"),
  /** Pagefind bundles by the hash of their records. */
  pagefind: join(dir, "pagefind"),
  /** Compressed copies of the search files by content. */
  compress: join(dir, "compress"),
};

/** The bundles of the last build that finished, or none. */
export const readBundles = (path: string): PagefindBundle[] => readJsonFileOr(PagefindBundles, path, []);
export const writeBundles = (path: string, bundles: PagefindBundle[]): void =>
  writeJsonFile(PagefindBundles, path, bundles);
/** This build's Pagefind records (written one JSON per line as the phrase index reads each model). */
export const readRecords = (): PagefindRecord[] => readJsonLines(PagefindRecord, SEARCH_CACHE.records);

const WordEntry = z.tuple([z.string(), z.string()]);
/**
 * The last build's record contents by the hash of their texts (pagefindRecord.ts WordCache), when it was a build of
 * the same code (`code`: PIPELINE_CODE; its first line names it); else none.
 */
export function readWords(code: string | undefined): Array<[string, string]> {
  if (!code || !existsSync(SEARCH_CACHE.words)) return [];
  const [head, ...entries] = readJsonLines(WordEntry, SEARCH_CACHE.words);
  return head?.[0] === "code" && head[1] === code ? entries : [];
}
export const writeWords = (code: string | undefined, entries: Array<[string, string]>): void =>
  writeFileSync(
    SEARCH_CACHE.words,
    [["code", code ?? ""], ...entries].map((e) => JSON.stringify(WordEntry.parse(e))).join("\n"),
  );
