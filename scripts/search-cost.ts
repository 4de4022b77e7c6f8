/**
 * `node scripts/search-cost.ts [DIST_DIR]`: what a visitor downloads to search, measured in
 * the real browser (src/bench/searchCost.ts). Prints one JSON object per query: `kb` as
 * the files are, `kbCompressed` as they travel when the server sends the build's .br/.gz
 * copies. BASE_PATH: the base the site was built for.
 */
import { resolve } from "node:path";
import { serveStatic } from "../src/bench/browser.ts";
import { measureSearchCost } from "../src/bench/searchCost.ts";
import { normalizeBase } from "../src/config/urls.ts";

const dist = resolve(process.argv[2] ?? process.env.DIST_DIR ?? "dist");
const base = normalizeBase(process.env.BASE_PATH);
const queries = (process.env.QUERIES ?? "应急预案,隐患排查治理,危险化学品,安全生产责任制,消防").split(",");
const server = await serveStatic(dist, base);
try {
  await measureSearchCost(`${server.origin}${base}search/`, queries, (line) => console.log(JSON.stringify(line)));
} finally {
  await server.close();
}
