import { describe, expect, it } from "vitest";
import { circularPages, planBundles } from "../../src/search/bundles.ts";

describe("Pagefind bundles", () => {
  it("splits the pages into bundles of a fixed size, each in its own folder, the same whatever the input order", () => {
    const pages = circularPages(["c-e", "c-a", "c-d", "c-b", "c-c"]);
    const plan = planBundles(pages, 2);
    expect(plan.map((b) => b.folder)).toEqual(["pagefind/", "pagefind-1/", "pagefind-2/"]);
    expect(plan.flatMap((b) => b.pages)).toEqual([...pages].sort());
    expect(plan[0]!.pages).toEqual(["circulars/c-a/index.html", "circulars/c-b/index.html"]);
    expect(planBundles([...pages].reverse(), 2)).toEqual(plan);
  });

  it("an empty library still has one (empty) bundle, so the search page finds an index", () => {
    expect(planBundles([], 1000)).toEqual([{ folder: "pagefind/", pages: [] }]);
  });
});
