/**
 * The page plan's order (site/pagePlan.ts): an incremental site build waits for the derive
 * stage where it first reads related clauses or similar documents, so the plan makes and
 * hashes every list page that needs neither before it reads them.
 */
import { describe, expect, it } from "vitest";
import { buildCorpusIndex } from "../../src/corpus/index.ts";
import { type Derived, derive, inMemory } from "../../src/corpus/derived.ts";
import { generateCorpus } from "../../src/bench/generate.ts";
import { pageInputs, pageStates } from "../../src/site/pagePlan.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const seeds = seedFiles().map((f) => parseOk(seedBytes(f), f));
const models = [...seeds, ...generateCorpus(seeds, 60, 3).map((f) => parseOk(Buffer.from(f.text), f.name))];

describe("the page plan", () => {
  it("plans every list page but the topics' overviews before it reads what the derive stage makes", () => {
    const made = inMemory(derive(models));
    const planned: string[] = [];
    let beforeFirstRead: string[] | null = null;
    const reading = () => (beforeFirstRead ??= [...planned]);
    const watched: Derived = {
      relatedOf: (id) => (reading(), made.relatedOf(id)),
      relatedSummaryOf: (id) => (reading(), made.relatedSummaryOf(id)),
      get similar() {
        reading();
        return made.similar;
      },
    };
    const index = buildCorpusIndex(models, {}, watched);
    const states = pageStates(
      (function* () {
        for (const page of pageInputs(index, (id) => `source of ${id}`)) {
          planned.push(page[0]);
          yield page;
        }
      })(),
    );
    const lists = planned.filter((key) => /^(topic:[^/]+\/|region:|year:|dept:|kind:|moved:)/.test(key));
    expect(lists.length).toBeGreaterThan(20);
    expect(beforeFirstRead).toEqual(lists);
    // Then every document's page, JSON and source text, and each topic's overview.
    expect(planned.filter((key) => key.startsWith("doc:"))).toHaveLength(models.length);
    expect(planned.filter((key) => /^topic:[^/]+$/.test(key)).length).toBeGreaterThan(0);
    expect(Object.keys(states.pages)).toEqual(planned);
  });
});
