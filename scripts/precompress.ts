/** `node scripts/precompress.ts`: writes .gz and .br beside every text file of dist/ (or DIST_DIR). */
import { resolve, join } from "node:path";
import { ROOT } from "../src/config/paths.ts";
import { precompress } from "../src/site/precompress.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
const r = await precompress(dist);
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
console.log(`precompress: ${r.files} files, ${mb(r.bytes)} → gzip ${mb(r.gzipBytes)}, brotli ${mb(r.brotliBytes)}`);
