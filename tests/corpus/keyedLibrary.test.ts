import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIdfTable, idfTableOf } from "../../src/compare/idf.ts";
import { keyLibrary, type KeyedLibrary } from "../../src/corpus/keyedLibrary.ts";
import { readKeyedLibrary, writeKeyedLibrary } from "../../src/library/derived.ts";
import { phraseKey } from "../../src/text/keys.ts";

// A small library: documents of clauses drawn from shared sentences (circulars copy clauses), with
// a character outside the BMP in some (the IDF table counts code points).
const sentences = [
  "各地区要建立健全安全生产责任制，",
  "严格落实企业主体责任。",
  "加强隐患排查治理体系建设，",
  "𠀋字号企业要开展应急演练。",
  "（一）提高城市安全风险防控能力；",
  "按照《安全生产法》规定执行。",
];
type Doc = { id: string; source: string; clauses: Array<{ id: string; text: string }> };
const doc = (id: string, seed: number, source = `s-${id}`): Doc => ({
  id,
  source,
  clauses: Array.from({ length: 2 + (seed % 4) }, (_, i) => ({
    id: `c${i}`,
    text: sentences[(seed + i) % 6]! + sentences[(seed * 3 + i) % 6]!,
  })),
});

function keyed(docs: Doc[], previous: KeyedLibrary | null, code: string | null = "code-1") {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const read: string[] = [];
  const result = keyLibrary({
    ids: docs.map((d) => d.id),
    sourceOf: (id) => byId.get(id)!.source,
    clausesOf: (id) => (read.push(id), byId.get(id)!.clauses),
    code,
    previous,
  });
  return { ...result, read };
}

const tableOf = (docs: Doc[]) =>
  buildIdfTable(
    docs.flatMap((d) => d.clauses.map((c) => c.text)),
    phraseKey,
  );

const dir = mkdtempSync(join(tmpdir(), "keyed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the keyed library kept between builds", () => {
  const before = Array.from({ length: 30 }, (_, i) => doc(`d${i}`, i));
  // Three removed, one edited (a new source), five added.
  const after = [
    ...before
      .filter((d) => !["d3", "d10", "d21"].includes(d.id))
      .map((d) => (d.id === "d7" ? doc("d7", 40, "s-d7-2") : d)),
    ...Array.from({ length: 5 }, (_, i) => doc(`n${i}`, 50 + i)),
  ];

  it("reads only new and changed documents, and keys and counts as a build from scratch does", () => {
    const first = keyed(before, null);
    writeKeyedLibrary(first.library, dir);
    const next = keyed(after, readKeyedLibrary(dir));
    const scratch = keyed(after, null);
    expect(next.read.sort()).toEqual(["d7", "n0", "n1", "n2", "n3", "n4"]);
    expect(next.kept).toBe(after.length - 6);
    expect([...next.library.docs]).toEqual([...scratch.library.docs]);
    expect(idfTableOf(next.library.counts)).toEqual(idfTableOf(scratch.library.counts));
    expect(idfTableOf(next.library.counts)).toEqual(tableOf(after));
    // Bigrams no clause has any more are gone from the counts, not kept at zero.
    expect(new Map([...next.library.counts.df].sort())).toEqual(new Map([...scratch.library.counts.df].sort()));
  });

  it("is unchanged when no document's clauses changed, a corrected header (a new source) included", () => {
    const first = keyed(before, null).library;
    const again = (docs: Doc[], code = "code-1") => keyed(docs, keyed(before, null).library, code).unchanged;
    expect(keyed(before, first).unchanged).toBe(true);
    // The same clauses under a new source: read again, found the same.
    expect(again(before.map((d) => (d.id === "d4" ? { ...d, source: "s-d4-2" } : d)))).toBe(true);
    // A clause's text, a clause's id, a document added, removed or moved, or other code: changed.
    const edited = before.map((d) =>
      d.id === "d4" ? { ...d, source: "s-d4-2", clauses: [...d.clauses.slice(1), d.clauses[0]!] } : d,
    );
    expect(again(edited)).toBe(false);
    const renamed = before.map((d) =>
      d.id === "d4" ? { ...d, source: "s-d4-2", clauses: d.clauses.map((c, i) => ({ ...c, id: `x${i}` })) } : d,
    );
    expect(again(renamed)).toBe(false);
    expect(again([...before, doc("n0", 50)])).toBe(false);
    expect(again(before.slice(1))).toBe(false);
    expect(again([before[1]!, before[0]!, ...before.slice(2)])).toBe(false);
    expect(again(before, "code-2")).toBe(false);
    expect(keyed(before, null).unchanged).toBe(false);
  });

  it("keeps nothing made by other code", () => {
    const first = keyed(before, null, "code-1");
    const next = keyed(after, first.library, "code-2");
    expect(next.kept).toBe(0);
    expect(idfTableOf(next.library.counts)).toEqual(tableOf(after));
  });

  it("is read back as written, and an unreadable file is no library", () => {
    const first = keyed(before, null);
    writeKeyedLibrary(first.library, dir);
    const back = readKeyedLibrary(dir)!;
    expect(back.code).toBe("code-1");
    expect([...back.docs]).toEqual([...first.library.docs]);
    expect(back.counts).toEqual(first.library.counts);
    expect(readKeyedLibrary(join(dir, "none"))).toBeNull();
  });

  it("is no library when its keys' text changed since it was written", () => {
    writeKeyedLibrary(keyed(before, null).library, dir);
    const text = join(dir, "keys.txt");
    const was = readFileSync(text, "utf8");
    // Same length and size, one key's first character other: only the file's record tells.
    const now = (was[0] === "安" ? "全" : "安") + was.slice(1);
    expect(Buffer.byteLength(now)).toBe(Buffer.byteLength(was));
    writeFileSync(text, now);
    utimesSync(text, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(readKeyedLibrary(dir)).toBeNull();
  });
});
