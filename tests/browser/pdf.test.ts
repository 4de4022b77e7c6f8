/**
 * A PDF printed by the test browser from a seed, with page numbers in its footer: it reads
 * as the text version. The browser's CJK font maps hundreds of characters to radical code
 * points in the text layer (⽣ for 生): they are folded back and counted in a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { parseSource } from "../../src/ingest/parse.ts";
import { extractPdf } from "../../src/ingest/formats/pdf.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { parseSeed } from "../helpers.ts";
import { pdfFile } from "../formats/make.ts";
import { expectSameDocument } from "../formats/formats.test.ts";
import { sharedBrowser } from "./harness.ts";
import { clausesOf } from "../../src/model/clauses.ts";

let browser: Browser;
let pdf: Buffer;
beforeAll(async () => {
  browser = await sharedBrowser();
  pdf = await pdfFile("002_", browser);
});
afterAll(async () => browser?.close());

describe("a PDF printed from a seed", () => {
  it("reads as the text version: title, 文号, date, place, every clause and paragraph", async () => {
    const r = await parseSource(pdf, "吉林省安委会.pdf");
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.source.format).toBe("pdf");
    expectSameDocument(r.value, parseSeed("002_"));
  });

  it("drops page numbers into noise and joins a clause that crosses a page", async () => {
    const x = await extractPdf(pdf);
    if (!x.ok) throw new Error(x.message);
    const lines = x.value.text.split("\n");
    const noise = x.value.noiseLines.map((n) => lines[n - 1]);
    expect(noise.length).toBeGreaterThanOrEqual(4);
    expect(noise.every((l) => /^— \d+ —$/.test(l!))).toBe(true);
    const text = parseSeed("002_");
    const r = await parseSource(pdf, "x.pdf");
    if (!r.ok) throw new Error(r.error.message);
    for (const [i, c] of clausesOf(r.value).entries())
      expect(phraseKey(c.text), c.path).toBe(phraseKey(clausesOf(text)[i]!.text));
  });

  it("folds radical code points of the text layer and says how many", async () => {
    const x = await extractPdf(pdf);
    if (!x.ok) throw new Error(x.message);
    expect(x.value.text).not.toMatch(/[\u2e80-\u2eff\u2f00-\u2fdf]/u);
    expect(x.value.warnings[0]?.message).toMatch(/^字体把 \d+ 个汉字映射为部首码位/);
  });
});
