/**
 * Search in either script: a query typed in traditional characters finds what its
 * simplified twin finds, and a phrase cut from the traditional-script circular of the test
 * site finds it — the page folds a query exactly as the index folded the texts, fetching
 * the whole script table only for traditional characters.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { phraseKey } from "../../src/text/keys.ts";
import { siteSuite, siteModels } from "./harness.ts";
import { storedJson } from "../search/answers.ts";
import type { PhraseDoc } from "../../src/search/phrase.ts";
import { clausesOf } from "../../src/model/clauses.ts";

const site = inject("seedSite");
const models = siteModels(site.content);
const mirror = models.find((m) => m.source.file.includes("b-traditional-mirror"))!;
const suite = siteSuite(site);
let page: Page;
let tableFetches = 0;

beforeAll(async () => {
  page = await suite.browser.newPage();
  page.on("request", (r) => {
    if (r.url().endsWith("/data/t2s.json")) tableFetches++;
  });
  await page.goto(`${suite.server.origin}${site.base}search/`);
});

async function search(q: string): Promise<{ ids: string[]; status: string; subs: string[] }> {
  await page.fill("#q", q);
  await page.evaluate(() => (document.getElementById("search-results")!.dataset.state = "stale"));
  await page.click("#search-form button[type=submit]");
  await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
  const indexes = await page.locator("#search-results").getAttribute("data-doc-indexes");
  const ids = indexes ? indexes.split(",").map((d) => storedJson<PhraseDoc>(site.dist, `doc/${d}.json`).id) : [];
  const subs = await page
    .locator("#search-results .sub-results a")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
  return { ids, status: (await page.locator("#search-status").textContent()) ?? "", subs };
}

describe("search in either script", () => {
  it("fetches the script table only for traditional characters (in the query or in a result shown)", async () => {
    // 隐患排查治理 is in simplified circulars only.
    const r = await search("隐患排查治理");
    expect(r.ids.length).toBeGreaterThan(0);
    expect(r.ids).not.toContain(mirror.id);
    expect(tableFetches).toBe(0);
    await search("隱患排查治理");
    expect(tableFetches).toBe(1);
  });

  it("應急預案 and 应急预案 give the same results; so do 安全發展 and 安全发展", async () => {
    const simplified = await search("应急预案");
    expect(simplified.ids.length).toBeGreaterThan(1);
    expect(simplified.ids).toContain(mirror.id);
    const traditional = await search("應急預案");
    expect(traditional.ids).toEqual(simplified.ids);
    expect(traditional.subs).toEqual(simplified.subs);
    expect((await search("安全發展")).ids).toEqual((await search("安全发展")).ids);
  });

  it("finds the traditional-script circular by a phrase cut from it, marked in its excerpt", async () => {
    for (const clause of clausesOf(mirror).slice(0, 3)) {
      const chars = [...clause.text.replace(/\s/g, "")];
      const phrase = chars.slice(4, 10).join("");
      const r = await search(phrase);
      expect(r.ids, phrase).toContain(mirror.id);
      // The same phrase in simplified script finds it as well.
      const simplified = [...phraseKey(phrase)].join("");
      expect((await search(simplified)).ids, simplified).toContain(mirror.id);
    }
    const marks = await page.locator(`#search-results li.result[data-doc-id="${mirror.id}"] mark`).allTextContents();
    expect(marks.length).toBeGreaterThan(0);
  });
});
