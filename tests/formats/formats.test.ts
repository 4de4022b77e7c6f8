/**
 * The same circular in another format gives the same model: a saved portal page (GBK, no
 * charset declared), a Word file whose items are numbered by Word, an OFD file whose text
 * objects are out of reading order — each made here from a seed (make.ts). Title, 文号,
 * date, place and clauses are those of the text version, and the body holds every
 * paragraph of it.
 */
import { describe, expect, it } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { parseSource } from "../../src/ingest/parse.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { assertLossless, parseSeed } from "../helpers.ts";
import { ofdFile, portalPage, wordFile } from "./make.ts";

async function parsed(bytes: Buffer, file: string): Promise<Circular> {
  const r = await parseSource(bytes, file);
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.value;
}

/** The facts an official reads off the page, and every paragraph of the text version in the body. */
export function expectSameDocument(m: Circular, text: Circular): void {
  expect([m.title, m.docNumber, m.date, m.jurisdiction?.code, m.issuers]).toEqual([
    text.title,
    text.docNumber,
    text.date,
    text.jurisdiction?.code,
    text.issuers,
  ]);
  expect(clausesOf(m).map((c) => c.path)).toEqual(clausesOf(text).map((c) => c.path));
  const body = phraseKey(m.body);
  for (const line of text.body.split("\n").filter((l) => l.trim())) expect(body, line).toContain(phraseKey(line));
}

describe("a portal page saved from the browser", () => {
  const fields: Array<[string, string]> = [
    ["索引号", "11220000/2019-00006"],
    ["发文机关", "吉林省安全生产委员会"],
    ["发文字号", "吉安委〔2019〕6号"],
    ["成文日期", "2019-03-22"],
  ];
  it("in GBK without a charset declaration reads as the text version, chrome in noise", async () => {
    const bytes = portalPage("002_", fields);
    const m = await parsed(bytes, "page.html");
    expect(m.source).toMatchObject({ format: "html", encoding: "GB18030" });
    expectSameDocument(m, parseSeed("002_"));
    const noise = m.noise.map((n) => n.text).join("\n");
    for (const chrome of [
      "当前位置：首页 > 政务公开 > 通知公告",
      "分享到：微信 微博",
      "关于做好2019年防汛工作的通知",
      "版权所有",
      "var _hmt",
    ])
      expect(noise).toContain(chrome);
    expect(m.body).not.toContain("网站标识码");
  });

  it("is recognised by its markup, whatever its name", async () => {
    const m = await parsed(portalPage("002_", fields), "saved.txt");
    expect(m.source.format).toBe("html");
    expect(m.docNumber).toBe("吉安委〔2019〕6号");
  });
});

describe("a Word file", () => {
  it("whose 一、 and 1. come from Word's list numbering gives the clauses of the text version", async () => {
    const bytes = await wordFile("001_");
    const m = await parsed(bytes, "兴化.docx");
    expect(m.source).toMatchObject({ format: "docx" });
    const text = parseSeed("001_");
    expectSameDocument(m, text);
    // Numbered on through the document, as the text writes them: 一、1. 2. 二、3. …
    expect(clausesOf(m).map((c) => c.label)).toEqual(clausesOf(text).map((c) => c.label));
    expect(clausesOf(m).map((c) => c.responsible)).toEqual(clausesOf(text).map((c) => c.responsible));
    // The running head is chrome.
    expect(m.noise.map((n) => n.text)).toContain("兴化市人民政府门户网站 政务公开");
  });
});

describe("an OFD file", () => {
  it("with its text objects out of reading order reads as the text version; page numbers are chrome", async () => {
    const bytes = ofdFile("000_");
    const m = await parsed(bytes, "吉林省粮食.ofd");
    expect(m.source).toMatchObject({ format: "ofd" });
    expectSameDocument(m, parseSeed("000_"));
    expect(m.noise.map((n) => n.text)).toEqual(expect.arrayContaining(["— 1 —", "— 2 —"]));
    // A clause that crosses a page is one clause, whole.
    const text = parseSeed("000_");
    for (const [i, c] of clausesOf(m).entries()) expect(phraseKey(c.text)).toBe(phraseKey(clausesOf(text)[i]!.text));
  });

  it("keeps every line it read, in body or noise", async () => {
    const bytes = ofdFile("000_");
    const r = await parseSource(bytes, "x.ofd");
    if (!r.ok) throw new Error(r.error.message);
    const { sourceText } = await import("../../src/model/segments.ts");
    assertLossless(Buffer.from(sourceText(r.value)), r.value);
  });
});
