/**
 * `npm run bench:pdf [-- PAGES]`: prints how long a PDF of PAGES pages (default 100) takes to
 * read and parse. The PDF is printed by the test browser from the seeds, repeated until it
 * is long enough (A5, page numbers in the footer). One JSON line: {pages, bytes, extractMs, parseMs, clauses}.
 */
import { launchBrowser } from "../src/bench/browser.ts";
import { extractPdf } from "../src/ingest/formats/pdf.ts";
import { parseSource } from "../src/ingest/parse.ts";
import { decode } from "../src/ingest/read.ts";
import { DEFAULT_CORPUS } from "../src/config/paths.ts";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { clausesOf } from "../src/model/clauses.ts";

const pages = Number(process.argv[2] ?? 100);
const seeds = readdirSync(DEFAULT_CORPUS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => {
    const d = decode(readFileSync(join(DEFAULT_CORPUS, f)));
    return d.ok ? d.text : "";
  });
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const browser = await launchBrowser();
const page = await browser.newPage();
// Enough text for the pages asked: one seed is about four A5 pages.
const body = Array.from({ length: Math.ceil(pages / 3) }, (_, i) => seeds[i % seeds.length]!)
  .join("\n")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => `<p>${escape(l.trim())}</p>`)
  .join("");
await page.setContent(
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{font-family:"Noto Sans SC";` +
    `font-size:14px;line-height:1.8} p{margin:0;text-indent:2em}</style></head><body>${body}</body></html>`,
);
const pdf = await page.pdf({
  format: "A5",
  pageRanges: `1-${pages}`,
  displayHeaderFooter: true,
  headerTemplate: "<span></span>",
  footerTemplate: '<div style="font-size:10px;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
  margin: { top: "20mm", bottom: "22mm", left: "18mm", right: "18mm" },
});
await browser.close();
const t0 = performance.now();
const x = await extractPdf(pdf);
const t1 = performance.now();
const r = await parseSource(pdf, "bench.pdf");
const t2 = performance.now();
if (!x.ok || !r.ok) throw new Error("the benchmark PDF did not parse");
console.log(
  JSON.stringify({
    pages,
    bytes: pdf.length,
    extractMs: Math.round(t1 - t0),
    parseMs: Math.round(t2 - t1),
    clauses: clausesOf(r.value).length,
  }),
);
