/** Open-data exports that cannot be turned against their readers: CSV formulas, feeds and sitemaps for any title. */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { FEED_ENTRIES, atomFeed, sitemap } from "../../src/site/exports.ts";
import { CLAUSES_CSV_HEAD, clauseRows } from "../../src/exports/clausesCsv.ts";
import { csvCell } from "../../src/exports/csv.ts";
import type { CircularMeta } from "../../src/model/circular.ts";
import { parseSeed } from "../helpers.ts";

const seed = parseSeed("000_");
const HOSTILE_TITLES = [
  '关于<script>alert("x")</script>的通知',
  "A & B ]]> <![CDATA[ x ]]> 的通知",
  "控制字符\u0000\u0001\u0008\u000b\u001f的通知",
  "孤立代理\ud800与\udfff及\ufffe\uffff的通知",
  "引号'\"与&amp;实体&#x26;的通知",
  "emoji 😀 与 𠮷 的通知",
];
const withTitle = (title: string, i: number): CircularMeta => ({
  ...seed,
  id: `c-hostile${i}`,
  title,
  issuers: [title],
});

describe("clauses.csv", () => {
  it("a field a spreadsheet would run as a formula starts with an apostrophe; the rest is unchanged", () => {
    expect(csvCell('=HYPERLINK("http://x","点击")')).toBe('"\'=HYPERLINK(""http://x"",""点击"")"');
    for (const v of ["+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
      expect(csvCell(v).replace(/^"|"$/g, "")).toBe(`'${v}`);
    for (const v of ["安全生产", "2019年", "1.加强领导", "（一）", "a=b"]) expect(csvCell(v)).toBe(v);
  });

  it("a clause whose text begins with =, +, - or @ is neutralised in the file, and reads back as text", () => {
    const sections = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-1+1", "@A1"].map((text, i) => ({
      ...seed.sections[0]!,
      id: `p${i}`,
      text,
      clause: { text, responsible: [], leads: [] },
      children: [],
    }));
    const csv = CLAUSES_CSV_HEAD + clauseRows({ ...seed, sections }, (d, c) => `/circulars/${d}/#${c}`);
    const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data;
    const texts = rows.slice(1).map((r) => r[5]!);
    expect(texts).toEqual(["'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'-1+1", "'@A1"]);
    expect(rows.slice(1).every((r) => r.length === rows[0]!.length)).toBe(true);
  });
});

describe("feed and sitemap", () => {
  const docs = HOSTILE_TITLES.map(withTitle);
  const absolute = (p: string) => `https://policy.example.gov.cn/gov/policy${p}`;

  it("the Atom feed is well-formed whatever the titles hold, and gives each title back as text", () => {
    const feed = atomFeed(docs, "https://policy.example.gov.cn/", absolute, "2020-01-01T00:00:00Z");
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({ processEntities: true, htmlEntities: false }).parse(feed) as {
      feed: { entry: Array<{ title: string }> };
    };
    const titles = parsed.feed.entry.map((e) => String(e.title));
    expect(titles).toContain('关于<script>alert("x")</script>的通知');
    expect(titles).toContain("A & B ]]> <![CDATA[ x ]]> 的通知");
    expect(titles).toContain("控制字符\ufffd\ufffd\ufffd\ufffd\ufffd的通知");
    expect(titles).toContain("emoji 😀 与 𠮷 的通知");
    expect(feed).not.toContain("<script>");
  });

  it("the feed holds the newest documents, by publication date, and no more than FEED_ENTRIES", () => {
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    const library = Array.from({ length: FEED_ENTRIES + 30 }, (_, i) => ({
      ...withTitle(`第${i}号通知`, i),
      published: day(i),
    }));
    const feed = atomFeed(library.reverse(), "https://policy.example.gov.cn/", absolute, "2020-06-01T00:00:00Z");
    const updated = [...feed.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!.slice(0, 10));
    expect(updated).toHaveLength(FEED_ENTRIES);
    expect(updated[0]).toBe(day(FEED_ENTRIES + 29));
    expect(updated.at(-1)).toBe(day(30));
    expect(updated).toEqual([...updated].sort().reverse());
  });

  it("the sitemap is well-formed for any path", () => {
    const map = sitemap(["/", "/circulars/a&b/", '/kinds/"x"<y>/', "/c\u0001/"], absolute);
    expect(XMLValidator.validate(map)).toBe(true);
    expect(new XMLParser().parse(map).urlset.url).toHaveLength(4);
  });
});
