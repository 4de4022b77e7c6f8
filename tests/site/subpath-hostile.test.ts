/**
 * A portal hosts the site under a sub-path (the portal site); a circular with hostile text builds and shows it
 * literally.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { circularId } from "../../src/ingest/parse.ts";
import { seedFiles } from "../helpers.ts";
import { checkLinks, htmlFiles, page } from "./html.ts";

const site = inject("portalSite");

describe(`built under BASE_PATH=${site.base}`, () => {
  it("every link, asset and fragment resolves under the sub-path", () => {
    expect(site.base).toBe("/gov/policy/");
    expect(checkLinks(site.dist, site.base)).toEqual([]);
    const home = page(site.dist, "/");
    const hrefs = home.querySelectorAll("a[href], link[href]").map((a) => a.getAttribute("href")!);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((h) => h.startsWith("/") && !h.startsWith(site.base))).toEqual([]);
  });
});

describe("a circular with hostile text", () => {
  const id = circularId("hostile.txt");
  const html = page(site.dist, `/circulars/${id}/`);
  const raw = readFileSync(join(site.dist, `circulars/${id}/index.html`), "utf8");

  it("shows every hostile string as text", () => {
    const text = html.querySelector("article.circular")!.text;
    for (const s of [
      '关于{alert(1)}<script>alert("x")</script>加强安全生产的通知',
      "export const leak = 2",
      'import evil from "evil"',
      "${process.exit(1)}",
      "{{双括号}}",
      "<!-- 注释 -->",
      "</Item>",
      "&#x65;xport",
      "正常条款{constructor}",
      "<b>市局</b>",
    ]) {
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
    const ids = readdirSync(join(site.content, "models"))
      .filter((f) => f.endsWith(".json") && !f.startsWith("."))
      .map((f) => f.replace(/\.json$/, ""));
    expect(ids.sort()).toEqual([id, ...seedFiles().map((f) => circularId(f))].sort());
    for (const docId of ids) expect(htmlFiles(join(site.dist, "circulars", docId))).toHaveLength(1);
  });
});
