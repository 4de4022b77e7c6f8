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

const dir = join(CONTENT_OUT, "search-cache");
export const SEARCH_CACHE = {
  dir,
  /** The bundles of the last build that finished (their membership carries over). */
  bundles: join(dir, "bundles.json"),
  /** This build's bundles, until Pagefind has indexed them. */
  plan: join(dir, "bundles.next.json"),
  /** This build's Pagefind records, one JSON per line. */
  records: join(dir, "records.jsonl"),
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
