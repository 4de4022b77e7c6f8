/**
 * Where the search stage keeps what the next build can reuse, and what its two halves hand
 * each other (scripts/search-index.ts → scripts/pagefind-index.ts) and the build
 * (build.ts): INGEST_OUT/search-cache/.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { CONTENT_OUT } from "../config/paths.ts";
import {
  PagefindBundle,
  PagefindBundles,
  PagefindRecord,
  parseJson,
  readJsonFileOr,
  readJsonLines,
  writeJsonFile,
} from "./files.ts";
import { z } from "zod";

/** The search cache of the library whose stages write under `contentOut` (INGEST_OUT). */
export const searchCacheIn = (contentOut: string) => {
  const dir = join(contentOut, "search-cache");
  return {
    dir,
    /** The bundles of the last build that finished (their membership carries over). */
    bundles: join(dir, "bundles.json"),
    /** This build's bundles, until Pagefind has indexed them. */
    plan: join(dir, "bundles.next.json"),
    /** This build's Pagefind records, one per line: the circular's id, a tab, the record's JSON. */
    records: join(dir, "records.jsonl"),
    /**
     * The records' contents (distinct words) by the hash of their texts, one [hash, content] per line: of the last
     * full index's circulars, and of those of the last patch of it (search/patch.ts).
     */
    words: join(dir, "words.jsonl"),
    wordsOfPatch: join(dir, "words-patch.jsonl"),
    /** Pagefind bundles by the hash of their records. */
    pagefind: join(dir, "pagefind"),
    /** Compressed copies of the search files by content. */
    compress: join(dir, "compress"),
    /** The phrase index's files of the last build, by path under search-data/, with the hash of their content. */
    files: join(dir, "files.json"),
    /** What this build's search stage wrote of the phrase index: only the files that changed, or all of them. */
    written: join(dir, "written.json"),
    /** The last full phrase index, which an incremental build patches (search/patch.ts). */
    base: join(dir, "index-base.json"),
    /** The Pagefind folders of the last build, each with the key of its bundle in the cache. */
    folders: join(dir, "folders.json"),
  };
};
export const SEARCH_CACHE = searchCacheIn(CONTENT_OUT);

/**
 * Puts a Pagefind bundle from the cache into a folder as hard links to the cache's files (copies where the two are on
 * different file systems). Creating a file costs this machine's disk about a third of a millisecond of kernel time:
 * a bundle of 1,156 files took 0.27–0.41 s to copy, 0.03–0.04 s to link. Nothing writes into a bundle's files once
 * Pagefind has: the build compresses them beside themselves and moves or deletes them whole.
 */
export function placeBundle(cached: string, folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  for (const entry of readdirSync(cached, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(folder, relative(cached, source));
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
      copyFileSync(source, target);
    }
  }
}

/** The bundles of the last build that finished, or none. */
export const readBundles = (path: string): PagefindBundle[] => readJsonFileOr(PagefindBundles, path, []);
export const writeBundles = (path: string, bundles: PagefindBundle[]): void =>
  writeJsonFile(PagefindBundles, path, bundles);
/**
 * A circular's line in the records file: its id before the record, so that a build can carry the line over, or hash
 * it, without reading the record.
 */
export const recordLine = (id: string, record: PagefindRecord): string => `${id}\t${JSON.stringify(record)}`;
/** Each line of a records file by circular: its bytes (from, to) and its number; the id is its text before the tab. */
function recordSpans(whole: Buffer): Map<string, [number, number, number]> {
  const spans = new Map<string, [number, number, number]>();
  for (let from = 0, n = 1; from < whole.length; n++) {
    const end = whole.indexOf(10, from);
    const to = end < 0 ? whole.length : end;
    const tab = whole.indexOf(9, from);
    // Ids are ASCII (recordLine).
    if (to > from) spans.set(whole.toString("latin1", from, tab >= 0 && tab < to ? tab : to), [from, to, n]);
    from = to + 1;
  }
  return spans;
}
/** This build's Pagefind records as their lines, by id (written as the phrase index reads each model). */
export function readRecordLines(path = SEARCH_CACHE.records): Map<string, RecordLine> {
  const whole = readFileSync(path);
  const lines = new Map<string, RecordLine>();
  for (const [id, [from, to, n]] of recordSpans(whole))
    lines.set(id, { text: whole.toString("utf8", from, to), where: `${path}:${n}` });
  return lines;
}
/**
 * The records file's lines by circular, each read from the file when asked. The Pagefind stage holds them while
 * Pagefind indexes bundle after bundle: read whole as text, the 10,009 records of the bench library held 122 MB of
 * the stage's 933 MB peak.
 */
