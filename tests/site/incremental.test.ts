/**
 * An incremental build equals a full one. A library (seeds, regulations of one kind, a
 * law and three circulars of tests/fixtures/incremental) is built; then changed — a title
 * edited, a circular citing another renamed, a new version of a law and a circular that
 * repeals another added, a member of a kind removed, the as-of date moved past a notice's
 * validity period — and built again over the first build, incrementally, and from scratch
 * beside it. Every file of the two must be the same but the phrase index's, which the
 * incremental build patches (src/search/patch.ts): its answers must be the same, read from
 * its files and in the browser. Each invalidation rule of src/site/pagePlan.ts must be
 * needed: without it, a page that differs would be kept.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PAGE_RULES, type PageRule, type PageStates, planPages } from "../../src/site/pagePlan.ts";
import { outputFiles } from "../../src/library/files.ts";
import { type BuiltSite, buildSite } from "./build.ts";
import type { PhraseDoc } from "../../src/search/phrase.ts";
import { searchAnswers, storedIndex, storedJson } from "../search/answers.ts";
import { serveStatic, sharedBrowser } from "../browser/harness.ts";

const ROOT = resolve(import.meta.dirname, "..", "..");
const SOURCES = join(ROOT, "content", "sources");
const FIXTURES = join(ROOT, "tests", "fixtures", "incremental");
const REGULATIONS = [
  "气象灾害防御条例(2017-10-07).txt",
  "北京市气象灾害防御条例(2018-11-23).txt",
  "山东省气象灾害防御条例(2018-01-23).txt",
  "浙江省气象灾害防御条例(2020-11-27).txt",
  "上海市中小学校学生伤害事故处理条例.txt",
];

function library(): string {
  const dir = mkdtempSync(join(tmpdir(), "incremental-corpus-"));
  for (const f of readdirSync(SOURCES).filter((n) => n.endsWith(".txt"))) cpSync(join(SOURCES, f), join(dir, f));
  for (const f of REGULATIONS) cpSync(join(SOURCES, "regulations", f), join(dir, "regulations", f));
  for (const f of ["f1-cites.txt", "f3-expires.txt", "f4-unrelated.txt"]) cpSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/** Every file under a folder (relative path → bytes). */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  return out;
}

function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): Set<string> {
  return new Set(
    [...new Set([...a.keys(), ...b.keys()])].filter((f) => !a.get(f) || !b.get(f) || !a.get(f)!.equals(b.get(f)!)),
  );
}

const state = (site: BuiltSite) =>
  JSON.parse(readFileSync(join(site.content, "site-state", "pages.json"), "utf8")) as PageStates;

