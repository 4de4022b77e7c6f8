/** The built seed site, read as HTML: anchors, links, citations, cross-links, open data. */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import type { Circular, ValidityStatus } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { VALIDITY_NAMES } from "../../src/model/display.ts";
import { TOPICS } from "../../src/config/topics.ts";
import { checkLinks, htmlFiles, page, parsedFile } from "./html.ts";
import { FEED_ENTRIES } from "../../src/site/exports.ts";

const site = inject("seedSite");
const models: Circular[] = readdirSync(join(site.content, "models"))
  .filter((f) => !f.startsWith("."))
  .map((f) => JSON.parse(readFileSync(join(site.content, "models", f), "utf8")));
const bySeed = (prefix: string) => models.find((m) => m.source.file.includes(prefix))!;

describe("circular pages", () => {
  it.each(models.map((m) => [m.title, m] as const))("%s has an anchor for every clause", (_t, m) => {
    const html = page(site.dist, `/circulars/${m.id}/`);
    for (const c of clausesOf(m)) {
      const el = html.querySelector(`#${c.id}`);
      expect(el, `anchor #${c.id}`).not.toBeNull();
      expect(el!.querySelector(`a[href$="#${c.id}"]`), `permalink of #${c.id}`).not.toBeNull();
    }
    expect(html.querySelectorAll("article.clause")).toHaveLength(clausesOf(m).length);
    // The heading is the title alone; its 时效性 mark stands beside it.
    expect(html.querySelector("h1")!.text).toBe(m.title);
    expect(html.querySelector(".title-line > h1 + .validity")).not.toBeNull();
  });

  it("shows the citation of a clause in standard form, as text", () => {
    const m = bySeed("000_");
    const html = page(site.dist, `/circulars/${m.id}/`);
    const clause = html.querySelector("#p2-3")!.closest("article")!;
    expect(clause.querySelector("[data-cite]")!.text).toBe(
      "《关于推进城市安全发展有关工作的通知》（吉粮安函〔2020〕133号）二、（三）",
    );
  });

  it("shows metadata, links 责任单位 to department pages and topics to topic pages", () => {
    const m = bySeed("002_");
    const html = page(site.dist, `/circulars/${m.id}/`);
    const meta = html.querySelector("dl.meta")!.text;
    for (const s of ["吉林省安全生产委员会", "吉安委〔2019〕6号", "2019年3月22日", "通知", "220000"])
      expect(meta).toContain(s);
    const first = html.querySelector(`#${clausesOf(m)[0]!.id}`)!.closest("article")!;
    const dept = first.querySelectorAll(".responsible a").map((a) => a.text);
    expect(dept).toEqual(["省委宣传部", "省应急管理厅"]);
    const [path, anchor] = first.querySelector(".responsible a")!.getAttribute("href")!.split("#");
    const deptPage = page(site.dist, path!);
    expect(deptPage.querySelector("h1")!.text).toBe("吉林省的责任单位");
    expect(deptPage.querySelector(`[id="${anchor}"]`)!.text).toBe("吉林省委宣传部");
  });

  it("links what it cites and who cites it, with stubs for documents outside the library", () => {
    const shouguang = page(site.dist, `/circulars/${bySeed("003_").id}/`);
    const cites = shouguang.querySelector("section.links")!.text;
    expect(cites).toContain("中办发〔2018〕1号");
    expect(cites).toContain("未收录");
    const chains = page(site.dist, "/citations/");
    const chain = chains.querySelectorAll(".chain").find((c) => c.text.includes("关于推进全市城市安全发展的实施意见"))!;
    const levels = chain.querySelectorAll("li").map((li) => li.querySelector(".level")!.text);
    expect(levels).toEqual(["国家级", "省级", "地市级", "地市级", "县级"]);
    expect(chain.querySelectorAll("li").map((li) => li.querySelector(".doc-number")?.text ?? "")).toEqual([
      "（中办发〔2018〕1号）",
      "（鲁办发〔2018〕50号）",
      "（潍办发〔2019〕2号）",
      "（潍办发〔2018〕22号）",
      "",
    ]);
  });
});