export function openRecordLines(path = SEARCH_CACHE.records) {
  const spans = recordSpans(readFileSync(path));
  const fd = openSync(path, "r");
  const span = (id: string) => {
    const found = spans.get(id);
    if (!found) throw new Error(`${path}: no record of ${id}`);
    return found;
  };
  /** A line's bytes, as the file holds them. */
  const bytes = (id: string): Buffer => {
    const [from, to] = span(id);
    const out = Buffer.allocUnsafe(to - from);
    readSync(fd, out, 0, out.length, from);
    return out;
  };
  return {
    size: spans.size,
    bytes,
    line: (id: string): RecordLine => ({ text: bytes(id).toString("utf8"), where: `${path}:${span(id)[2]}` }),
    close: () => closeSync(fd),
  };
}
export interface RecordLine {
  text: string;
  /** file:line */
  where: string;
}
/** A line's record, checked. */
export const recordOf = ({ text, where }: RecordLine): PagefindRecord =>
  parseJson(PagefindRecord, text.slice(text.indexOf("\t") + 1), where);

const WordEntry = z.tuple([z.string(), z.string()]);
/**
 * Record contents by the hash of their texts (pagefindRecord.ts WordCache) from the file `path`, when a build of the
 * same code wrote it (`code`: PIPELINE_CODE; its first line names it); else none.
 */
export function readWords(code: string | undefined, path: string): Array<[string, string]> {
  if (!code || !existsSync(path)) return [];
  const [head, ...entries] = readJsonLines(WordEntry, path);
  return head?.[0] === "code" && head[1] === code ? entries : [];
}
export const writeWords = (code: string | undefined, path: string, entries: Array<[string, string]>): void =>
  writeFileSync(path, [["code", code ?? ""], ...entries].map((e) => JSON.stringify(WordEntry.parse(e))).join("\n"));

const FileHashes = z.record(z.string(), z.string());
/** What the search stage wrote of the phrase index (search-cache/written.json): build.ts applies it to dist/. */
export const SearchWritten = z.object({
  /** Only the files that changed were written: the others in dist/search-data/ stay. Else every file was. */
  onlyChanged: z.boolean(),
  /** Files (under search-data/) of the last build that this one no longer has: to delete. */
  gone: z.array(z.string()),
});
export type SearchWritten = z.infer<typeof SearchWritten>;

/**
 * The files of this build's phrase index against the last build's: a file of the same content need not be written
 * again (nor compressed, nor moved into dist/). Without the last build's hashes, every file is new.
 */
export class ChangedFiles {
  private readonly previous: Record<string, string> | null;
  private readonly hashes: Record<string, string> = {};
  written = 0;
  unchanged = 0;

  /**
   * `carried`: in a patch, the last build's files that stay as they are, though not written again (the base index's);
   * the others of the last build not written again are gone.
   */
  constructor(previous: Record<string, string> | null, carried: (path: string) => boolean = () => false) {
    this.previous = previous;
    for (const [path, hash] of Object.entries(previous ?? {})) if (carried(path)) this.hashes[path] = hash;
  }

  /** The hashes of the last build's files at `path` (search-cache/files.json), or null when there are none. */
  static read(path: string): Record<string, string> | null {
    return readJsonFileOr(FileHashes, path, null);
  }

  /** Whether the file must be written: it is new, or its content changed. */
  changed(path: string, content: string): boolean {
    const hash = createHash("sha1").update(content).digest("base64url");
    this.hashes[path] = hash;
    const same = this.previous?.[path] === hash;
    if (same) this.unchanged++;
    else this.written++;
    return !same;
  }

  /** What was written, for build.ts; the hashes for the next build. */
  save(written: string, hashes: string): void {
    const gone = this.previous ? Object.keys(this.previous).filter((p) => !(p in this.hashes)) : [];
    writeJsonFile(SearchWritten, written, { onlyChanged: this.previous !== null, gone });
    writeJsonFile(FileHashes, hashes, this.hashes);
  }
}

/** The Pagefind folders of the last build and their bundles' keys (search-cache/folders.json). */
export const PagefindFolders = z.record(z.string(), z.string());
