/**
 * Robustness: random and mutated circulars never crash or hang the ingest; each gives a
 * clear error or a model, and a model never loses a body line.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCircular } from "../../src/ingest/parse.ts";
import { decode } from "../../src/ingest/read.ts";
import { assertLossless, seedBytes, seedFiles } from "../helpers.ts";
import { clausesOf } from "../../src/model/clauses.ts";

/**
 * Why a file is refused, as the person who gave it reads it: each reason says what is wrong
 * with the file (nothing else may come out: a stack trace, "undefined", a parser's own words).
 */
const REASONS = [
  /^empty file( \(only white space\))?$/,
  /^binary file \((contains NUL bytes|undecodable bytes as [\w-]+)\), not a text circular$/,
  /^no text left after removing portal chrome$/,
  /^no Chinese sentences: not a document$/,
];

function check(bytes: Uint8Array): void {
  const started = performance.now();
  const r = parseCircular(bytes, "fuzz.txt");
  expect(performance.now() - started, "parse time (ms)").toBeLessThan(20_000);
  if (r.ok) assertLossless(bytes, r.value);
  else {
    expect(r.error.file).toBe("fuzz.txt");
    // The line named is one of the file's lines.
    const lines = Buffer.from(bytes)
      .toString("latin1")
      .split(/\r\n|\r|\n/).length;
    expect(r.error.line).toBeGreaterThanOrEqual(1);
    expect(r.error.line).toBeLessThanOrEqual(lines);
    expect(
      REASONS.some((re) => re.test(r.error.message)),
      r.error.message,
    ).toBe(true);
  }
}

const seedTexts = seedFiles().map((f) => (decode(seedBytes(f)) as { text: string }).text);

describe("ingest under hostile input", () => {
  it("random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (b) => check(b)),
      { numRuns: 150, seed: 1 },
    );
  });

  it("mutated circulars: truncated, lines dropped, duplicated, shuffled, junk inserted", () => {
    const mutation = fc.record({
      seed: fc.nat(seedTexts.length - 1),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      drop: fc.array(fc.nat(400), { maxLength: 20 }),
      dup: fc.array(fc.nat(400), { maxLength: 10 }),
      junk: fc.array(fc.tuple(fc.nat(400), fc.string({ maxLength: 60 })), { maxLength: 10 }),
      swap: fc.array(fc.tuple(fc.nat(400), fc.nat(400)), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(mutation, (m) => {
        const text = seedTexts[m.seed]!;
        let lines = text.slice(0, Math.floor(text.length * m.cut)).split("\n");
        lines = lines.filter((_, i) => !m.drop.includes(i));
        for (const i of m.dup) if (lines[i] !== undefined) lines.splice(i, 0, lines[i]!);
        for (const [i, s] of m.junk) lines.splice(Math.min(i, lines.length), 0, s);
        for (const [i, j] of m.swap)
          if (lines[i] !== undefined && lines[j] !== undefined) [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        check(Buffer.from(lines.join("\n")));
      }),
      { numRuns: 120, seed: 2 },
    );
  });

  it("a huge line, deep numbering, labels without text, 10,000 clauses", () => {
    const title = "关于加强安全生产工作的通知\n\n";
    check(Buffer.from(title + "一、" + "安全".repeat(500_000) + "。\n"));
    const deep = ["一、总体要求", "（一）指导思想", "1.加强领导", "（1）落实责任", "①明确分工", "第一条 条款"].join(
      "\n",
    );
    check(Buffer.from(title + deep.repeat(200)));
    check(Buffer.from(title + ["一、", "（一）", "1.", "（1）", "①", "2.", "二、", "3."].join("\n") + "\n"));
    const many = Array.from(
      { length: 10_000 },
      (_, i) => `${i + 1}.加强第${i + 1}项工作的组织领导。（责任单位：市应急管理局）`,
    ).join("\n");
    const started = performance.now();
    const r = parseCircular(Buffer.from(title + "一、主要任务\n" + many + "\n"), "many.txt");
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(r.ok && clausesOf(r.value)).toHaveLength(10_000);
  }, 120_000);
});
