/** A library indexed by Pagefind in several bundles answers from all of them. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildSite, seedCorpus } from "../site/build.ts";
import { launchBrowser, serveStatic, siteModels, type StaticServer } from "./harness.ts";

const site = buildSite({ corpus: seedCorpus(), env: { PAGEFIND_BUNDLE: "2" } });
let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(site.dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("Pagefind in bundles", () => {
  it("writes one bundle per two circulars and merges them in the browser", async () => {
    expect(["pagefind", "pagefind-1", "pagefind-2"].every((b) => existsSync(join(site.dist, b, "pagefind.js")))).toBe(true);
    const page = await browser.newPage();
    // No circular holds the phrase; Pagefind's related results come from every bundle.
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent("预案应急")}`);
    await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
    const shown = await page.locator("#search-results li.result h2 a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Pagefind's words: 预 and 案 (as prefixes) and 应急, in the title, issuers or text.
    const text = (m: { title: string; issuers: string[]; body: string }) => [m.title, ...m.issuers, m.body].join(" ");
    const expected = siteModels(site.content).filter((m) => /预/.test(text(m)) && /案/.test(text(m)) && text(m).includes("应急")).map((m) => `/circulars/${m.id}/`);
    expect(shown.sort()).toEqual(expected.sort());
    await page.close();
  });
});
