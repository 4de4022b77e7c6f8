/** A library indexed by Pagefind in several bundles (the portal site: two circulars each) answers from all of them. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { siteModels, siteSuite } from "./harness.ts";

const site = inject("portalSite");
const suite = siteSuite(site);

describe("Pagefind in bundles", () => {
  it("writes one bundle per two circulars and merges them in the browser", async () => {
    const models = siteModels(site.content);
    const bundles = Array.from({ length: Math.ceil(models.length / 2) }, (_, i) =>
      i === 0 ? "pagefind" : `pagefind-${i}`,
    );
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    expect(bundles.every((b) => existsSync(join(site.dist, b, "pagefind.js")))).toBe(true);
    const page = await suite.browser.newPage();
    // No circular holds the phrase; Pagefind's related results come from every bundle.
    await page.goto(`${suite.server.origin}${site.base}search/?q=${encodeURIComponent("预案应急")}`);
    await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
    const shown = await page
      .locator("#search-results li.result h2 a")
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Pagefind's words: 预 and 案 (as prefixes) and 应急, in the title, issuers or text.
    const text = (m: { title: string; issuers: string[]; body: string }) => [m.title, ...m.issuers, m.body].join(" ");
    const expected = models
      .filter((m) => /预/.test(text(m)) && /案/.test(text(m)) && text(m).includes("应急"))
      .map((m) => `${site.base}circulars/${m.id}/`);
    expect(expected.length).toBeGreaterThan(1);
    expect(shown.sort()).toEqual(expected.sort());
    await page.close();
  });
});
