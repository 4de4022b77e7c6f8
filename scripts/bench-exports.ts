/**
 * `npm run bench:exports [-- DIST_DIR]`: what the Word and spreadsheet exports cost, on a
 * built site (default dist/) and its models. Prints one JSON line each:
 * - "build-time docx": making every document's .docx at build time, measured on the
 *   library's models in Node, and what it would cost at 10,000 documents (time, bytes);
 * - "page without export": the bytes a document page loads, and how many of them are the
 *   export and basket code (the Word and Excel code is fetched only when a button is pressed);
 * - "document docx on demand": the bytes fetched and the time taken by pressing 下载 Word;
 * - "100-clause 摘编": the time from pressing 导出 Word on a basket of 100 clauses to the file.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchBrowser, serveStatic } from "../src/bench/browser.ts";
import { loadModel, oldestFirst } from "../src/library/store.ts";
import { documentWord, toBuffer } from "../src/exports/word.ts";
import { excerptOf } from "../src/exports/excerpt.ts";
import { clausesOf } from "../src/model/clauses.ts";

const dist = resolve(process.argv[2] ?? process.env.DIST_DIR ?? "dist");
const kb = (n: number) => +(n / 1024).toFixed(1);
const ids = oldestFirst();

// Build time: every document's Word file, in Node.
let bytes = 0;
const started = performance.now();
for (const id of ids)
  bytes += (await toBuffer(documentWord(loadModel(id), { url: `https://example.gov.cn/circulars/${id}/` }))).length;
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    stage: "build-time docx",
    documents: ids.length,
    ms: Math.round(ms),
    msPerDocument: +(ms / ids.length).toFixed(1),
    mb: +(bytes / 1e6).toFixed(1),
    at10000: {
      seconds: Math.round(((ms / ids.length) * 10_000) / 1000),
      mb: Math.round(((bytes / ids.length) * 10_000) / 1e6),
    },
  }),
);

const server = await serveStatic(dist);
const browser = await launchBrowser();
const context = await browser.newContext({ acceptDownloads: true });
const page = await context.newPage();
const resources = (from = 0) =>
  page.evaluate(
    (n) =>
      (performance.getEntriesByType("resource").slice(n) as PerformanceResourceTiming[]).map((e) => ({
        name: e.name,
        bytes: e.decodedBodySize,
        type: e.initiatorType,
      })),
    from,
  );

// A document page as a reader opens it: what its scripts weigh, and what of it is export code.
const id = ids.at(-1)!;
await page.goto(`${server.origin}/circulars/${id}/`, { waitUntil: "networkidle" });
await page.evaluate(() => performance.setResourceTimingBufferSize(10_000));
const loaded = (await resources()).filter((r) => r.name.endsWith(".js"));
const source = (url: string) => readFileSync(join(dist, new URL(url).pathname), "utf8");
// The basket and export buttons' wiring is on the page; the Word (docx) and Excel libraries are not.
const wiring = loaded.filter((r) => /data-basket|正在生成 Word/.test(source(r.name)));
const libraries = loaded.filter((r) => /Packer|sharedStrings/.test(source(r.name)));
console.log(
  JSON.stringify({
    stage: "page without export",
    scripts: loaded.length,
    kb: kb(loaded.reduce((n, r) => n + r.bytes, 0)),
    basketAndExportWiringKb: kb(wiring.reduce((n, r) => n + r.bytes, 0)),
    wordOrExcelLibraryKb: kb(libraries.reduce((n, r) => n + r.bytes, 0)),
  }),
);

// Pressing 下载 Word: what it fetches, how long it takes.
let seen = (await resources()).length;
let t = performance.now();
await Promise.all([page.waitForEvent("download"), page.click('[data-export="docx"]')]);
const onDemand = await resources(seen);
console.log(
  JSON.stringify({
    stage: "document docx on demand",
    ms: Math.round(performance.now() - t),
    fetchedKb: kb(onDemand.reduce((n, r) => n + r.bytes, 0)),
    requests: onDemand.length,
  }),
);

// A basket of 100 clauses from across the library, exported as a Word 摘编.
const excerpts = ids
  .flatMap((d) => {
    const m = loadModel(d);
    return clausesOf(m)
      .slice(0, 3)
      .map((c) => excerptOf(m, c.id, `${server.origin}/circulars/${d}/#${c.id}`)!);
  })
  .slice(0, 100);
await page.goto(`${server.origin}/basket/`);
await page.evaluate((items) => localStorage.setItem("policy-library-basket", JSON.stringify(items)), excerpts);
await page.reload({ waitUntil: "networkidle" });
seen = (await resources()).length;
t = performance.now();
const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-basket="export-docx"]')]);
const took = Math.round(performance.now() - t);
console.log(
  JSON.stringify({
    stage: "100-clause 摘编",
    clauses: excerpts.length,
    ms: took,
    kb: kb(readFileSync((await file.path())!).length),
    fetchedKb: kb((await resources(seen)).reduce((n, r) => n + r.bytes, 0)),
  }),
);

await browser.close();
await server.close();
