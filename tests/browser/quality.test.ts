/**
 * Portal gates in the real browser, on every page type: accessibility (axe-core, WCAG 2.1
 * A/AA: no serious or critical violations), keyboard, self-contained (no request to any
 * other origin), reading without JavaScript, and print. Each check is also shown to fail
 * on a page that breaks it.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { serveStatic, sharedBrowser, siteModels, type StaticServer } from "./harness.ts";

const site = inject("seedSite");
const models = siteModels(site.content);
const [doc0, doc1] = models as [Circular, Circular, ...Circular[]];
const first = (dir: string) => readdirSync(join(site.dist, dir)).find((f) => !f.includes("."))!;
const PAGES: Record<string, string> = {
  home: "/",
  circular: `/circulars/${doc0.id}/`,
  topics: "/topics/",
  topic: `/topics/${first("topics")}/`,
  topicYear: `/topics/${first("topics")}/${first(`topics/${first("topics")}`)}/`,
  regions: "/regions/",
  region: "/regions/220000/",
  year: `/years/${first("years")}/`,
  departments: `/departments/${first("departments")}/`,
  citations: "/citations/",
  data: "/data/",
  search: `/search/?q=${encodeURIComponent("应急预案")}`,
  compare: `/compare/?a=${doc0.id}&b=${doc1.id}`,
};
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
let server: StaticServer;
let fixtures: StaticServer;
/** The page every check but the one without JavaScript navigates: a new page costs the browser a renderer process. */
let page: Page;
/** Requests the page made to an origin other than `pageOrigin`'s, since `openRecordingForeign` last opened it. */
let foreign: string[] = [];
let pageOrigin = "";

beforeAll(async () => {
  server = await serveStatic(site.dist, site.base);
  // Pages that break each gate, to show the checks can fail.
  const dir = mkdtempSync(join(tmpdir(), "broken-"));
  const broken = (body: string, head = "") =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>坏页</title>${head}</head>` +
    `<body><nav><a href="#">导航</a></nav><main><h1>坏页</h1>${body}</main></body></html>`;
  writeFileSync(join(dir, "no-alt.html"), broken('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'));
  writeFileSync(join(dir, "external.html"), broken("<p>文字</p>", '<script src="http://203.0.113.9/x.js"></script>'));
  writeFileSync(join(dir, "print.html"), broken("<p>文字</p>"));
  fixtures = await serveStatic(dir);
  browser = await sharedBrowser();
  page = await browser.newPage();
  const isForeign = (url: URL) => url.origin !== pageOrigin && url.protocol !== "data:";
  page.on("request", (r) => {
    if (isForeign(new URL(r.url()))) foreign.push(r.url());
  });
  await page.route(isForeign, (route) => route.abort());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixtures?.close();
});

/** Loaded, and the search or comparison (if the page has one) shown. */
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    ["search-results", "compare-output"].every(
      (id) => !document.getElementById(id) || document.getElementById(id)!.dataset.state === "done",
    ),
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run: (
            o: unknown,
          ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Every rule still runs; the nodes that pass are not listed (on the largest pages, most of the time).
      resultTypes: ["violations"],
    }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/**
 * Opens a URL, recording (and aborting) every request the page makes to another origin until it
 * is loaded and its search or comparison shown.
 */
async function openRecordingForeign(url: string): Promise<string[]> {
  pageOrigin = new URL(url).origin;
  foreign = [];
  await page.goto(url).catch(() => undefined);
  await ready(page);
  return foreign;
}

describe("accessibility (axe-core, WCAG 2.1 A/AA) and self-contained (no request to another origin)", () => {
  for (const [name, path] of Object.entries(PAGES)) {
    it(`${name} page has no serious or critical violations, and asks no other origin for anything`, async () => {
      const foreign = await openRecordingForeign(server.origin + path);
      expect(await seriousViolations(page)).toEqual([]);
      expect(foreign).toEqual([]);
    });
  }
  it("the check fails on an image without alt text", async () => {
    await openRecordingForeign(`${fixtures.origin}/no-alt.html`);
    expect((await seriousViolations(page)).some((v) => v.startsWith("image-alt"))).toBe(true);
  });
});

describe("keyboard", () => {
  it("the skip link comes first, is visible on focus and moves to the main content", async () => {
    await openRecordingForeign(server.origin + PAGES.circular);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => ({
      cls: document.activeElement!.className,
      left: document.activeElement!.getBoundingClientRect().left,
    }));
    expect(focused.cls).toBe("skip-link");
    expect(focused.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement!.id)).toBe("main");
  });
  it("every control on the search and compare pages is reachable by Tab and shows its focus", async () => {
    for (const path of [PAGES.search, PAGES.compare]) {
      await openRecordingForeign(server.origin + path);
      // Each visible control numbered, so that two alike (two 导出 buttons) count as two.
      const controls = await page
        .locator("main input:visible, main select:visible, main button:visible")
        .evaluateAll((els) => {
          els.forEach((el, i) => el.setAttribute("data-control", String(i)));
          return els.length;
        });
      const reached = new Set<string>();
      for (let i = 0; i < 600 && reached.size < controls; i++) {
        await page.keyboard.press("Tab");
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          return {
            key: `${el.tagName}#${el.dataset.control}:${el.getAttribute("name") || el.id || el.textContent}`,
            control: el.dataset.control !== undefined,
            outline: style.outlineStyle !== "none" && style.outlineWidth !== "0px",
          };
        });
        if (info.control) {
          expect(info.outline, info.key).toBe(true);
          reached.add(info.key);
        }
      }
      expect(reached.size, path).toBe(controls);
    }
  });
});

