/** A Pagefind record's words, cut once per text: a rebuild reuses the last build's for texts that did not change. */
import { describe, expect, it } from "vitest";
import { WordCache, pagefindRecord } from "../../src/search/pagefindRecord.ts";
import { searchEntries } from "../../src/search/entries.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const [a, b] = seedFiles()
  .slice(0, 2)
  .map((f) => parseOk(seedBytes(f), f));
const texts = (doc: typeof a) => searchEntries(doc!).map((e) => e.text);
const record = (doc: typeof a, words?: WordCache, body = texts(doc)) =>
  pagefindRecord(doc!, body, [["year", "2019"]], `/circulars/${doc!.id}/`, 3, words);

describe("the words of Pagefind's records", () => {
  it("are the title and the distinct words of the texts", () => {
    const { content } = record(a);
    const words = content.split(" ");
    expect(words[0]).toBe(a!.title);
    expect(new Set(words.slice(1)).size).toBe(words.length - 1);
    expect(words).toContain("安全");
    // Single characters are the phrase index's.
    expect(words.slice(1).filter((w) => [...w].length < 2)).toEqual([]);
  });

  it("come from the last build for the same texts, and are cut again for changed ones", () => {
    const first = new WordCache();
    const before = [record(a, first), record(b, first)];
    // A cache whose content is not what cutting gives shows that it was read, not recomputed.
    const planted = first.entries().map(([k, v], i): [string, string] => [k, i === 0 ? `${v} 标记` : v]);
    const next = new WordCache(planted);
    expect(record(a, next).content).toBe(`${before[0]!.content} 标记`);
    expect(record(b, next)).toEqual(before[1]);
    expect(next.reused).toBe(2);
    const edited = [...texts(b).slice(1), "新增的条款内容涉及消防演练"];
    const again = new WordCache(first.entries());
    const changed = record(b, again, edited);
    expect(again.reused).toBe(0);
    expect(changed.content).toBe(record(b, undefined, edited).content);
    expect(changed.content).toContain("消防");
    // Only what this build used is kept for the next.
    expect(again.entries()).toHaveLength(1);
  });
});