describe("cross-link pages", () => {
  it("has a page for every topic of the taxonomy that occurs in the seeds, naming the matched terms", () => {
    for (const name of [
      "应急预案",
      "标准化",
      "城市安全",
      "隐患排查治理",
      "双重预防机制",
      "安全生产责任制",
      "危险化学品",
      "消防安全",
      "执法检查",
      "宣传教育培训",
      "科技信息化",
      "事故调查处理",
    ]) {
      const topic = TOPICS.find((t) => t.name === name)!;
      const html = page(site.dist, `/topics/${topic.slug}/`);
      expect(html.querySelector("h1")!.text).toBe(`主题：${name}`);
      // Its clauses are on a page per year, linked from the overview.
      const years = html.querySelectorAll(".year-links a").map((a) => a.getAttribute("href")!);
      expect(years.length).toBeGreaterThan(0);
      const newest = page(site.dist, years[0]!);
      expect(newest.querySelector("h1")!.text).toMatch(new RegExp(`^主题：${name} · (\\d{4}年|年份不详)$`));
      const items = newest.querySelectorAll(".clause-refs li");
      expect(items.length).toBeGreaterThan(0);
      expect(items[0]!.querySelector(".note")!.text).toMatch(/^（匹配：/);
    }
  });

  it("lists regions province → prefecture → county, years and departments", () => {
    const regions = page(site.dist, "/regions/").text;
    for (const s of ["吉林省", "吉林市", "江苏省", "泰州市", "兴化市", "山东省", "潍坊市", "寿光市"])
      expect(regions).toContain(s);
    expect(page(site.dist, "/regions/370783/").querySelector("h1")!.text).toBe("寿光市");
    expect(page(site.dist, "/years/2019/").querySelectorAll(".doc-list li")).toHaveLength(
      models.filter((m) => m.date?.startsWith("2019")).length,
    );
    expect(
      page(site.dist, "/departments/")
        .querySelectorAll("li a")
        .map((a) => a.text),
    ).toContain("寿光市");
    expect(
      page(site.dist, "/departments/370783/")
        .querySelectorAll("h2")
        .map((h) => h.text),
    ).toContain("寿光市市场监督管理局");
  });

  it("home page counts what the library holds", () => {
    const home = page(site.dist, "/");
    expect(home.querySelector("main p")!.text).toContain(`${models.length} 件`);
    expect(home.querySelector("form[role=search]")).not.toBeNull();
  });
});

