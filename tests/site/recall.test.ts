/**
 * Recall of the built phrase index, read in Node from the seed site's search-data/ as the
 * search page reads it: 100% against a plain substring scan for random phrases of clauses
 * and of text outside clauses, each hit naming the clauses or sections that hold the phrase.
 * The browser test (tests/browser/search.test.ts) shows that the page lists what the index
 * gives, on a sample of the same phrases.
 */
import { describe, expect, inject, it } from "vitest";
import { phraseKey } from "../../src/text/keys.ts";
import { siteModels } from "../browser/harness.ts";
import { clausePhrases, clausesHolding, holdingInBody, indexOf, linePhrases, anchorsOf } from "./phrases.ts";
import { clausesOf } from "../../src/model/clauses.ts";

const site = inject("seedSite");
const models = siteModels(site.content);
const indexed = indexOf(site.dist);

describe("the built phrase index", () => {
  it("recall of 240 random clause phrases is 100% against a substring scan, each hit with its clauses", async () => {
    const phrases = clausePhrases(models, 240);
    let missed = 0;
    for (const phrase of phrases) {
      const got = await indexed(phrase);
      for (const [id, clauses] of clausesHolding(models, phrase)) {
        const anchors = got.get(id);
        if (!anchors || !clauses.some((c) => anchors.includes(c))) missed++;
        expect(anchors, `${phrase} in ${id}`).toBeDefined();
        expect(
          clauses.filter((c) => anchors!.includes(c)),
          `${phrase}: the matching clauses of ${id}`,
        ).toEqual(clauses);
      }
    }
    expect(missed).toBe(0);
  });

  it("finds phrases outside clauses too (preamble, section paragraphs, signature), each at its place", async () => {
    const sample = linePhrases(models, 10);
    expect(
      sample.filter(({ phrase, from }) => !clausesOf(from).some((c) => phraseKey(c.text).includes(phraseKey(phrase))))
        .length,
    ).toBeGreaterThanOrEqual(10);
    for (const { phrase, from } of sample) {
      const got = await indexed(phrase);
      expect(
        holdingInBody(models, phrase).filter((id) => !got.has(id)),
        phrase,
      ).toEqual([]);
      // The hit in the document it was cut from names the clause or section holding it (the page itself for other
      // text).
      if (!phraseKey(from.title).includes(phraseKey(phrase)))
        expect(
          got.get(from.id)!.some((a) => anchorsOf(from, phrase).includes(a)),
          `${phrase} in ${from.id}`,
        ).toBe(true);
    }
  });
});
