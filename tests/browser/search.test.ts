/**
 * Search end to end in the real browser against the built seed site: typed queries land
 * on the clause; filters narrow; 文号 in any form and issuers are found; random phrases list
 * what the built index gives (whose recall tests/site/recall.test.ts measures).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { clausePhrases, indexOf, linePhrases } from "../site/phrases.ts";
import { siteSuite, siteModels } from "./harness.ts";
import { storedJson } from "../search/answers.ts";
import type { PhraseDoc } from "../../src/search/phrase.ts";

const site = inject("seedSite");
const models = siteModels(site.content);
const bySeed = (p: string) => models.find((m) => m.source.file.includes(p))!;
const suite = siteSuite(site);
const indexed = indexOf(site.dist);
const facts = JSON.parse(readFileSync(join(site.content, "derived", "facts.json"), "utf8")) as {
  validity: Record<string, { status: string }>;
};
let page: Page;

beforeAll(async () => {
  page = await suite.browser.newPage();
  await page.goto(`${suite.server.origin}/search/`);
});

async function search(q: string, filters: Record<string, string> = {}): Promise<string[]> {
  await page.fill("#q", q);
  for (const [k, v] of Object.entries(filters)) {
    const el = page.locator(`[name=${k}]`);
    if ((await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption(v);
    else await el.fill(v);
  }
  await page.evaluate(() => (document.getElementById("search-results")!.dataset.state = "stale"));
  await page.click("#search-form button[type=submit]");
  await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
  return docIds(await page.locator("#search-results").getAttribute("data-doc-indexes"));
}

/** Clicks 显示更多 until every result is on the page. */
async function showAll() {
  while (await page.locator("#search-more").isVisible()) {
    const shown = await page.locator("#search-results li.result").count();
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results li.result").length > n, shown);
  }
}

/** The search index numbers circulars; its per-circular files say which is which. */
function docIds(indexes: string | null): string[] {
  return indexes ? indexes.split(",").map((d) => storedJson<PhraseDoc>(site.dist, `doc/${d}.json`).id) : [];
}

/** The phrase index sent as nginx sends a .gz asked for by name: the bytes as they are, no Content-Encoding. */
const sendIndexAsNginx = (p: Page) =>
  p.route("**/search-data/**", (r) => {
    const path = decodeURIComponent(new URL(r.request().url()).pathname).slice(site.base.length);
    return r.fulfill({ status: 200, contentType: "application/gzip", body: readFileSync(join(site.dist, path)) });
  });

async function clearFilters() {
  for (const k of ["province", "level", "year", "topic", "genre", "validity", "sort"])
    await page.locator(`select[name=${k}]`).selectOption("");
  await page.fill("[name=department]", "");
}