describe("an incremental build", () => {
  let incremental: BuiltSite;
  let scratch: BuiltSite;
  let changedPages: Set<string>;
  let firstFiles: Map<string, Buffer>;
  let before: PageStates;
  let after: PageStates;

  let c2: string;

  beforeAll(async () => {
    const c1 = library();
    c2 = library();
    // The changes, each seen by one rule at least (the rule tests below say which).
    edit(
      join(c2, "f4-unrelated.txt"),
      "关于做好汛期地质灾害群测群防工作的通知",
      "关于切实做好汛期地质灾害群测群防工作的通知",
    );
    edit(join(c2, "f1-cites.txt"), "关于落实全省安全生产工作要点的通知", "关于贯彻落实全省安全生产工作要点的通知");
    rmSync(join(c2, "regulations", "浙江省气象灾害防御条例(2020-11-27).txt"));
    cpSync(
      join(SOURCES, "regulations", "上海市中小学校学生伤害事故处理条例(2024-12-31).txt"),
      join(c2, "regulations", "上海市中小学校学生伤害事故处理条例(2024-12-31).txt"),
    );
    cpSync(join(FIXTURES, "f2-repeals.txt"), join(c2, "f2-repeals.txt"));
    const [first, fresh] = await Promise.all([
      buildSite({ corpus: c1, env: { AS_OF: "2026-03-01" } }),
      buildSite({ corpus: c2, env: { AS_OF: "2026-12-01" } }),
    ]);
    scratch = fresh;
    firstFiles = files(first.dist);
    changedPages = differing(firstFiles, files(fresh.dist));
    before = state(first);
    incremental = await buildSite({ corpus: c2, env: { AS_OF: "2026-12-01" }, over: first });
    after = state(incremental);
  }, 180_000);

  it("renders only the pages whose inputs changed, and deletes the pages that are gone", () => {
    const line = incremental.log.match(/site incremental: (\d+) of (\d+) pages rendered, (\d+) removed/);
    expect(line, incremental.log).not.toBeNull();
    const [rendered, pages, removed] = line!.slice(1).map(Number);
    expect(rendered).toBeGreaterThan(0);
    // Most pages of so small a library change with these edits (every topic gains a document); the others are kept.
    expect(rendered).toBeLessThan(pages! - 5);
    expect(removed).toBeGreaterThan(0);
  });

  it("patches the phrase index: the first build's postings stay, the patch holds what changed", () => {
    const line = incremental.log.match(
      /phrase index patch \((\d+) circulars, (\d+) of the base hidden\) (\d+) files \((\d+) written, (\d+) as before\)/,
    );
    expect(line, incremental.log).not.toBeNull();
    const [circulars, hidden, emitted, written, same] = line!.slice(1).map(Number);
    // Added: a version of a law and a circular that repeals another; changed: two titles, and the 时效性 of some.
    expect(circulars).toBeGreaterThanOrEqual(4);
    expect(hidden).toBeGreaterThanOrEqual(3);
    expect(written! + same!).toBe(emitted);
    const now = files(incremental.dist);
    const postings = [...firstFiles.keys()].filter((f) => /^search-data\/(h?(uni|bi|tri))\/.*\.json\.gz$/.test(f));
    expect(postings.length).toBeGreaterThan(0);
    for (const f of postings) expect(now.get(f)?.equals(firstFiles.get(f)!), f).toBe(true);
    expect(now.has("search-data/patch/meta.json.gz")).toBe(true);
    // A removed regulation's texts are gone; the others' are those of the full build (compared below).
    expect(readdirSync(join(incremental.dist, "search-data", "text")).sort()).toEqual(
      readdirSync(join(scratch.dist, "search-data", "text")).sort(),
    );
  });

  it("writes every file of dist/ as a full build of the same library; its search index answers alike", async () => {
    const searchData = (f: string) => f.startsWith("search-data/");
    const [a, b] = [files(incremental.dist), files(scratch.dist)].map(
      (m) => new Map([...m].filter(([f]) => !searchData(f))),
    );
    expect([...a!.keys()].sort()).toEqual([...b!.keys()].sort());
    expect([...differing(a!, b!)]).toEqual([]);
    // The phrase index is patched, not written again: its files differ, its answers may not.
    const titles = readdirSync(join(scratch.dist, "search-data", "doc"))
      .filter((f) => f.endsWith(".json.gz"))
      .map((f) => storedJson<PhraseDoc>(scratch.dist, `doc/${f.slice(0, -".gz".length)}`).title);
    const queries = [...titles.map((t) => t.slice(0, 6)), "群测群防", "浙江省气象灾害", "安全生产", "应急预案", "气象"];
    const [mine, theirs] = await Promise.all([
      searchAnswers(storedIndex(incremental.dist), queries),
      searchAnswers(storedIndex(scratch.dist), queries),
    ]);
    expect(theirs.get("浙江省气象灾害")).toEqual([]);
    expect(mine).toEqual(theirs);
  });

  it("its search page, in the browser, answers as the full build's does", async () => {
    const [mine, theirs] = await Promise.all([serveStatic(incremental.dist), serveStatic(scratch.dist)]);
    const browser = await sharedBrowser();
    try {
      const page = await browser.newPage();
      /** The status line and every result's link and title, after showing them all. */
      const search = async (origin: string, q: string) => {
        await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
        await page.waitForFunction(() => document.getElementById("search-results")!.dataset.state === "done");
        while (await page.locator("#search-more").isVisible()) {
          const shown = await page.locator("#search-results li.result").count();
          await page.click("#search-more");
          await page.waitForFunction((n) => document.querySelectorAll("#search-results li.result").length > n, shown);
        }
        const results = await page
          .locator("#search-results li.result h2 a")
          .evaluateAll((as) => as.map((a) => `${new URL((a as HTMLAnchorElement).href).pathname} ${a.textContent}`));
        return { status: await page.locator("#search-status").textContent(), results: results.sort() };
      };
      for (const q of ["群测群防", "贯彻落实全省安全生产工作要点", "浙江省气象灾害防御条例", "气象灾害", "安全生产"]) {
        const [got, want] = [await search(mine.origin, q), await search(theirs.origin, q)];
        expect(got, q).toEqual(want);
      }
      expect((await search(mine.origin, "群测群防")).results.join()).toContain("切实做好汛期地质灾害");
    } finally {
      await browser.close();
      await Promise.all([mine.close(), theirs.close()]);
    }
  });

  // Each rule but neighbours shows here; neighbours below: every page here that names a changed document also has its
  // lists of similar clauses changed (documents added and removed shift every score).
  it.each(PAGE_RULES.filter((r) => r !== "neighbours").map((r) => [r]))(
    "needs its rule %s: without it a page that changed would be kept",
    (rule) => {
      const plan = planPages(before, after, [rule]);
      const missed = Object.keys(after.pages).filter(
        (key) => !plan.render.has(key) && outputFiles(key).some((f) => changedPages.has(f)),
      );
      expect(missed.length, `every changed page is still rendered without ${rule}`).toBeGreaterThan(0);
    },
  );

  it("with every rule, renders each dynamic page that changed", () => {
    const plan = planPages(before, after);
    const dynamic = Object.keys(after.pages).filter((key) => outputFiles(key).some((f) => changedPages.has(f)));
    expect(dynamic.filter((key) => !plan.render.has(key))).toEqual([]);
    expect(dynamic.length).toBeGreaterThan(0);
  });

  it("needs its rule neighbours: the page of a circular cited by one retitled, nothing else changed", async () => {
    const [filesBefore, statesBefore] = [files(incremental.dist), state(incremental)];
    edit(
      join(c2, "f1-cites.txt"),
      "关于贯彻落实全省安全生产工作要点的通知",
      "关于认真贯彻落实全省安全生产工作要点的通知",
    );
    const again = await buildSite({ corpus: c2, env: { AS_OF: "2026-12-01" }, over: incremental });
    const changed = differing(filesBefore, files(again.dist));
    const statesAfter = state(again);
    const missed = (omit: PageRule[]) => {
      const plan = planPages(statesBefore, statesAfter, omit);
      return Object.keys(statesAfter.pages).filter(
        (key) => !plan.render.has(key) && outputFiles(key).some((f) => changed.has(f)),
      );
    };
    // The cited circular's page lists the new title among those citing it: rendered by neighbours alone.
    const cited = missed(["neighbours"]);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((key) => key.startsWith("doc:"))).toBe(true);
    expect(readFileSync(join(again.dist, outputFiles(cited[0]!)[0]!), "utf8")).toContain("关于认真贯彻落实全省");
  });

  // Last: it builds over the incremental build.
  it("removes a circular of the base that nothing else changed with from its search index alone", async () => {
    const gone = readdirSync(c2).find((f) => f.startsWith("003_"))!;
    const title = readFileSync(join(c2, gone), "utf8")
      .match(/关于[^\n]{4,20}/)![0]
      .slice(0, 10);
    const load = storedIndex(incremental.dist);
    expect((await searchAnswers(load, [title])).get(title)!.length).toBeGreaterThan(0);
    rmSync(join(c2, gone));
    const again = await buildSite({ corpus: c2, env: { AS_OF: "2026-12-01" }, over: incremental });
    const line = again.log.match(
      /phrase index patch \((\d+) circulars, (\d+) of the base hidden\) (\d+) files \((\d+) written/,
    );
    expect(line, again.log).not.toBeNull();
    // Only the base's table of contents changed: the patch's files are as they were.
    expect(Number(line![4])).toBe(1);
    expect((await searchAnswers(load, [title])).get(title)).toEqual([]);
  }, 120_000);

  // After the one above: a circular removed by mistake is put back as it was.
  it("puts a circular of the base back in its search index and its Pagefind records when it returns", async () => {
    const back = readdirSync(SOURCES).find((f) => f.startsWith("003_"))!;
    expect(readdirSync(c2)).not.toContain(back);
    cpSync(join(SOURCES, back), join(c2, back));
    const title = readFileSync(join(c2, back), "utf8")
      .match(/关于[^\n]{4,20}/)![0]
      .slice(0, 10);
    const again = await buildSite({ corpus: c2, env: { AS_OF: "2026-12-01" }, over: incremental });
    const circulars = Number(again.log.match(/ingest: (\d+) circulars from/)![1]);
    expect(again.log).toContain(`and ${circulars} Pagefind records`);
    const load = storedIndex(again.dist);
    expect((await searchAnswers(load, [title])).get(title)!.length).toBeGreaterThan(0);
  }, 120_000);

  // After the one above: building again with nothing changed, as a portal's nightly build would.
  it("builds again with nothing changed: it ends after ingest, dist/ as it was", async () => {
    const before = files(incremental.dist);
    const again = await buildSite({ corpus: c2, env: { AS_OF: "2026-12-01" }, over: incremental });
    expect(again.log).toMatch(/nothing changed since the last build .*: dist\/ kept as it was, \d+ pages/);
    expect(again.log).toMatch(/build: ingest done/);
    expect(again.log).not.toMatch(/build: (facts|derive|site build|search index|pagefind|exports|precompress) done/);
    expect([...differing(before, files(again.dist))]).toEqual([]);
  }, 120_000);

  // Last of all: the date moved, nothing else, and the stages after ingest read it.
  it("builds again when only the as-of date moved: nothing rendered, the stages run", async () => {
    const before = files(incremental.dist);
    const again = await buildSite({ corpus: c2, env: { AS_OF: "2026-12-02" }, over: incremental });
    expect(again.log).toMatch(/site incremental: 0 of \d+ pages rendered, 0 removed/);
    // Nothing derived or compressed again.
    expect(again.log).toMatch(/derive: \d+ documents, no clause changed: related clauses kept as they are/);
    expect(again.log).toMatch(/exports: clauses\.csv of .* \(1 of 1 as the last build's\)/);
    // dist/ as it was, but the home page, which shows the as-of date (#as-of), and its compressed copies.
    expect([...differing(before, files(again.dist))].sort()).toEqual(["index.html", "index.html.br", "index.html.gz"]);
  }, 120_000);
});
