/**
 * `node scripts/search-cost.ts [DIST_DIR]`: what a visitor downloads to search, measured in
 * the real browser: bytes of every response after the search page has loaded, for a first
 * query and for each further one. Prints one JSON object per query: `kb` as the files are,
 * `kbCompressed` as they travel when the server sends the build's .br/.gz copies.
 */
import { resolve } from "node:path";
import { launchBrowser, serveStatic } from "../src/bench/browser.ts";

const dist = resolve(process.argv[2] ?? process.env.DIST_DIR ?? "dist");
const queries = (process.env.QUERIES ?? "应急预案,隐患排查治理,危险化学品,安全生产责任制,消防").split(",");
const server = await serveStatic(dist);
const browser = await launchBrowser();
const page = await browser.newPage();
/** Bytes of the resources fetched since resource number `from` (Resource Timing). */
const fetched = (from: number) =>
  page.evaluate((n) => {
    const entries = performance.getEntriesByType("resource").slice(n) as PerformanceResourceTiming[];
    return { count: entries.length, bytes: entries.reduce((sum, e) => sum + e.decodedBodySize, 0), compressed: entries.reduce((sum, e) => sum + e.encodedBodySize, 0) };
  }, from);
await page.goto(`${server.origin}/search/`, { waitUntil: "networkidle" });
await page.evaluate(() => performance.setResourceTimingBufferSize(100_000));
const html = await page.evaluate(() => {
  const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
  return { raw: nav.decodedBodySize, compressed: nav.encodedBodySize };
});
const load = await fetched(0);
const kb = (n: number) => +(n / 1024).toFixed(1);
console.log(JSON.stringify({ stage: "search page load", kb: kb(html.raw + load.bytes), kbCompressed: kb(html.compressed + load.compressed), requests: load.count + 1 }));
let seen = load.count;
for (const [i, q] of queries.entries()) {
  await page.fill("#q", q);
  await page.evaluate(() => (document.getElementById("search-results")!.dataset.state = "stale"));
  await page.click("#search-form button[type=submit]");
  await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done", null, { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const status = await page.locator("#search-status").textContent();
  const used = await fetched(seen);
  seen += used.count;
  console.log(JSON.stringify({ stage: i === 0 ? "first search" : "further search", query: q, kb: kb(used.bytes), kbCompressed: kb(used.compressed), requests: used.count, status }));
}
await browser.close();
await server.close();
