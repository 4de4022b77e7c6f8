/** The Pagefind stage reads each record's line from the records file when it indexes it (library/searchCache.ts). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openRecordLines, readRecordLines } from "../../src/library/searchCache.ts";

describe("openRecordLines", () => {
  it("gives each circular's line, its bytes and its line number as reading the whole file does", () => {
    const path = join(mkdtempSync(join(tmpdir(), "records-")), "records.jsonl");
    const lines = [
      `c-1\t{"url":"/circulars/c-1/","content":"关于加强安全生产工作的通知 𠀀 {x}"}`,
      "",
      `c-2\t{"url":"/circulars/c-2/","content":"plain"}`,
      `c-3\t{"url":"/circulars/c-3/","content":"第三条\\t应急预案"}`,
    ];
    writeFileSync(path, lines.join("\n"));
    const whole = readRecordLines(path);
    // Both read the file's own lines, by the id before each tab.
    expect([...whole]).toEqual(
      [0, 2, 3].map((i) => [lines[i]!.split("\t")[0], { text: lines[i], where: `${path}:${i + 1}` }]),
    );
    const opened = openRecordLines(path);
    expect(opened.size).toBe(3);
    for (const [id, line] of whole) {
      expect(opened.line(id)).toEqual(line);
      expect(opened.bytes(id).equals(Buffer.from(line.text))).toBe(true);
    }
    expect(opened.line("c-3").where).toBe(`${path}:4`);
    expect(() => opened.bytes("c-9")).toThrow(/no record of c-9/);
    opened.close();
  });
});
