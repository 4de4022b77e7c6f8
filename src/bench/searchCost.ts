/**
 * What a visitor downloads to search, measured in the real browser: bytes of every
 * response after the search page has loaded, for a first query and each further one
 * (Resource Timing): `kb` as the files are, `kbCompressed` as they travel when the server
 * sends the build's .br/.gz copies.
 */
import { launchBrowser } from "./browser.ts";

export interface SearchCost {
  stage: "search page load" | "first search" | "further search";
  query?: string;
  kb: number;
  kbCompressed: number;
  requests: number;
  status?: string | null;
}

/** Opens the search page at `searchUrl` and runs each query; `onLine` hears of each measurement. */
export async function measureSearchCost(
  searchUrl: string,
  queries: string[],
  onLine: (line: SearchCost) => void,
): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    /** Bytes of the resources fetched since resource number `from`. */
    const fetched = (from: number) =>
      page.evaluate((n) => {
        const entries = performance.getEntriesByType("resource").slice(n) as PerformanceResourceTiming[];
        return {
          count: entries.length,
          bytes: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
          compressed: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
        };
      }, from);
    await page.goto(searchUrl, { waitUntil: "networkidle" });
    await page.evaluate(() => performance.setResourceTimingBufferSize(100_000));
    const html = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { raw: nav.decodedBodySize, compressed: nav.encodedBodySize };
    });
    const load = await fetched(0);
    const kb = (n: number) => +(n / 1024).toFixed(1);
    onLine({
      stage: "search page load",
      kb: kb(html.raw + load.bytes),
      kbCompressed: kb(html.compressed + load.compressed),
      requests: load.count + 1,
    });
    let seen = load.count;
    for (const [i, q] of queries.entries()) {
      await page.fill("#q", q);
      await page.evaluate(() => (document.getElementById("search-results")!.dataset.state = "stale"));
      await page.click("#search-form button[type=submit]");
      await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done", null, {
        timeout: 60_000,
      });
      await page.waitForLoadState("networkidle");
      const status = await page.locator("#search-status").textContent();
      const used = await fetched(seen);
      seen += used.count;
      onLine({
        stage: i === 0 ? "first search" : "further search",
        query: q,
        kb: kb(used.bytes),
        kbCompressed: kb(used.compressed),
        requests: used.count,
        status,
      });
    }
  } finally {
    await browser.close();
  }
}
