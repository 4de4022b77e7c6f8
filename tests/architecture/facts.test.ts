/**
 * Each fact derived from one document has one producer (corpus/derived.ts docFactsOf, run
 * by the facts stage), and the site and the search read what it stored: nothing else tags
 * topics or resolves departments.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCorpusIndex } from "../../src/corpus/index.ts";
import { docFactsOf, documentFacts, inMemory, derive, type DocFacts } from "../../src/corpus/derived.ts";
import { buildPhraseIndex } from "../../src/search/buildIndex.ts";
import type { PhraseFacets } from "../../src/search/phrase.ts";
import { TOPICS } from "../../src/config/topics.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const models = seedFiles().map((f) => parseOk(seedBytes(f), f));

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|astro)$/.test(f))
    .map((f) => join(dir, f));
}

describe("facts of a document, derived once", () => {
  it("only docFactsOf tags topics and resolves departments", () => {
    const callers = [...sources("src"), ...sources("scripts")].filter((f) =>
      /\b(tagCircular|departmentsOf)\(/.test(
        readFileSync(join(ROOT, f), "utf8").replace(/export function (tagCircular|departmentsOf)\(/g, ""),
      ),
    );
    expect(callers).toEqual(["src/corpus/derived.ts"]);
  });

  it("only the facts stage's producer chains versions, groups kinds and judges 时效性", () => {
    const callers = [...sources("src"), ...sources("scripts")].filter((f) =>
      /\b(versionChains|kindsOf|validities)\(/.test(
        readFileSync(join(ROOT, f), "utf8").replace(/export function (versionChains|kindsOf|validities)\(/g, ""),
      ),
    );
    expect(callers).toEqual(["src/corpus/derived.ts"]);
  });

  it("the site's index takes versions, kinds and 时效性 from the facts stage", () => {
    const [a, b] = models;
    const stored = {
      ...documentFacts(models, "2026-12-01"),
      versions: [[a!.id, b!.id]],
      kinds: [{ slug: "k", name: "某条例", docIds: [a!.id, b!.id], baseline: null, jurisdictionCount: 2 }],
      validity: Object.fromEntries(
        models.map((m) => [
          m.id,
          {
            status: "repealed" as const,
            since: null,
            until: null,
            by: b!.id,
            provenance: { from: "none" as const, rule: "测试", line: null },
          },
        ]),
      ),
    };
    const index = buildCorpusIndex(models, {}, { ...inMemory(derive(models)), facts: stored });
    expect(index.versions.get(b!.id)?.docIds).toEqual([a!.id, b!.id]);
    expect(index.kindOf.get(a!.id)?.name).toBe("某条例");
    expect(index.validity.get(a!.id)?.status).toBe("repealed");
  });

  // A stored fact that the producer would not give: readers that derive again would miss it.
  const marked = (doc: (typeof models)[number]): DocFacts => ({
    ...docFactsOf(doc),
    topics: { primary: ["mining"], mentioned: [] },
  });

  it("the site's index takes each document's topics and departments from the facts stage", () => {
    const facts = {
      ...documentFacts(models, "2026-12-01"),
      documents: Object.fromEntries(models.map((m) => [m.id, marked(m)])),
    };
    const index = buildCorpusIndex(models, {}, { ...inMemory(derive(models)), facts });
    for (const m of models) expect(index.docTopics.get(m.id)).toEqual({ primary: ["mining"], mentioned: [] });
  });

  it("the search index takes them from the facts stage too", () => {
    const files = new Map<string, string>();
    const order = models.map((m) => m.id);
    buildPhraseIndex(
      order,
      (id) => models.find((m) => m.id === id)!,
      (id) => `/circulars/${id}/`,
      [],
      (p, c) => files.set(p, c),
      {
        factsOf: (id) => marked(models.find((m) => m.id === id)!),
      },
    );
    const mining = 1 << TOPICS.findIndex((t) => t.slug === "mining");
    const facets = (JSON.parse(files.get("facets.json")!) as PhraseFacets).facets;
    expect(facets.map((f) => f[4])).toEqual(models.map(() => mining));
  });
});
