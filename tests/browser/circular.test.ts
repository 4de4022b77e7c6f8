/** A circular page in the real browser: anchors land, layout holds on a phone, no JS needed. */
import { mkdirSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { siteSuite, siteModels } from "./harness.ts";
import { clausesOf } from "../../src/model/clauses.ts";

const site = inject("seedSite");
const grain = siteModels(site.content).find((m) => m.source.file.includes("000_"))!;
const suite = siteSuite(site);

describe("circular page in the browser", () => {
  it("lands on a clause permalink, highlights it, and the screenshot shows it", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${suite.server.origin}/circulars/${grain.id}/#p2-3`);
    const heading = page.locator("#p2-3");
    await expect.poll(() => heading.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
    const background = await heading.evaluate((el) => getComputedStyle(el.closest("article")!).backgroundColor);
    expect(background).toBe("rgb(255, 248, 214)");
    expect(await heading.textContent()).toContain("加强安全监管能力建设");
    mkdirSync("test-output", { recursive: true });
    const png = await page.screenshot({ path: "test-output/circular-clause.png" });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    await page.close();
  });

  it("fits a phone screen without sideways scrolling", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${suite.server.origin}/circulars/${grain.id}/`);
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-output/circular-phone.png" });
    await page.close();
  });

  it("reads and navigates with JavaScript off; the copy button only appears with it", async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${suite.server.origin}/circulars/${grain.id}/`);
    expect(await page.locator("article.clause").count()).toBe(clausesOf(grain).length);
    expect(await page.locator("[data-cite]").first().textContent()).toContain("吉粮安函〔2020〕133号");
    expect(await page.locator("button.copy-cite").first().isVisible()).toBe(false);
    await page.locator(".toc a", { hasText: "（三）加强安全监管能力建设" }).click();
    expect(new URL(page.url()).hash).toBe("#p2-3");
    await context.close();
    const withJs = await suite.browser.newPage();
    await withJs.goto(`${suite.server.origin}/circulars/${grain.id}/`);
    expect(await withJs.locator("button.copy-cite").first().isVisible()).toBe(true);
    await withJs.close();
  });
});
