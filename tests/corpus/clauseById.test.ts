/** A clause looked up by id (model/clauses.ts clauseById) is the one the list holds, found as a search finds it. */
import { describe, expect, it } from "vitest";
import { clauseById, clausesOf } from "../../src/model/clauses.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const seeds = seedFiles().map((f) => parseOk(seedBytes(f), f));

describe("clauseById", () => {
  it("finds every clause of the seeds, the same object the list holds, and nothing for an id not there", () => {
    let found = 0;
    for (const doc of seeds)
      for (const clause of clausesOf(doc)) {
        expect(clauseById(doc, clause.id)).toBe(clausesOf(doc).find((c) => c.id === clause.id));
        found++;
      }
    expect(found).toBeGreaterThan(50);
    expect(clauseById(seeds[0]!, "no-such-clause")).toBeUndefined();
  });

  it("gives the first of two clauses with one id, as a search of the list does", () => {
    const doc = seeds.find((d) => clausesOf(d).length >= 2)!;
    const [first, second] = doc.sections.flatMap(function nodes(n): typeof doc.sections {
      return [...(n.clause ? [n] : []), ...n.children.flatMap(nodes)];
    });
    expect(second!.label).not.toBe(first!.label);
    const twin = { sections: [first!, { ...second!, id: first!.id }] };
    expect(clauseById(twin, first!.id)?.label).toBe(first!.label);
  });
});
