/**
 * Citations by title resolved against libraries that hold many documents of one title (关于做好
 * 安全生产工作的通知 is issued by hundreds of bodies; a law has several versions): the target
 * is the one the plain definition picks, and each citing clause is listed once under it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveCitations, type CiteRef } from "../../src/corpus/citationGraph.ts";
import type { Citation, FactsInput } from "../../src/model/circular.ts";

const TITLES = ["关于做好安全生产工作的通知", "某市人民政府关于做好安全生产工作的通知", "安全生产法", "消防法"];
const DATES = [null, "2019", "2020-01-01", "2020-01-01", "2020-06", "2021-05-05"];

/** As written before the lookup was indexed: every citing document filters and sorts the title's versions. */
function plainVersionAt(versions: FactsInput[], citing: FactsInput, strictlyBefore: boolean) {
  const others = versions.filter((v) => v.id !== citing.id);
  const date = citing.date;
  const dated = others.filter((v) => v.date).sort((a, b) => a.date!.localeCompare(b.date!));
  if (date) {
    const before = dated.filter((v) => (strictlyBefore ? v.date! < date : v.date! <= date));
    if (before.length) return before.at(-1);
    if (strictlyBefore) return undefined;
  }
  return dated.at(-1) ?? others[0];
}

/** The titles a cited title matches: the same words after the issuer (…关于), as the library keys them. */
const sameTitle = (a: string, b: string) => {
  const words = (t: string) => (t.includes("关于") ? t.slice(t.indexOf("关于")) : t);
  return words(a) === words(b);
};

const library = fc
  .array(
    fc.record({
      title: fc.constantFrom(...TITLES),
      date: fc.constantFrom(...DATES),
      cites: fc.array(
        fc.record({
          title: fc.constantFrom(...TITLES),
          relation: fc.constantFrom("cites" as const, "repeals" as const),
          clauseId: fc.constantFrom(null, "s1", "s2"),
        }),
        { maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((docs) =>
    docs.map(
      (d, i) =>
        ({
          id: `d${i}`,
          title: d.title,
          docNumber: null,
          date: d.date,
          citations: d.cites.map((c): Citation => ({ ...c, docNumber: null, raw: `《${c.title}》` })),
        }) as unknown as FactsInput,
    ),
  );

describe("citations by title", () => {
  it("resolve to the version the plain definition picks, each citing clause listed once", () => {
    fc.assert(
      fc.property(library, (docs) => {
        const { cites, citedBy } = resolveCitations(docs);
        const expected = new Map<string, CiteRef[]>();
        for (const doc of docs) {
          const targets = doc.citations.map((c) => {
            const versions = docs.filter((d) => sameTitle(d.title, c.title!));
            const target = plainVersionAt(versions, doc, c.relation === "repeals");
            if (!target || target.id === doc.id) return null;
            const list = expected.get(target.id) ?? expected.set(target.id, []).get(target.id)!;
            if (!list.some((r) => r.docId === doc.id && r.clauseId === c.clauseId))
              list.push({ docId: doc.id, clauseId: c.clauseId });
            return target.id;
          });
          expect(cites.get(doc.id)!.map((r) => r.targetId)).toEqual(targets);
        }
        expect(citedBy).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
