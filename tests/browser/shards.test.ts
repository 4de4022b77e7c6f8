/**
 * A library built in two shards — Jilin's circulars, and the others — by two separate build
 * processes, each a site under its own path, searched as one from either shard's search page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { serveSites, sharedBrowser, siteModels, type StaticServer } from "./harness.ts";
import { phraseKey } from "../../src/text/keys.ts";
import type { Circular } from "../../src/model/circular.ts";

// Two builds, two processes (tests/setup/site.ts); each names the other as its peer.
const { jilin: a, others: b } = inject("shards");
const [JILIN, OTHERS] = [a.base, b.base];
const models: Array<Circular & { base: string }> = [
  ...siteModels(a.content).map((m) => ({ ...m, base: JILIN })),
  ...siteModels(b.content).map((m) => ({ ...m, base: OTHERS })),
];

let browser: Browser;
let server: StaticServer;
let page: Page;
beforeAll(async () => {
  server = await serveSites([
    { base: JILIN, dir: a.dist },
    { base: OTHERS, dir: b.dist },
  ]);
  browser = await sharedBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every result's link, after showing them all. */
async function search(from: string, q: string): Promise<string[]> {
  await page.goto(`${server.origin}${from}search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
  while (await page.locator("#search-more").isVisible()) {
    const shown = await page.locator("#search-results li.result").count();
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results li.result").length > n, shown);
  }
  return page
    .locator("#search-results li.result h2 a")
    .evaluateAll((as) => as.map((x) => new URL((x as HTMLAnchorElement).href).pathname));
}
const holding = (q: string) =>
  models
    .filter((m) => phraseKey([m.title, m.docNumber, ...m.issuers, m.body].join(" ")).includes(phraseKey(q)))
    .map((m) => `${m.base}circulars/${m.id}/`);

describe("a library in two shards", () => {
  it("were built apart: each shard's site holds only its own circulars", () => {
    expect(siteModels(a.content).every((m) => m.jurisdiction?.province === "吉林省")).toBe(true);
    expect(siteModels(b.content).some((m) => m.jurisdiction?.province === "吉林省")).toBe(false);
  });

  it("either shard's search page finds the circulars of both, each linked to its own shard's page", async () => {
    for (const from of [JILIN, OTHERS]) {
      const got = await search(from, "安全生产");
      expect(got.sort(), from).toEqual(holding("安全生产").sort());
      expect(got.some((u) => u.startsWith(JILIN)) && got.some((u) => u.startsWith(OTHERS))).toBe(true);
      expect(await page.locator("#search-status").textContent()).toMatch(
        new RegExp(`^共 ${holding("安全生产").length} 件文件`),
      );
    }
  });

  it("finds a circular of the other shard by its 文号, first", async () => {
    const target = models.find((m) => m.source.file.includes("001_"))!;
    const got = await search(JILIN, target.docNumber!);
    expect(got[0]).toBe(`${OTHERS}circulars/${target.id}/`);
    // The link works: the page is the other shard's.
    await page.click("#search-results li.result h2 a");
    await page.waitForURL((u) => u.pathname === `${OTHERS}circulars/${target.id}/`);
    expect(await page.locator("h1").textContent()).toBe(target.title);
  });

  it("a search filtered by province asks no shard that holds none of it", async () => {
    const asked: string[] = [];
    page.on("request", (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(
      `${server.origin}${JILIN}search/?q=${encodeURIComponent("安全生产")}&province=${encodeURIComponent("吉林省")}`,
    );
    await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
    const shown = await page
      .locator("#search-results li.result h2 a")
      .evaluateAll((as) => as.map((x) => new URL((x as HTMLAnchorElement).href).pathname));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((u) => u.startsWith(JILIN))).toBe(true);
    // The other shard's table of contents was read (to learn its provinces), nothing more.
    expect(asked.filter((u) => u.startsWith(`${OTHERS}search-data/`))).toEqual([`${OTHERS}search-data/meta.json.gz`]);
    page.removeAllListeners("request");
  });

  it("related results from Pagefind come from both shards' bundles", async () => {
    const got = await search(JILIN, "预案应急");
    expect(await page.locator("#search-status").textContent()).toMatch(/^没有文件含/);
    expect(got.some((u) => u.startsWith(JILIN)) && got.some((u) => u.startsWith(OTHERS))).toBe(true);
  });
});
