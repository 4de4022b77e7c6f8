/**
 * Precompressed copies of the site's text files, written beside them (page.html.gz,
 * page.html.br) for a server that sends them as they are (nginx gzip_static / brotli_static:
 * deploy/nginx.conf) instead of compressing each response. Files compressed already
 * (Pagefind's index and WebAssembly, the phrase index's .gz files) are left alone, and so is
 * a file whose copies are already there and newer (the search stage compresses Pagefind's
 * scripts beside the site build). Node's own zlib; the work runs in libuv's thread pool, a few files at a time.
 *
 * With a cache folder, the copies of a file whose bytes were compressed before (in an
 * earlier build) are linked from the cache instead of made again: after adding ten
 * documents to a large library, most pages are byte for byte as they were.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { copyFile, link, mkdir, readFile, readdir, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const TEXT = /\.(html|css|js|mjs|json|xml|svg|txt|csv)$/;
/** Below this a compressed copy saves less than a network packet. */
const MIN_BYTES = 1024;
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface PrecompressResult {
  files: number;
  bytes: number;
  /** The sizes of the copies this pass made or took from the cache. */
  gzipBytes: number;
  brotliBytes: number;
  /** Files whose copies came from the cache. */
  reused: number;
}

/**
 * How hard to compress, and whether to make a brotli copy (`null`: a .gz copy alone). Pages, styles and scripts
 * compress well and are worth brotli 5 (a quarter of the circulars' pages at 10,000: 15.2% of their bytes against
 * 17.7% at brotli 4 and 18.2% at gzip 6). The data exports gain 1–2% from brotli 5 at twice the time of brotli 4, and
 * brotli 4 makes clauses.csv a fifth of its gzip size. (The phrase index's files gain nothing from brotli: they are
 * stored gzipped alone, search/storedFiles.ts.) Nor do the sources' plain text
 * (data/sources/): brotli 4 makes Chinese text larger than gzip 4 (the bench's 10,000 sources 44.4% against 42.8%,
 * the bundled regulations 32.3% against 31.4%), and each copy is one more file to create (a third of a millisecond of
 * the kernel's time each on this machine's disk). Nor, nearly, each document's JSON (data/circulars/<id>.json,
 * fetched by the comparison and the 摘编 basket): 400 of the bench's at 10,000, 58 KB each, gzip 4 16.9% of their
 * bytes and 0.51 ms, brotli 4 14.6% and 0.58 ms more; at 10,000 that is 10,000 more files (and their links) for
 * 1.3 KB a fetch.
 */
type Suffix = ".gz" | ".br";
interface Level {
  gzip: number;
  brotli: number | null;
}
const LEVELS = {
  pages: { gzip: 6, brotli: 5 },
  data: { gzip: 4, brotli: 4 },
  gzipOnly: { gzip: 4, brotli: null },
} satisfies Record<string, Level>;
export const levelOf = (relativePath: string): Level =>
  ["data/sources/", "data/circulars/"].some((folder) => relativePath.startsWith(folder))
    ? LEVELS.gzipOnly
    : relativePath.startsWith("data/")
      ? LEVELS.data
      : LEVELS.pages;

/**
 * Links `from` to `to` (replacing it), copying where a link cannot be made (another file system). The copy is dated
 * now, as one made now would be: a later pass sees it is newer than its file and leaves it (a copy from the cache kept
 * the date it was first made, so each pass beside a site build read and hashed the same pages again).
 */
async function place(from: string, to: string): Promise<void> {
  await unlink(to).catch(() => undefined);
  await link(from, to).catch(() => copyFile(from, to));
  const now = new Date();
  await utimes(to, now, now);
}