describe("search in the browser", () => {
  it("lands on the clause whose text contains the query", async () => {
    await clearFilters();
    const ids = await search("隐患排查治理");
    expect(ids.length).toBeGreaterThan(0);
    const link = page.locator("#search-results .sub-results a").first();
    const href = await link.getAttribute("href");
    await link.click();
    await page.waitForURL((u) => u.hash.length > 1);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(href).toContain(`#${anchor}`);
    const text = await page.locator(`[id="${anchor}"]`).evaluate((el) => el.closest("article")!.textContent!);
    expect(text.replace(/\s+/g, "")).toContain("隐患排查治理");
    await page.goto(`${suite.server.origin}/search/`);
  });

  it("keeps query and filters in the URL, so a search can be shared", async () => {
    await page.goto(
      `${suite.server.origin}/search/?q=${encodeURIComponent("应急")}&province=${encodeURIComponent("吉林省")}`,
    );
    await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
    expect(await page.inputValue("#q")).toBe("应急");
    expect(await page.locator("select[name=province]").inputValue()).toBe("吉林省");
    const ids = docIds(await page.locator("#search-results").getAttribute("data-doc-indexes"));
    expect(ids.length).toBeGreaterThan(0);
    expect(
      ids.every((id) => bySeed("00").id && models.find((m) => m.id === id)!.jurisdiction!.province === "吉林省"),
    ).toBe(true);
    await search("安全生产");
    expect(new URL(page.url()).searchParams.get("q")).toBe("安全生产");
    expect(new URL(page.url()).searchParams.get("province")).toBe("吉林省");
  });

  it("filters narrow the results correctly", async () => {
    await clearFilters();
    const holds = (m: Circular) => phraseKey([m.title, m.docNumber, ...m.issuers, m.body].join(" ")).includes("安全");
    const all = await search("安全");
    expect(all.sort()).toEqual(
      models
        .filter(holds)
        .map((m) => m.id)
        .sort(),
    );
    const cases: Array<[Record<string, string>, (m: Circular) => boolean]> = [
      [{ province: "吉林省" }, (m) => m.jurisdiction?.province === "吉林省"],
      [{ level: "县级" }, (m) => m.jurisdiction?.level === "county"],
      [{ year: "2019" }, (m) => m.date?.startsWith("2019") ?? false],
      [{ genre: "意见" }, (m) => m.genre === "意见"],
      // On the clause's key: a traditional-script clause (危險化學品) is on the topic too.
      [
        { topic: "危险化学品" },
        (m) =>
          clausesOf(m).some((c) => /危险化学品|危化品|化工园区|化工企业|重大危险源|化工产业/.test(phraseKey(c.text))),
      ],
      [{ department: "寿光市应急管理局" }, (m) => m.source.file.includes("003_")],
      [{ validity: "现行有效" }, (m) => facts.validity[m.id]!.status === "in-force"],
      [{ validity: "时效不详" }, (m) => facts.validity[m.id]!.status === "unknown"],
    ];
    for (const [filters, expected] of cases) {
      await clearFilters();
      const ids = await search("安全", filters);
      expect(ids.sort(), JSON.stringify(filters)).toEqual(
        models
          .filter((m) => holds(m) && expected(m))
          .map((m) => m.id)
          .sort(),
      );
    }
    await clearFilters();
  });

  it("filters by 时效性, and marks each result with the status its page and JSON give", async () => {
    await clearFilters();
    const amended = await search("突发事件应对", { validity: "已被修改" });
    const old = models.find((m) => m.title === "中华人民共和国突发事件应对法" && m.date === "2007-08-30")!;
    expect(amended).toEqual([old.id]);
    expect(await page.locator(`#search-results li.result[data-doc-id="${old.id}"] h2 .validity`).textContent()).toBe(
      "已被修改",
    );
    const json = JSON.parse(readFileSync(join(site.dist, `data/circulars/${old.id}.json`), "utf8"));
    expect(json.validity.status).toBe("amended");
    await clearFilters();
    await search("突发事件应对");
    await showAll();
    const marks = await page
      .locator("#search-results li.result")
      .evaluateAll((lis) =>
        lis.map(
          (li) =>
            [(li as HTMLElement).dataset.docId!, li.querySelector("h2 .validity")?.textContent ?? ""] as [
              string,
              string,
            ],
        ),
      );
    expect(marks.length).toBeGreaterThan(1);
    const names: Record<string, string> = {
      "in-force": "现行有效",
      amended: "已被修改",
      repealed: "已废止",
      expired: "失效",
      "not-yet-in-force": "尚未施行",
      unknown: "时效不详",
    };
    for (const [id, mark] of marks) expect(mark, id).toBe(names[facts.validity[id]!.status]!);
    await clearFilters();
  });

  it("finds a circular by its 文号 in any written form, and by issuer", async () => {
    const target = bySeed("002_").id;
    for (const q of [
      "吉安委〔2019〕6号",
      "吉安委[2019]6号",
      "吉安委2019 6号",
      "吉安委(2019)6号",
      "吉林省安全生产委员会",
    ]) {
      const ids = await search(q);
      expect(ids[0], q).toBe(target);
    }
    expect((await search("兴安办〔2020〕20号"))[0]).toBe(bySeed("001_").id);
  });

  it(
    "lists what the built index gives for random phrases, each" +
      " circular with the clauses and sections holding the phrase",
    async () => {
      // Recall of the index itself, over 240 clause phrases and text outside clauses, is
      // checked in Node (tests/site/recall.test.ts); here, a sample of those phrases through the page.
      await clearFilters();
      const sample = [
        ...clausePhrases(models, 240).filter((_, i) => i % 40 === 0),
        ...linePhrases(models, 10)
          .filter((_, i) => i % 12 === 0)
          .map((p) => p.phrase),
      ];
      expect(sample.length).toBeGreaterThanOrEqual(10);
      for (const phrase of sample) {
        const expected = await indexed(phrase);
        expect(expected.size, phrase).toBeGreaterThan(0);
        const got = await search(phrase);
        // A long list is shown a page at a time: every result once all are shown.
        await showAll();
        // Each result's circular and the places its passages link to.
        const shown = new Map(
          await page
            .locator("#search-results li.result")
            .evaluateAll((lis) =>
              lis.map(
                (li) =>
                  [
                    (li as HTMLElement).dataset.docId!,
                    [...li.querySelectorAll<HTMLAnchorElement>(".sub-results a")].map((a) => a.hash.slice(1)),
                  ] as const,
              ),
            ),
        );
        expect(new Set(shown.keys()), phrase).toEqual(new Set(expected.keys()));
        expect(got.length).toBeGreaterThan(0);
        for (const [id, anchors] of expected) {
          // Every numbered part the index names is linked (the header is the result's title; other text, the page).
          expect(
            shown.get(id)!.filter((l) => l !== ""),
            `${phrase} in ${id}`,
          ).toEqual(anchors.filter((a) => a !== "" && a !== "#header"));
        }
      }
    },
  );

  it("answers a one-character query exactly, and several words with all of them", async () => {
    await clearFilters();
    const one = await search("煤");
    const holds = (m: Circular, s: string) =>
      phraseKey([m.title, m.docNumber, ...m.issuers, m.body].join(" ")).includes(s);
    expect(one.sort()).toEqual(
      models
        .filter((m) => holds(m, "煤"))
        .map((m) => m.id)
        .sort(),
    );
    expect(await page.locator("#search-status").textContent()).toMatch(/^共 \d+ 件文件、\d+ 处含“煤”/);
    expect(await page.locator("#search-results .sub-results a").count()).toBeGreaterThan(0);
    const both = await search("尾矿库 煤矿");
    const expected = models.filter((m) => m.body.includes("尾矿库") && m.body.includes("煤矿")).map((m) => m.id);
    expect(both.sort()).toEqual(expected.sort());
  });

  it(
    "offers related circulars from Pagefind when no circular" +
      " holds the exact phrase, with passages holding its words",
    async () => {
      await clearFilters();
      const q = "预案应急";
      expect(models.some((m) => phraseKey(m.body).includes(q))).toBe(false);
      await search(q);
      expect(await page.locator("#search-status").textContent()).toMatch(
        /^没有文件含“预案应急”。以下是含有其中词语的相关文件（\d+ 件）：/,
      );
      const results = page.locator("#search-results li.result");
      expect(await results.count()).toBeGreaterThan(0);
      const excerpts = await page.locator("#search-results .excerpt").allTextContents();
      expect(excerpts.length).toBeGreaterThan(0);
      expect(excerpts.every((e) => e.includes("预案") || e.includes("应急"))).toBe(true);
    },
  );

  // The test server (sirv) sends a .gz with Content-Encoding: gzip, as Apache's AddEncoding does, so the browser
  // inflates it; nginx sends a .gz asked for by name as it is, and the page inflates it.
  it("reads its index from a server that sends .gz files as they are (nginx), inflating them", async () => {
    const other = await suite.browser.newPage();
    await sendIndexAsNginx(other);
    const sent: Array<[string | undefined, string]> = [];
    other.on("response", async (r) => {
      if (r.url().includes("/search-data/")) sent.push([r.headers()["content-encoding"], r.headers()["content-type"]!]);
    });
    await other.goto(`${suite.server.origin}${site.base}search/?q=${encodeURIComponent("应急预案")}`);
    await other.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
    const theirs = docIds(await other.locator("#search-results").getAttribute("data-doc-indexes"));
    await other.close();
    await clearFilters();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every(([encoding, type]) => encoding === undefined && type === "application/gzip")).toBe(true);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs).toEqual(await search("应急预案"));
  });

  it("says so when its index cannot be read, and tells a browser too old to inflate it", async () => {
    const other = await suite.browser.newPage();
    const url = `${suite.server.origin}${site.base}search/?q=${encodeURIComponent("应急预案")}`;
    const failed = () =>
      other.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "error");
    await other.route("**/search-data/**", (r) => r.fulfill({ status: 404, body: "" }));
    await other.goto(url);
    await failed();
    expect(await other.locator("#search-status").textContent()).toMatch(
      /^检索出错（.*meta\.json\.gz: 404），请稍后再试。$/,
    );
    // Once the index answers again, searching again (without reloading the page) finds it.
    await other.unroute("**/search-data/**");
    await other.click("#search-form button[type=submit]");
    await other.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
    expect(await other.locator("#search-status").textContent()).toMatch(/含“应急预案”/);
    // Without DecompressionStream, served the .gz as it is (nginx).
    await sendIndexAsNginx(other);
    await other.addInitScript(() => delete (window as { DecompressionStream?: unknown }).DecompressionStream);
    await other.goto(url);
    await failed();
    expect(await other.locator("#search-status").textContent()).toContain("此浏览器版本过旧，无法读取检索索引");
    await other.close();
  });

  it("without JavaScript, says search needs it and offers the indexes", async () => {
    const context = await suite.browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${suite.server.origin}/search/`);
    const notice = noJs.locator("noscript");
    expect(await noJs.content()).toContain("检索功能需要浏览器启用 JavaScript");
    expect(await notice.count()).toBe(1);
    await context.close();
  });
});
