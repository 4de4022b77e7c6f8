import { describe, expect, it } from "vitest";
import { planBundles } from "../../src/search/bundles.ts";

const ids = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `c-${(i + from).toString(16).padStart(10, "0")}`);
const same = (a: { ids: string[] }, b: { ids: string[] } | undefined) =>
  JSON.stringify(a.ids) === JSON.stringify(b?.ids);

describe("Pagefind bundles", () => {
  it("holds every circular once, at most the size asked for, the same whatever the input order", () => {
    const plan = planBundles(ids(5000), 1000);
    expect(plan.map((b) => b.folder)).toEqual([
      "pagefind/",
      "pagefind-1/",
      "pagefind-2/",
      "pagefind-3/",
      "pagefind-4/",
    ]);
    expect(plan.flatMap((b) => b.ids).sort()).toEqual(ids(5000));
    expect(planBundles(ids(5000).reverse(), 1000)).toEqual(plan);
  });

  it("adding ten circulars changes one bundle and keeps the others as they were", () => {
    const before = planBundles(ids(4990), 1000);
    const after = planBundles([...ids(4990), ...ids(10, 90000)], 1000, before);
    const changed = after.filter(
      (a) =>
        !same(
          a,
          before.find((b) => b.folder === a.folder),
        ),
    );
    expect(changed.map((b) => b.folder)).toEqual(["pagefind-4/"]);
    expect(after.flatMap((b) => b.ids)).toHaveLength(5000);
  });

  it("a circular removed leaves its bundle; the others keep theirs", () => {
    const before = planBundles(ids(3000), 1000);
    const gone = before[1]!.ids[5]!;
    const after = planBundles(
      ids(3000).filter((id) => id !== gone),
      1000,
      before,
    );
    expect(after.map((b) => b.ids.length)).toEqual([1000, 999, 1000]);
    expect(same(after[0]!, before[0]) && same(after[2]!, before[2])).toBe(true);
  });

  it("an empty library still has one (empty) bundle, so the search page finds an index", () => {
    expect(planBundles([], 1000)).toEqual([{ folder: "pagefind/", ids: [] }]);
  });
});
