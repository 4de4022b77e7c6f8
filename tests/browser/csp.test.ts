/**
 * The site under a portal's strict Content-Security-Policy (config/security.ts, sent as a
 * response header) at a sub-path, with the seeds and a hostile circular: no page type raises
 * a `securitypolicyviolation`, and search, compare and copy-citation still work. The check
 * is shown to fail on a page with an inline script.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { parse } from "node-html-parser";
import { SECURITY_HEADERS } from "../../src/config/security.ts";
import { circularId } from "../../src/ingest/parse.ts";
import { htmlFiles } from "../site/html.ts";
import { serveStatic, sharedBrowser, siteModels, type StaticServer } from "./harness.ts";
import mammoth from "mammoth";
import readXlsxFile from "read-excel-file/node";
import { clausesOf } from "../../src/model/clauses.ts";

const site = inject("portalSite");
const BASE = site.base;
const models = siteModels(site.content);
const hostile = circularId("hostile.txt");
const [a, b] = models.filter((m) => m.id !== hostile) as [(typeof models)[number], (typeof models)[number]];
const PAGES: Record<string, string> = {
  home: "",
  list: "circulars/",
  circular: `circulars/${a.id}/`,
  hostile: `circulars/${hostile}/`,
  topics: "topics/",
  topic: "topics/urban-safety/",
  topicYear: "topics/urban-safety/2019/",
  region: "regions/220000/",
  year: "years/2019/",
  departments: "departments/220000/",
  citations: "citations/",
  kinds: "kinds/",
  data: "data/",
  // Search, for a phrase, one character and related words: "search finds circulars" below.
  compare: `compare/?a=${a.id}&b=${b.id}`,
  basket: "basket/",
};

let browser: Browser;
let server: StaticServer;
let fixtures: StaticServer;
beforeAll(async () => {
  server = await serveStatic(site.dist, BASE, SECURITY_HEADERS);
  const dir = mkdtempSync(join(tmpdir(), "csp-"));
  writeFileSync(
    join(dir, "inline.html"),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>坏页</title></head><body>' +
      '<h1>坏页</h1><script>document.title = "x"</script><p style="color:red">文字</p></body></html>',
  );
  fixtures = await serveStatic(dir, "/", SECURITY_HEADERS);
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixtures?.close();
});

/**
 * The page `open` navigates (one for the file: a new page costs the browser a renderer process), allowed the clipboard,
 * with a listener for CSP violations installed in each document before any of its scripts run.
 */
let context: BrowserContext;
let page: Page;

