/** The compare page in the real browser: aligned rows with scores and marked shared wording; version diff. */
import { describe, expect, inject, it } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { siteSuite, siteModels } from "./harness.ts";

const site = inject("seedSite");
const models = siteModels(site.content);
const bySeed = (p: string) => models.find((m) => m.source.file.includes(p))!;
const suite = siteSuite(site);

async function open(query: string) {
  const page = await suite.browser.newPage({ viewport: { width: 1300, height: 1000 } });
  await page.goto(`${suite.server.origin}/compare/${query}`);
  await page.waitForFunction(() => document.getElementById("compare-output")!.dataset.state === "done");
  return page;
}

describe("compare page", () => {
  it("aligns 吉林省粮食 (2020) with 寿光 (2019) by content, scored, shared wording marked", async () => {
    const a = bySeed("000_");
    const b = bySeed("003_");
    const page = await open(`?a=${a.id}&b=${b.id}`);
    const rows = await page.locator("tr.aligned").evaluateAll((rs) =>
      rs.map((r) => {
        const d = (r as HTMLElement).dataset;
        return { a: d.a, b: d.b, score: d.score, marks: r.querySelectorAll("mark").length };
      }),
    );
    // Four pairs a reader makes; weaker ones without support from the clauses' order are left unmatched.
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const pair = (aId: string) => rows.find((r) => r.a === aId);
    const heading = (m: Circular, id: string) => clausesOf(m).find((c) => c.id === id)!.heading;
    expect(heading(b, pair("p2-4")!.b!)).toBe("强化城市安全应急救援管理");
    expect(heading(b, pair("p3-1")!.b!)).toBe("加强组织领导");
    for (const r of rows) {
      expect(Number(r.score)).toBeGreaterThan(0);
      expect(Number(r.score)).toBeLessThanOrEqual(1);
    }
    // Shared wording (runs of three or more characters) is marked in most aligned rows.
    expect(rows.filter((r) => r.marks > 0).length).toBeGreaterThanOrEqual(rows.length - 1);
    expect(await page.locator(".unmatched ul[data-side=b] li").count()).toBe(clausesOf(b).length - rows.length);
    await page.screenshot({ path: "test-output/compare.png" });
    await page.close();
  });

  it("takes a third circular and keeps the pick in the URL form", async () => {
    const [a, b, c] = [bySeed("002_"), bySeed("001_"), bySeed("004_")];
    const page = await open(`?a=${a.id}&b=${b.id}&c=${c.id}`);
    expect(await page.locator("select[name=c]").inputValue()).toBe(c.id);
    const rows = await page.locator("tr.aligned").evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset));
    expect(rows.find((r) => r.a === clausesOf(a).find((x) => x.path === "三.15")!.id)!.b).toBe(
      clausesOf(b).find((x) => x.path === "五.16")!.id,
    );
    expect(rows.some((r) => r.c)).toBe(true);
    await page.close();
  });

  it("shows a version diff: added, removed and changed clauses with word-level changes", async () => {
    const [a, b] = [bySeed("002_"), bySeed("001_")];
    const page = await open(`?a=${a.id}&b=${b.id}&mode=diff`);
    const kinds = await page
      .locator(".version-diff > li")
      .evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.kind));
    expect(kinds).toContain("changed");
    expect(kinds).toContain("added");
    expect(kinds).toContain("removed");
    expect(await page.locator(".version-diff ins").count()).toBeGreaterThan(0);
    expect(await page.locator(".version-diff del").count()).toBeGreaterThan(0);
    await page.close();
  });

  it(
    "the version diff of 突发事件应对法 2007 → 2024 pairs renumbered" +
      " articles by content: moved and changed, few removed",
    async () => {
      const law = models
        .filter((m) => m.title === "中华人民共和国突发事件应对法")
        .sort((x, y) => x.date!.localeCompare(y.date!));
      const [a, b] = law as [Circular, Circular];
      const page = await open(`?a=${a.id}&b=${b.id}&mode=diff`);
      const kinds = await page
        .locator(".version-diff > li")
        .evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.kind));
      const count = (k: string) => kinds.filter((x) => x === k).length;
      expect(count("moved")).toBeGreaterThan(0);
      expect(count("changed")).toBeGreaterThan(30);
      expect(count("removed")).toBeLessThanOrEqual(5);
      expect(count("added")).toBeGreaterThanOrEqual(36);
      // 第十七条 (应急预案体系) is now 第二十六条: one entry, not a removal and an addition.
      const entry = page.locator(".version-diff > li", { has: page.locator(`a[href$="${a.id}/#art17"]`) }).first();
      expect(await entry.locator(`a[href$="${b.id}/#art26"]`).count()).toBe(1);
      expect(await page.locator(".diff-summary").textContent()).toMatch(/移动 \d+ 条/);
      await page.screenshot({ path: "test-output/version-diff.png" });
      await page.close();
    },
  );
});