describe("versions, kinds, topics, departments", () => {
  const byTitle = (title: string, date?: string) =>
    models.find((m) => m.title === title && (!date || m.date === date))!;

  it("突发事件应对法 2007 and 2024 are one chain: each page lists the other and links the version diff, older first", () => {
    const [old, now] = [
      byTitle("中华人民共和国突发事件应对法", "2007-08-30"),
      byTitle("中华人民共和国突发事件应对法", "2024-06-28"),
    ];
    const diff = `/compare/?a=${old.id}&b=${now.id}&mode=diff`;
    for (const [m, other] of [
      [old, now],
      [now, old],
    ] as const) {
      const versions = page(site.dist, `/circulars/${m.id}/`).querySelector("#versions")!;
      expect(versions.querySelector("h2")!.text).toBe("历次版本");
      const hrefs = versions.querySelectorAll("a").map((a) => a.getAttribute("href"));
      expect(hrefs).toContain(`/circulars/${other.id}/`);
      expect(hrefs).toContain(diff);
      expect(versions.querySelector("[aria-current]")!.text).toContain("本件");
    }
  });

  it("every document page has a versions section, saying so when the library holds no other version", () => {
    const versions = page(site.dist, `/circulars/${bySeed("002_").id}/`).querySelector("#versions")!;
    expect(versions.text).toContain("本库未收录此文件的其他版本");
  });

  it(
    "/kinds/ has 气象灾害防御条例 with members from at least five places," +
      " the national one first and the baseline of every compare link",
    () => {
      const index = page(site.dist, "/kinds/");
      const link = index.querySelectorAll("a").find((a) => a.text === "气象灾害防御条例")!;
      const kind = page(site.dist, link.getAttribute("href")!);
      const members = kind.querySelectorAll(".kind-members li");
      const places = new Set(members.map((li) => li.getAttribute("data-place")));
      expect(places.size).toBeGreaterThanOrEqual(5);
      expect(members[0]!.getAttribute("data-place")).toBe("100000");
      const national = byTitle("气象灾害防御条例");
      const compares = kind.querySelectorAll(".kind-members a.compare").map((a) => a.getAttribute("href")!);
      expect(compares).toHaveLength(members.length - 1);
      for (const href of compares) expect(href).toMatch(new RegExp(`^/compare/\\?a=${national.id}&b=c-`));
      expect(kind.querySelectorAll(".kind-matrix tbody tr")).toHaveLength(places.size);
    },
  );

  it("open data carries primary and mentioned topics; the page shows 主要主题 apart from 涉及", () => {
    const m = bySeed("003_");
    const data = JSON.parse(readFileSync(join(site.dist, "data/circulars", `${m.id}.json`), "utf8")) as {
      topics: { primary: string[]; mentioned: string[] };
      clauses: unknown[];
    };
    expect(data.clauses).toHaveLength(clausesOf(m).length);
    expect(data.topics.primary).toContain("urban-safety");
    expect(data.topics.primary.length).toBeLessThanOrEqual(4);
    expect(data.topics.mentioned.length).toBeGreaterThan(0);
    expect(data.topics.mentioned.some((t) => data.topics.primary.includes(t))).toBe(false);
    const meta = page(site.dist, `/circulars/${m.id}/`).querySelector("dl.meta")!;
    const dts = meta.querySelectorAll("dt").map((d) => d.text);
    expect(dts).toContain("主要主题");
    expect(dts).toContain("涉及");
  });

  it("a topic page lists the documents about it before those that mention it", () => {
    const html = page(site.dist, "/topics/urban-safety/");
    const primary = html
      .querySelector("#primary-docs")!
      .parentNode!.querySelectorAll(".doc-list a")
      .map((a) => a.text);
    expect(primary).toContain("关于推进全市城市安全发展的实施意见");
    expect(primary).not.toContain("吉林省安全生产委员会关于印发2019年工作要点的通知");
  });

  it("a department's anchor is its name, and its entry lists its duties with their deadlines first", () => {
    const html = page(site.dist, "/departments/370783/");
    const section = html.querySelector('[id="寿光市应急管理局"]')!.parentNode!;
    expect(section.querySelector("p")!.text).toMatch(/^负责 \d+ 项条款，其中 \d+ 项定有期限。$/);
    const notes = section.querySelectorAll(".clause-refs .note").map((n) => n.text);
    expect(notes[0]).toMatch(/期限：/);
    // Many clauses: those with a deadline keep their excerpt, the others are listed once by circular, each numbered
    // and linked to its clause; every clause the summary counts is there once.
    const many = html
      .querySelectorAll("section.department")
      .find((s) => Number(/负责 (\d+) 项/.exec(s.querySelector("p")!.text)![1]) > 8)!;
    const total = Number(/负责 (\d+) 项/.exec(many.querySelector("p")!.text)![1]);
    const dated = many.querySelectorAll(".clause-refs li");
    expect(dated.every((li) => /期限：/.test(li.text) && li.querySelector(".excerpt"))).toBe(true);
    const byDoc = many.querySelectorAll(".clause-index > li");
    expect(byDoc.length).toBeGreaterThan(0);
    const numbered = byDoc.flatMap((li) => li.querySelectorAll("a").slice(1));
    expect(numbered.every((a) => /#p[\d-]+$/.test(a.getAttribute("href")!))).toBe(true);
    expect(new Set(byDoc.map((li) => li.querySelector("a")!.getAttribute("href"))).size).toBe(byDoc.length);
    expect(dated.length + numbered.length).toBe(total);
    expect(many.querySelectorAll(".excerpt")).toHaveLength(dated.length);
    const shouguang = page(site.dist, `/circulars/${bySeed("003_").id}/`);
    expect(shouguang.querySelectorAll(".responsible a").map((a) => a.getAttribute("href"))).toContain(
      "/departments/370783/#寿光市应急管理局",
    );
  });
});

describe("publishing", () => {
  // The build moves its result into dist/, wherever that is: Astro alone fails with EXDEV when dist/ is on another
  // file system than the folder it runs from. The run's folders are in memory when the machine has room for them.
  it.runIf(statSync("/dev/shm", { throwIfNoEntry: false })?.dev === statSync(site.dist).dev)(
    "builds into a dist/ on another file system than the project's",
    () => {
      expect(statSync(site.dist).dev).not.toBe(statSync(import.meta.dirname).dev);
      expect(existsSync(join(site.dist, "index.html"))).toBe(true);
    },
  );

  it("every internal link and fragment resolves, and nothing points to another origin", () => {
    expect(checkLinks(site.dist, site.base)).toEqual([]);
  });

  it("pages are zh-CN, have one h1, a skip link and load no script from elsewhere", () => {
    for (const file of htmlFiles(site.dist)) {
      const html = parsedFile(file);
      expect(html.querySelector("html")!.getAttribute("lang"), file).toBe("zh-CN");
      expect(html.querySelectorAll("h1"), file).toHaveLength(1);
      expect(html.querySelector("a.skip-link")!.getAttribute("href")).toBe("#main");
    }
  });

  it("publishes open data", () => {
    const all = JSON.parse(readFileSync(join(site.dist, "data/circulars.json"), "utf8")) as Array<
      Record<string, unknown>
    >;
    expect(all).toHaveLength(models.length);
    // A catalogue: each entry names its document and where its model is, and carries no text.
    const entry = all.find((e) => e.id === models[0]!.id)!;
    expect(entry).toMatchObject({
      title: models[0]!.title,
      docNumber: models[0]!.docNumber,
      clauses: clausesOf(models[0]!).length,
      data: `${site.base}data/circulars/${models[0]!.id}.json`,
    });
    expect(existsSync(join(site.dist, String(entry.data).slice(site.base.length)))).toBe(true);
    expect(all.every((e) => !("body" in e) && !("sections" in e))).toBe(true);
    const one = JSON.parse(readFileSync(join(site.dist, `data/circulars/${models[0]!.id}.json`), "utf8"));
    expect(one.clauses).toHaveLength(clausesOf(models[0]!).length);
    const csv = readFileSync(join(site.dist, "data/clauses.csv"), "utf8");
    expect(csv.startsWith("\ufeffcircular_id,clause_id,path")).toBe(true);
    const records = csv.slice(1).match(/(?:"(?:[^"]|"")*"|[^,\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^,\r\n]*))*\r\n/g)!;
    expect(records).toHaveLength(1 + models.reduce((n, m) => n + clausesOf(m).length, 0));
    expect(records.every((r) => r.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).length === 16)).toBe(true);
    expect(readFileSync(join(site.dist, "sitemap.xml"), "utf8")).toContain(`/circulars/${models[0]!.id}/</loc>`);
    const feed = readFileSync(join(site.dist, "feed.xml"), "utf8");
    expect(feed.match(/<entry>/g)).toHaveLength(Math.min(models.length, FEED_ENTRIES));
    expect(existsSync(join(site.dist, `data/sources/${models[0]!.id}.txt`))).toBe(true);
    // Highlighted with classes and a stylesheet (a strict CSP forbids style attributes).
    const data = page(site.dist, "/data/");
    expect(data.querySelectorAll("pre.shiki").length).toBe(2);
    // The parser keeps <pre> content as text: its markup is read from the raw HTML.
    const code = data
      .querySelectorAll("pre.shiki")
      .map((p) => p.innerHTML)
      .join("");
    expect(code).not.toMatch(/\sstyle=/);
    expect(code.match(/<span class="sk-/g)?.length).toBeGreaterThan(10);
  });
});

describe("时效性 and citations to the article", () => {
  const byTitle = (title: string, date?: string) =>
    models.find((m) => m.title === title && (!date || m.date === date))!;
  const facts = JSON.parse(readFileSync(join(site.content, "derived", "facts.json"), "utf8")) as {
    asOf: string;
    validity: Record<string, { status: ValidityStatus; by: string | null }>;
  };
  const json = (m: Circular) => JSON.parse(readFileSync(join(site.dist, `data/circulars/${m.id}.json`), "utf8"));

  it.each(models.map((m) => [m.title, m] as const))(
    "%s: the page, its JSON and the facts agree on its 时效性",
    (_t, m) => {
      const status = facts.validity[m.id]!.status;
      expect(json(m).validity.status).toBe(status);
      const html = page(site.dist, `/circulars/${m.id}/`);
      expect(html.querySelector(".title-line .validity")!.text).toBe(VALIDITY_NAMES[status]);
      const row = html.querySelectorAll("dl.meta dt").find((dt) => dt.text === "时效性")!.nextElementSibling!;
      expect(row.text.startsWith(VALIDITY_NAMES[status])).toBe(true);
      // The as-of date is the home page's, so that a page whose status did not change need not be rendered again.
      expect(row.querySelector('a[href="/#as-of"]')).not.toBeNull();
    },
  );

  it("the home page says as of which date every 时效性 was judged", () => {
    expect(page(site.dist, "/").querySelector("#as-of")!.text).toContain(`截至 ${Number(facts.asOf.slice(0, 4))}年`);
  });

  it("突发事件应对法 2007 is amended by 2024, which the page links; lists carry the status for the filter", () => {
    const [old, now] = [
      byTitle("中华人民共和国突发事件应对法", "2007-08-30"),
      byTitle("中华人民共和国突发事件应对法", "2024-06-28"),
    ];
    expect(json(old).validity).toMatchObject({ status: "amended", by: now.id });
    expect(json(now).validity.status).toBe("in-force");
    const row = page(site.dist, `/circulars/${old.id}/`)
      .querySelectorAll("dl.meta dt")
      .find((dt) => dt.text === "时效性")!.nextElementSibling!;
    expect(row.querySelector(`a[href="/circulars/${now.id}/"]`)).not.toBeNull();
    const items = page(site.dist, "/circulars/").querySelectorAll("li[data-validity]");
    expect(items).toHaveLength(models.length);
    for (const li of items)
      expect(li.getAttribute("data-validity")).toBe(
        facts.validity[li.querySelector("a")!.getAttribute("href")!.split("/")[2]!]!.status,
      );
  });

  it("a clause lists who cites it, and its open data says so: 防洪法 第十条 ← 河南省实施办法 第六条", () => {
    const law = byTitle("中华人民共和国防洪法");
    const henan = byTitle("河南省实施《中华人民共和国防洪法》办法");
    const clause = page(site.dist, `/circulars/${law.id}/`).querySelector("#art10")!.closest("article")!;
    expect(clause.querySelector(".cited-by a")!.getAttribute("href")).toBe(`/circulars/${henan.id}/#art6`);
    expect(json(law).clauses.find((c: { id: string }) => c.id === "art10").citedBy).toContainEqual({
      id: henan.id,
      clause: "art6",
    });
    // What the Henan 办法 is made on.
    const basis = page(site.dist, `/circulars/${henan.id}/`).querySelector("section.basis")!;
    expect(basis.querySelectorAll("a").map((a) => a.getAttribute("href"))).toContain(`/circulars/${law.id}/`);
  });
});

describe("ids", () => {
  it("an id an earlier build published still answers, and sends the reader to the document", () => {
    const m = bySeed("002_");
    const moved = page(site.dist, "/circulars/220000-2019-45d441aa/");
    expect(moved.querySelector('meta[http-equiv="refresh"]')!.getAttribute("content")).toBe(
      `0; url=${site.base}circulars/${m.id}/`,
    );
    expect(moved.querySelector("main a")!.getAttribute("href")).toBe(`${site.base}circulars/${m.id}/`);
    expect(moved.querySelector('meta[name="robots"]')!.getAttribute("content")).toBe("noindex");
  });
});

describe("editors' corrections", () => {
  it("the page says what was corrected and by which file; the source of the value is the correction", () => {
    const m = models.find((x) => x.source.key.endsWith("b-traditional-mirror.txt"))!;
    expect(m.effective).toBe("2021-05-01");
    const html = page(site.dist, `/circulars/${m.id}/`);
    expect(html.querySelector(".correction")!.text).toBe(
      `编辑更正：本页的施行日期据 tests/fixtures/overrides/${m.id}.yaml 更正，原文未改（施行日期据广东省人民政府门户网站补正）。`,
    );
    expect(html.querySelector("dl.meta")!.text).toContain("2021年5月1日");
    expect(html.querySelector("dl.meta")!.text).toContain(`编辑更正（tests/fixtures/overrides/${m.id}.yaml）`);
  });
});