async function open(url: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  if (!context) {
    context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    page = await context.newPage();
  }
  await page.goto(url);
  await page.waitForFunction(() =>
    ["search-results", "compare-output"].every(
      (id) => !document.getElementById(id) || document.getElementById(id)!.dataset.state === "done",
    ),
  );
  return {
    page,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

describe(`under the portal's Content-Security-Policy, at ${BASE}`, () => {
  it("the policy is the response header of every page", async () => {
    const res = await fetch(server.origin + BASE);
    expect(res.headers.get("content-security-policy")).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
  });

  it("no page holds an inline script, an inline style element or a style attribute", () => {
    const offending = htmlFiles(site.dist).flatMap((f) => {
      const html = parse(readFileSync(f, "utf8"));
      const found = [
        ...html
          .querySelectorAll("script")
          .filter((s) => !s.getAttribute("src"))
          .map(() => "inline script"),
        ...html.querySelectorAll("style").map(() => "style element"),
        ...html.querySelectorAll("[style]").map((e) => `style attribute on <${e.tagName.toLowerCase()}>`),
      ];
      return found.length ? [`${f}: ${[...new Set(found)].join(", ")}`] : [];
    });
    expect(offending).toEqual([]);
    // The hostile circular's <script> is text: in the page, and in its copy-citation attribute.
    expect(readFileSync(join(site.dist, "circulars", hostile, "index.html"), "utf8")).toContain("&lt;script&gt;alert");
  });

  it.each(Object.entries(PAGES))("%s: no violation", async (_name, path) => {
    const { page, violations } = await open(server.origin + BASE + path);
    expect(await violations()).toEqual([]);
  });

  it("search finds circulars, for a phrase, one character, and related words (Pagefind)", async () => {
    for (const q of ["应急预案", "安", "预案应急"]) {
      const { page, violations } = await open(`${server.origin}${BASE}search/?q=${encodeURIComponent(q)}`);
      // Each result links to a circular of this site and shows a passage holding the words.
      const results = await page
        .locator("#search-results li.result")
        .evaluateAll((ls) =>
          ls.map((l) => ({ href: l.querySelector("a")?.getAttribute("href"), text: l.textContent })),
        );
      expect(results.length, q).toBeGreaterThan(0);
      for (const r of results) {
        expect(r.href, q).toMatch(new RegExp(`^${BASE}circulars/[^/]+/`));
        expect(q === "预案应急" ? /预案|应急/.test(r.text!) : r.text!.includes(q), `${q}: ${r.text}`).toBe(true);
      }
      // The related words went through Pagefind, and its WebAssembly ran under the policy.
      if (q === "预案应急")
        expect(await page.locator("#search-status").textContent()).toMatch(
          /^没有文件含“预案应急”。以下是含有其中词语的相关文件/,
        );
      expect(await violations()).toEqual([]);
    }
  });

  it("compare aligns clauses", async () => {
    const { page } = await open(`${server.origin}${BASE}${PAGES.compare}`);
    // Clauses of both documents side by side, each pair with its similarity.
    const rows = await page.locator("tr.aligned").evaluateAll((rs) =>
      rs.map((r) => ({
        a: (r as HTMLElement).dataset.a,
        b: (r as HTMLElement).dataset.b,
        score: (r as HTMLElement).dataset.score,
      })),
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      expect(clausesOf(a).some((c) => c.id === r.a)).toBe(true);
      expect(clausesOf(b).some((c) => c.id === r.b)).toBe(true);
      expect(Number(r.score)).toBeGreaterThan(0);
    }
  });

  it("copy-citation copies the clause's citation", async () => {
    const { page, violations } = await open(`${server.origin}${BASE}${PAGES.circular}`);
    const button = page.locator("button.copy-cite").first();
    await button.click();
    await expect.poll(() => button.textContent()).toBe("已复制");
    const cite = await page.locator("article.clause [data-cite]").first().textContent();
    expect(cite).toMatch(/^《.+》.+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cite);
    expect(await violations()).toEqual([]);
  });

  it(
    "every export makes its file under the policy: a document's Word, the" +
      " 摘编 across a reload, search results, a comparison and a version diff",
    async () => {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
      const save = async (selector: string) => {
        const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
        // The browser runs apart (tests/setup/site.ts): the file is copied here to be read.
        const copy = join(mkdtempSync(join(tmpdir(), "download-")), file.suggestedFilename());
        await file.saveAs(copy);
        return { name: file.suggestedFilename(), bytes: readFileSync(copy) };
      };
      // A document as Word, read back.
      await page.goto(`${server.origin}${BASE}${PAGES.circular}`);
      const word = await save('[data-export="docx"]');
      expect(word.name).toBe(`${a.title.replace(/[\\/:*?"<>|\s]+/g, "")}.docx`);
      expect((await mammoth.extractRawText({ buffer: word.bytes })).value.replace(/\s+/g, "")).toContain(
        clausesOf(a)[0]!.text.replace(/\s+/g, ""),
      );
      // Two clauses into the 摘编, which outlives a reload.
      const add = (clause: string) =>
        page.click(`xpath=//*[@id="${clause}"]/ancestor::article[1]//button[@data-basket="add"]`);
      await add(clausesOf(a)[0]!.id);
      await expect.poll(() => page.locator("#basket-status").textContent()).toContain("共 1 条");
      await add(clausesOf(a)[1]!.id);
      await expect.poll(() => page.locator("#basket-status").textContent()).toContain("共 2 条");
      await page.goto(`${server.origin}${BASE}basket/`);
      await page.reload();
      await expect.poll(() => page.locator("#basket-list li").count()).toBe(2);
      // Reordered with the keyboard: focus stays with the item moved.
      await page.locator('#basket-list li:nth-child(2) [data-action="up"]').focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.locator("#basket-list li:first-child").getAttribute("data-clause-id"))
        .toBe(clausesOf(a)[1]!.id);
      // It is first now, so its 上移 is disabled: focus is on its 下移.
      expect(
        await page.evaluate(() => [
          document.activeElement?.getAttribute("data-action"),
          document.activeElement?.closest("li")?.getAttribute("data-clause-id"),
        ]),
      ).toEqual(["down", clausesOf(a)[1]!.id]);
      const excerpts = await save('[data-basket="export-docx"]');
      const text = (await mammoth.extractRawText({ buffer: excerpts.bytes })).value.replace(/\s+/g, "");
      expect(text.indexOf(clausesOf(a)[1]!.text.replace(/\s+/g, ""))).toBeLessThan(
        text.indexOf(clausesOf(a)[0]!.text.replace(/\s+/g, "")),
      );
      const basketCsv = await save('[data-basket="export-csv"]');
      expect(basketCsv.bytes.toString("utf8").split("\r\n")[0]).toBe(
        "\ufeff序号,标题,文号,成文日期,地区,主题,条款,引用,摘录,链接",
      );
      await page.locator('#basket-list li:first-child [data-basket="remove"]').click();
      await expect.poll(() => page.locator("#basket-list li").count()).toBe(1);
      // Search results as Excel and CSV.
      await page.goto(`${server.origin}${BASE}search/?q=${encodeURIComponent("应急预案")}`);
      await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
      const sheet = await save('#search-exports [data-export="xlsx"]');
      const [data] = (await readXlsxFile(sheet.bytes)) as unknown as Array<{ data: string[][] }>;
      expect(data!.data[0]).toEqual(["标题", "文号", "成文日期", "地区", "条款", "引用", "段落", "链接"]);
      expect(data!.data.length).toBeGreaterThan(2);
      expect(data!.data.slice(1).every((r) => r[6]!.includes("应急预案"))).toBe(true);
      expect((await save('#search-exports [data-export="csv"]')).name).toBe("检索结果-应急预案.csv");
      // A comparison as Word and Excel; a version diff as Word.
      await page.goto(`${server.origin}${BASE}${PAGES.compare}`);
      await page.waitForFunction(() => document.getElementById("compare-output")!.dataset.state === "done");
      expect((await save('#compare-exports [data-export="docx"]')).name).toBe("条款对照表.docx");
      expect((await save('#compare-exports [data-export="xlsx"]')).name).toBe("条款对照表.xlsx");
      await page.goto(`${server.origin}${BASE}compare/?a=${a.id}&b=${b.id}&mode=diff`);
      await page.waitForFunction(() => document.getElementById("compare-output")!.dataset.state === "done");
      const diff = await save('#compare-exports [data-export="docx"]');
      expect(diff.name).toBe("版本差异.docx");
      expect(await violations()).toEqual([]);
      await context.close();
    },
  );

  it("the check fails on a page with an inline script and a style attribute", async () => {
    const { page, violations } = await open(`${fixtures.origin}/inline.html`);
    const seen = await violations();
    expect(seen.some((v) => v.startsWith("script-src"))).toBe(true);
    expect(seen.some((v) => v.startsWith("style-src"))).toBe(true);
  });
});
