/**
 * `node scripts/precompress.ts`: writes .gz and .br beside every text file of dist/ (or
 * DIST_DIR), reusing the copies of files compressed by an earlier build
 * (INGEST_OUT/compress-cache/).
 */
import { resolve, join } from "node:path";
import { CONTENT_OUT, ROOT } from "../src/config/paths.ts";
import { precompress } from "../src/site/precompress.ts";
import { progressOnceKnown } from "../src/bench/progress.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
const bar = progressOnceKnown("precompress", { unit: "files" });
const r = await precompress(dist, { cache: join(CONTENT_OUT, "compress-cache"), onFile: bar.tick });
bar.done();
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
console.log(
  `precompress: ${r.files} files (${r.reused} from the cache),` +
    ` ${mb(r.bytes)} → gzip ${mb(r.gzipBytes)}, brotli ${mb(r.brotliBytes)}`,
);