describe("self-contained", () => {
  it("the check fails on a page with an external script", async () => {
    expect(await openRecordingForeign(`${fixtures.origin}/external.html`)).toEqual(["http://203.0.113.9/x.js"]);
  });
});

describe("without JavaScript", () => {
  it("circular, topic, region and year pages read and navigate", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.origin + "/");
    await page
      .getByRole("link", { name: /^吉林省/ })
      .first()
      .click();
    expect(await page.locator("h1").textContent()).toBe("吉林省");
    await page.locator(".doc-list a").first().click();
    // A document of 吉林省 with its clauses, each with its anchor.
    expect(await page.locator(".meta").textContent()).toContain("吉林省");
    const anchors = await page
      .locator("article.clause")
      .evaluateAll((cs) =>
        cs.map((c) => c.getAttribute("aria-labelledby")).map((id) => (id && document.getElementById(id) ? id : null)),
      );
    expect(anchors.length).toBeGreaterThan(0);
    expect(anchors).not.toContain(null);
    await page.locator(".meta a[href*='/years/']").click();
    expect(await page.locator("h1").textContent()).toMatch(/^\d{4}年的文件$/);
    await page.goto(server.origin + "/topics/");
    await page.locator("tbody a").first().click();
    // The topic's clauses of a year, once each page has loaded (a click does not wait for the next page).
    await page.locator(".year-links a").first().click();
    await page.locator(".clause-refs li").first().waitFor();
    await page.locator(".clause-refs a").first().click();
    expect(new URL(page.url()).hash.length).toBeGreaterThan(1);
    await context.close();
  });
});

describe("print", () => {
  async function printed(url: string) {
    await openRecordingForeign(url);
    await page.emulateMedia({ media: "print" });
    const state = await page.evaluate(() => {
      const shown = (sel: string) =>
        [...document.querySelectorAll(sel)].some(
          (e) => getComputedStyle(e).display !== "none" && (e as HTMLElement).offsetParent !== null,
        );
      return {
        nav: shown("nav"),
        forms: shown("form"),
        meta: shown("dl.meta"),
        labels: [...document.querySelectorAll(".clause .label")].filter((e) => (e as HTMLElement).offsetParent !== null)
          .length,
        text: document.body.innerText,
      };
    });
    const pdf = await page.pdf({ format: "A4" });
    await page.emulateMedia({ media: null });
    return { ...state, pdf };
  }
  it("a circular prints its metadata and clause numbers without navigation or forms", async () => {
    const p = await printed(server.origin + PAGES.circular);
    expect(p.nav).toBe(false);
    expect(p.forms).toBe(false);
    expect(p.meta).toBe(true);
    expect(p.labels).toBe(clausesOf(doc0).length);
    expect(p.text).toContain(doc0.docNumber ?? doc0.title);
    expect(p.pdf.subarray(0, 4).toString()).toBe("%PDF");
  });
  it("the check fails on a page without print styles", async () => {
    expect((await printed(`${fixtures.origin}/print.html`)).nav).toBe(true);
  });
});
