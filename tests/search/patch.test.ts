/**
 * A patched phrase index (src/search/patch.ts) answers as a full index of the same library
 * does: a circular added, one changed, one removed; and what a patch must hold.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Circular, SectionNode } from "../../src/model/circular.ts";
import { buildPhraseIndex } from "../../src/search/buildIndex.ts";
import { mergeShards } from "../../src/search/national.ts";
import { type IndexBase, patchedMeta, patchPath, planPatch } from "../../src/search/patch.ts";
import type { IndexLoader, PhraseMeta } from "../../src/search/phrase.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";
import { searchAnswers } from "./answers.ts";
import { indexInMemory, oldestFirst } from "./memoryIndex.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "incremental");
const seeds = seedFiles().map((f) => parseOk(seedBytes(f), f));
const added = parseOk(readFileSync(join(FIXTURES, "f2-repeals.txt")), "f2-repeals.txt");

/** A circular with a new title and the first clause's text added to. */
function changed(m: Circular): Circular {
  const copy = structuredClone(m);
  copy.title = `${m.title}（修订）`;
  const first = (nodes: SectionNode[]): SectionNode | undefined =>
    nodes.map((n) => (n.clause ? n : first(n.children))).find(Boolean);
  first(copy.sections)!.clause!.text += "并建立隐患排查台账制度。";
  return copy;
}

const keyOf = (ms: Circular[]) => (id: string) => JSON.stringify(ms.find((m) => m.id === id) ?? null);
const loader =
  (files: Map<string, string>): IndexLoader =>
  async <T>(path: string) => {
    if (!files.has(path)) throw new Error(`no ${path}`);
    return JSON.parse(files.get(path)!) as T;
  };

/** The files of `before`'s full index, patched (as scripts/search-index.ts does) for the library `after`. */
function patched(before: Circular[], after: Circular[]): { files: Map<string, string>; hidden: number[] } {
  const files = indexInMemory("/", before, { pageBytes: 200 });
  const ids = oldestFirst(before);
  const base: IndexBase = {
    meta: JSON.parse(files.get("meta.json")!) as PhraseMeta,
    ids,
    keys: ids.map(keyOf(before)),
  };
  const plan = planPatch(base, oldestFirst(after), keyOf(after), 100)!;
  buildPhraseIndex(
    plan.ids,
    (id) => after.find((m) => m.id === id)!,
    (id) => `/circulars/${id}/`,
    [],
    (p, c) => files.set(patchPath(p), c),
    { pageBytes: 200 },
  );
  files.set("meta.json", JSON.stringify(patchedMeta(base.meta, plan, ["pagefind/"])));
  return { files, hidden: plan.hidden };
}

describe("a patched phrase index", () => {
  const [kept, edited, removed, ...rest] = seeds;
  const before = [kept!, edited!, removed!, ...rest];
  const after = [kept!, changed(edited!), ...rest, added];
  const queries = [
    ...after.map((m) => m.title.slice(0, 6)),
    edited!.title.slice(-8),
    "（修订）",
    "隐患排查台账",
    removed!.title.slice(0, 8),
    "安全生产",
    "应急",
  ];

  it("answers every query as a full index of the library does", async () => {
    const { files, hidden } = patched(before, after);
    expect(files.has("patch/meta.json")).toBe(true);
    expect(hidden).toHaveLength(2);
    const full = indexInMemory("/", after, { pageBytes: 200 });
    const [mine, theirs] = await Promise.all([
      searchAnswers(loader(files), queries),
      searchAnswers(loader(full), queries),
    ]);
    expect(theirs.get("隐患排查台账")).toHaveLength(1);
    expect(theirs.get(removed!.title.slice(0, 8))).toEqual([]);
    expect(mine).toEqual(theirs);
  });

  it("merges into a national index as the full index does (its hidden circulars left out)", () => {
    const { files } = patched(before, after);
    const full = indexInMemory("/", after, { pageBytes: 200 });
    const docs = (f: Map<string, string>) => [...mergeShards([{ base: "/", read: (p) => f.get(p)! }]).docs];
    expect(docs(files)).toEqual(docs(full));
    expect(docs(files)).toHaveLength(after.length);
  });

  it("leaves the base's postings as they were", () => {
    const base = indexInMemory("/", before, { pageBytes: 200 });
    const { files } = patched(before, after);
    for (const [path, content] of base)
      if (path !== "meta.json" && !path.startsWith("text/")) expect(files.get(path), path).toBe(content);
  });
});

describe("what a patch holds", () => {
  const base: IndexBase = {
    meta: {} as PhraseMeta,
    ids: ["a", "b", "c", "d"],
    keys: ["ka", "kb", "kc", "kd"],
  };
  const keys: Record<string, string> = { a: "ka", b: "kb2", d: "kd", e: "ke" };
  const keyOf = (id: string) => keys[id]!;

  it("the circulars new or changed, and the base's changed or gone hidden", () => {
    expect(planPatch(base, ["a", "b", "d", "e"], keyOf, 10)).toEqual({ ids: ["b", "e"], hidden: [1, 2] });
  });

  it("nothing when the library is as the base holds it", () => {
    expect(planPatch(base, ["a", "b", "c", "d"], (id) => `k${id}`, 10)).toEqual({ ids: [], hidden: [] });
  });

  it("keeps a circular of the last patch in the patch, even once it is as in the base again", () => {
    expect(planPatch(base, ["a", "b", "c", "d"], (id) => `k${id}`, 10, new Set(["c"]))).toEqual({
      ids: ["c"],
      hidden: [2],
    });
  });

  it("none (a full index) without a base, or when it would hold more than the limit", () => {
    expect(planPatch(null, ["a"], keyOf, 10)).toBeNull();
    expect(planPatch(base, ["a", "b", "d", "e"], keyOf, 3)).toBeNull();
  });
});
