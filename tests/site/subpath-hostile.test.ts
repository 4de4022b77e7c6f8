/** A portal hosts the site under a sub-path; a circular with hostile text builds and shows it literally. */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES, seedFiles } from "../helpers.ts";
import { circularId } from "../../src/ingest/parse.ts";
import { buildSite, seedCorpus } from "./build.ts";
import { checkLinks, htmlFiles, page } from "./html.ts";

describe("built under BASE_PATH=/gov/policy/", () => {
  const site = buildSite({ base: "/gov/policy/", corpus: seedCorpus() });
  it("every link, asset and fragment resolves under the sub-path", () => {
    expect(checkLinks(site.dist, "/gov/policy/")).toEqual([]);
    const home = page(site.dist, "/");
    const hrefs = home.querySelectorAll("a[href], link[href]").map((a) => a.getAttribute("href")!);
    expect(hrefs.filter((h) => h.startsWith("/") && !h.startsWith("/gov/policy/"))).toEqual([]);
  });
});

describe("a circular with hostile text", () => {
  const corpus = mkdtempSync(join(tmpdir(), "hostile-"));
  copyFileSync(join(import.meta.dirname, "../fixtures/hostile/hostile.txt"), join(corpus, "hostile.txt"));
  copyFileSync(join(SOURCES, seedFiles()[0]!), join(corpus, seedFiles()[0]!));
  const site = buildSite({ corpus });
  const id = circularId("hostile.txt");
  const html = page(site.dist, `/circulars/${id}/`);
  const raw = readFileSync(join(site.dist, `circulars/${id}/index.html`), "utf8");

  it("shows every hostile string as text", () => {
    const text = html.querySelector("article.circular")!.text;
    for (const s of ['关于{alert(1)}<script>alert("x")</script>加强安全生产的通知', "export const leak = 2", 'import evil from "evil"', "${process.exit(1)}", "{{双括号}}", "<!-- 注释 -->", "</Item>", "&#x65;xport", "正常条款{constructor}", "<b>市局</b>"]) {
      expect(text).toContain(s);
    }
  });

  it("injects no markup: no script but the site's own, no <b>, no comment", () => {
    const scripts = html.querySelectorAll("script");
    expect(scripts.every((s) => s.getAttribute("type") === "module")).toBe(true);
    expect(raw).not.toContain('<script>alert("x")</script>');
    expect(html.querySelectorAll("b")).toHaveLength(0);
    expect(raw).not.toContain("<!-- 注释 -->");
  });

  it("the rest of the corpus builds beside it", () => {
    const ids = readdirSync(join(site.content, "models")).filter((f) => f.endsWith(".json") && !f.startsWith(".")).map((f) => f.replace(/\.json$/, ""));
    expect(ids).toHaveLength(2);
    for (const docId of ids) expect(htmlFiles(join(site.dist, "circulars", docId))).toHaveLength(1);
  });
});
