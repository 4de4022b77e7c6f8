/**
 * The exact-phrase index finds exactly the clauses containing a phrase: every one (recall)
 * and no clause that merely holds its pieces apart (precision), checked against a brute
 * force scan of the seeds.
 */
import { describe, expect, it } from "vitest";
import { buildCorpusIndex } from "../../src/corpus/index.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { bigrams } from "../../src/text/grams.ts";
import { buildPhraseIndex } from "../../src/search/buildIndex.ts";
import { searchEntries } from "../../src/search/entries.ts";
import { findPhrase, lookupGrams, type PhraseMeta } from "../../src/search/phrase.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
const corpus = buildCorpusIndex(models);
const full = (id: string) => models.find((m) => m.id === id)!;
const files = buildPhraseIndex(corpus, (id) => `/circulars/${id}/`, ["pagefind/"], (d) => full(d.id));
const meta = JSON.parse(files.get("meta.json")!) as PhraseMeta;
const load = async (kind: string, shard: number) => JSON.parse(files.get(`${kind}/${shard}.json`) ?? "{}") as Record<string, string>;
const entries = corpus.docs.map((d) =>
  [[d.title, d.docNumber ?? "", d.docNumberRaw ?? "", ...d.issuers].join(" "), ...searchEntries(full(d.id)).map((e) => e.text)].map(phraseKey),
);

function bruteForce(phrase: string): Map<number, Set<number>> {
  const p = phraseKey(phrase);
  const out = new Map<number, Set<number>>();
  entries.forEach((texts, d) => texts.forEach((t, e) => {
    if (t.includes(p)) (out.get(d) ?? out.set(d, new Set()).get(d)!).add(e);
  }));
  return out;
}
const asSorted = (m: Map<number, Set<number>>) => [...m].map(([d, s]) => [d, [...s].sort((a, b) => a - b)]).sort((a, b) => (a[0] as number) - (b[0] as number));

let seed = 11;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;

describe("exact-phrase index", () => {
  it("tiles a phrase with trigrams that pin every character", () => {
    expect(lookupGrams("应急")).toEqual([{ gram: "应急", at: 0 }]);
    expect(lookupGrams("应急预案").map((g) => g.at)).toEqual([0, 1]);
    expect(lookupGrams("安全生产责任制度").map((g) => [g.gram, g.at])).toEqual([["安全生", 0], ["产责任", 3], ["任制度", 5]]);
  });

  it("finds exactly what a scan finds, for 400 phrases cut from the circulars", async () => {
    for (let k = 0; k < 400; k++) {
      const text = pick(pick(entries));
      const len = 2 + Math.floor(random() * 7);
      const start = Math.floor(random() * Math.max(1, text.length - len));
      const phrase = text.slice(start, start + len);
      if ([...phrase].length < 2) continue;
      expect(asSorted((await findPhrase(phraseKey(phrase), meta, load))!), phrase).toEqual(asSorted(bruteForce(phrase)));
    }
  });

  it("does not match a clause that holds the phrase's pieces apart", async () => {
    // Two pieces of one clause joined: every bigram is in that clause, the phrase mostly is not.
    let apart = 0;
    for (let k = 0; k < 300; k++) {
      const text = pick(pick(entries));
      if (text.length < 20) continue;
      const a = Math.floor(random() * (text.length - 8));
      const b = Math.floor(random() * (text.length - 8));
      const phrase = text.slice(a, a + 3) + text.slice(b, b + 3);
      const found = (await findPhrase(phraseKey(phrase), meta, load))!;
      expect(asSorted(found), phrase).toEqual(asSorted(bruteForce(phrase)));
      const grams = new Set(bigrams(phrase));
      if (!text.includes(phrase) && [...grams].every((g) => text.includes(g))) apart++;
    }
    // The case that bigrams alone would get wrong did occur, and was rejected.
    expect(apart).toBeGreaterThan(3);
  });

  it("holds the whole body: every body line, its number label too (第五十二条), is inside an entry", () => {
    corpus.docs.forEach((d, i) => {
      for (const line of full(d.id).body.split("\n").filter((l) => l.trim())) {
        expect(entries[i]!.some((t) => t.includes(phraseKey(line))), line).toBe(true);
      }
    });
  });

  it("finds a section's own paragraph and links to that section", async () => {
    const d = corpus.docs.findIndex((m) => m.title.includes("城市安全发展有关工作"));
    const general = corpus.docs[d]!.sections.find((s) => s.heading === "总体要求")!;
    expect(general.isClause).toBe(false);
    const phrase = [...general.text!.replace(/\s+/g, "")].slice(6, 14).join("");
    const hits = (await findPhrase(phraseKey(phrase), meta, load))!;
    const doc = JSON.parse(files.get(`doc/${d}.json`)!) as { anchors: string[] };
    expect([...hits.get(d)!].map((e) => doc.anchors[e - 1])).toContain(general.id);
  });

  it("answers nothing for one character (Pagefind's job)", async () => {
    expect(await findPhrase(phraseKey("安"), meta, load)).toBeNull();
  });

  it("keeps its table of contents small: facets are a separate file", () => {
    expect(files.get("meta.json")!.length).toBeLessThan(300);
    expect(JSON.parse(files.get("facets.json")!).facets).toHaveLength(models.length);
  });
});
