/**
 * Precompressed copies of the site's text files, written beside them (page.html.gz,
 * page.html.br) for a server that sends them as they are (nginx gzip_static / brotli_static:
 * deploy/nginx.conf) instead of compressing each response. Pagefind's index files and its
 * WebAssembly are compressed already and are left alone, and so is a file whose copies are
 * already there and newer (the search stage compresses its own files beside the site
 * build). Node's own zlib; the work runs in libuv's thread pool, a few files at a time.
 */
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
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
  gzipBytes: number;
  brotliBytes: number;
}

/** How hard to compress: pages and scripts compress well and are worth brotli 5; index files of near-random postings gain 1–2% from it, at twice the time. */
export type Effort = "pages" | "index";
const LEVELS: Record<Effort, { gzip: number; brotli: number }> = { pages: { gzip: 6, brotli: 5 }, index: { gzip: 4, brotli: 4 } };

export async function precompress(dir: string, effort: Effort = "pages", concurrency = 8): Promise<PrecompressResult> {
  const level = LEVELS[effort];
  const names = (await readdir(dir, { recursive: true })).filter((n) => TEXT.test(n));
  const result: PrecompressResult = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < names.length; i = next++) {
      const file = join(dir, names[i]!);
      const info = await stat(file);
      if (info.size < MIN_BYTES) continue;
      const copies = await Promise.all([stat(`${file}.gz`).catch(() => null), stat(`${file}.br`).catch(() => null)]);
      if (copies.every((c) => c && c.mtimeMs >= info.mtimeMs)) continue;
      const raw = await readFile(file);
      // Brotli quality 5 for pages: most of quality 11's gain at a small part of its time on a large site.
      const [gz, br] = await Promise.all([
        gzipAsync(raw, { level: level.gzip }),
        brotliAsync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: level.brotli, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      ]);
      await Promise.all([writeFile(`${file}.gz`, gz), writeFile(`${file}.br`, br)]);
      result.files++;
      result.bytes += raw.length;
      result.gzipBytes += gz.length;
      result.brotliBytes += br.length;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}