export interface PrecompressOptions {
  cache?: string;
  concurrency?: number;
  /** Hears of each text file done, with how many there are (for a progress bar). */
  onFile?: (total: number) => void;
  /**
   * Only files last written before this time (ms since the epoch): a pass beside a build that is still writing
   * leaves the files it may be writing now. Such a pass leaves the cache as it is; the last pass prunes it.
   */
  writtenBefore?: number;
  /** Asked before each file: true ends the pass there (the files left are the next pass's). */
  stop?: () => boolean;
  /**
   * Only these files (paths under `dir`, missing ones skipped) instead of every file of `dir`: a pass beside a site
   * build takes the pages its plan names, and lists no folder.
   */
  names?: string[];
  /** Hears of each file this pass has made copies of, or found with copies newer than it or too small for any. */
  settled?: (name: string) => void;
}

export async function precompress(dir: string, options: PrecompressOptions = {}): Promise<PrecompressResult> {
  const { cache, concurrency = 8, onFile, writtenBefore, stop, settled } = options;
  const names = (options.names ?? (await readdir(dir, { recursive: true }))).filter((n) => TEXT.test(n));
  const result: PrecompressResult = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0, reused: 0 };
  const used = new Set<string>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < names.length && !stop?.(); i = next++) {
      onFile?.(names.length);
      const name = names[i]!;
      const file = join(dir, name);
      const info = await stat(file).catch(() => null);
      if (!info || (writtenBefore !== undefined && info.mtimeMs >= writtenBefore)) continue;
      if (info.size < MIN_BYTES) {
        settled?.(name);
        continue;
      }
      const level = levelOf(name.split("\\").join("/"));
      const suffixes: Suffix[] = level.brotli === null ? [".gz"] : [".gz", ".br"];
      const copies = await Promise.all(suffixes.map((s) => stat(`${file}${s}`).catch(() => null)));
      // The copies to make: those missing or older than the file (exports.ts makes clauses.csv's .gz itself).
      const stale = suffixes.filter((_, i) => !(copies[i] && copies[i].mtimeMs >= info.mtimeMs));
      if (stale.length === 0) {
        settled?.(name);
        continue;
      }
      const raw = await readFile(file);
      const key = cache ? createHash("sha1").update(raw).update(`${level.gzip}/${level.brotli}`).digest("hex") : "";
      const cached = cache ? join(cache, key.slice(0, 2), key) : "";
      result.files++;
      result.bytes += raw.length;
      if (cache) used.add(key);
      const hits = await Promise.all(stale.map((s) => (cache ? stat(`${cached}${s}`).catch(() => null) : null)));
      const sizes = await Promise.all(
        stale.map(async (s, i) => {
          if (hits[i]) {
            await place(`${cached}${s}`, `${file}${s}`);
            return hits[i].size;
          }
          const bytes = await (s === ".gz"
            ? gzipAsync(raw, { level: level.gzip })
            : brotliAsync(raw, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: level.brotli!,
                  [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                },
              }));
          if (cache) {
            await mkdir(join(cache, key.slice(0, 2)), { recursive: true });
            await writeFile(`${cached}${s}`, bytes);
            await place(`${cached}${s}`, `${file}${s}`);
          } else await writeFile(`${file}${s}`, bytes);
          return bytes.length;
        }),
      );
      if (hits.every(Boolean)) result.reused++;
      stale.forEach((s, i) => (s === ".gz" ? (result.gzipBytes += sizes[i]!) : (result.brotliBytes += sizes[i]!)));
      settled?.(name);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // The cache keeps what this build used, and what a site still links to (an incremental
  // build compresses only the files that changed: the others' copies in dist/ are links to
  // the cache); nothing older. Synchronous, as nothing else runs now: at 68,000 copies the
  // promises' stats took 2.8 s, the same stats synchronous 0.45 s.
  if (cache && writtenBefore === undefined && existsSync(cache)) {
    for (const sub of readdirSync(cache)) {
      for (const f of readdirSync(join(cache, sub))) {
        if (used.has(f.replace(/\.(gz|br)$/, ""))) continue;
        const path = join(cache, sub, f);
        if (statSync(path).nlink < 2) rmSync(path, { force: true });
      }
    }
  }
  return result;
}
