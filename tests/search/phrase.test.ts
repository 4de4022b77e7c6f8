/**
 * The exact-phrase index finds exactly the clauses containing a phrase: every one (recall)
 * and no clause that merely holds its pieces apart (precision), checked against a brute
 * force scan of the seeds.
 */
import { describe, expect, it } from "vitest";
import { phraseKey } from "../../src/text/keys.ts";
import { bigrams } from "../../src/text/grams.ts";
import { buildPhraseIndex, type PhraseIndexOptions } from "../../src/search/buildIndex.ts";
import { searchEntries } from "../../src/search/entries.ts";
import {
  findPhrase,
  lookupGrams,
  PhraseQuery,
  type IndexLoader,
  type PhraseDoc,
  type PhraseMeta,
} from "../../src/search/phrase.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
// Oldest first, as the search stage numbers them.
const order = [...models]
  .sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.id.localeCompare(b.id))
  .map((m) => m.id);
const full = (id: string) => models.find((m) => m.id === id)!;

/** The index's files in memory, and a loader that counts what it reads. */
function built(options: PhraseIndexOptions = {}) {
  const files = new Map<string, string>();
  const meta = buildPhraseIndex(
    order,
    full,
    (id) => `/circulars/${id}/`,
    ["pagefind/"],
    (path, content) => files.set(path, content),
    options,
  );
  const read: string[] = [];
  const load: IndexLoader = async <T>(path: string) => {
    read.push(path);
    return JSON.parse(files.get(path) ?? "{}") as T;
  };
  return { files, meta, load, read };
}
const { files, meta, load } = built();
// Pages of a few dozen bytes: nearly every gram's postings are paged.
const paged = built({ pageBytes: 40, shardBytes: 2000 });
const entries = order
  .map(full)
  .map((d) =>
    [
      [d.title, d.docNumber ?? "", d.docNumberRaw ?? "", ...d.issuers].join(" "),
      ...searchEntries(full(d.id)).map((e) => e.text),
    ].map(phraseKey),
  );

function bruteForce(phrase: string): Map<number, Set<number>> {
  const p = phraseKey(phrase);
  const out = new Map<number, Set<number>>();
  entries.forEach((texts, d) =>
    texts.forEach((t, e) => {
      if (t.includes(p)) (out.get(d) ?? out.set(d, new Set()).get(d)!).add(e);
    }),
  );
  return out;
}
const asSorted = (m: Map<number, Set<number>>) =>
  [...m].map(([d, s]) => [d, [...s].sort((a, b) => a - b)]).sort((a, b) => (a[0] as number) - (b[0] as number));

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;

describe("exact-phrase index", () => {
  it("tiles a phrase with trigrams that pin every character", () => {
    expect(lookupGrams("应急")).toEqual([{ gram: "应急", at: 0 }]);
    expect(lookupGrams("应急预案").map((g) => g.at)).toEqual([0, 1]);
    expect(lookupGrams("安全生产责任制度").map((g) => [g.gram, g.at])).toEqual([
      ["安全生", 0],
      ["产责任", 3],
      ["任制度", 5],
    ]);
  });

  it("finds exactly what a scan finds, for 400 phrases cut from the circulars", async () => {
    for (let k = 0; k < 400; k++) {
      const text = pick(pick(entries));
      const len = 2 + Math.floor(random() * 7);
      const start = Math.floor(random() * Math.max(1, text.length - len));
      const phrase = text.slice(start, start + len);
      if ([...phrase].length < 2) continue;
      expect(asSorted((await findPhrase(phraseKey(phrase), meta, load))!), phrase).toEqual(
        asSorted(bruteForce(phrase)),
      );
      expect(asSorted((await findPhrase(phraseKey(phrase), paged.meta, paged.load))!), `${phrase} (paged)`).toEqual(
        asSorted(bruteForce(phrase)),
      );
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
    order.map(full).forEach((d, i) => {
      for (const line of d.body.split("\n").filter((l) => l.trim())) {
        expect(
          entries[i]!.some((t) => t.includes(phraseKey(line))),
          line,
        ).toBe(true);
      }
    });
  });

  it("finds a section's own paragraph and links to that section", async () => {
    const d = order.map(full).findIndex((m) => m.title.includes("城市安全发展有关工作"));
    const general = full(order[d]!).sections.find((s) => s.heading === "总体要求")!;
    expect(general.clause).toBeNull();
    const phrase = [...general.text!.replace(/\s+/g, "")].slice(6, 14).join("");
    const hits = (await findPhrase(phraseKey(phrase), meta, load))!;
    const doc = JSON.parse(files.get(`doc/${d}.json`)!) as { anchors: string[] };
    expect([...hits.get(d)!].map((e) => doc.anchors[e - 1])).toContain(general.id);
  });

  it("finds a single character exactly, in headers and bodies", async () => {
    for (const c of ["安", "煤", "矿", "〔"]) {
      expect(asSorted((await findPhrase(phraseKey(c), meta, load))!), c).toEqual(asSorted(bruteForce(c)));
      expect(asSorted((await findPhrase(phraseKey(c), paged.meta, paged.load))!), c).toEqual(asSorted(bruteForce(c)));
    }
    expect(await findPhrase("", meta, load)).toBeNull();
  });

  it("orders hits: header matches first, then others, each newest first; the date order by date alone", async () => {
    for (const q of ["安全生产", "应急", "城市安全发展", "煤"]) {
      // Numbered oldest first: newest first is the reverse.
      const expected = [...bruteForce(q)].map(([d, e]) => ({ d, head: e.has(0) })).reverse();
      const relevance = [...expected.filter((x) => x.head), ...expected.filter((x) => !x.head)].map((x) => x.d);
      for (const index of [{ meta, load }, paged]) {
        const query = (await PhraseQuery.open([phraseKey(q)], index.meta, index.load))!;
        const got = async (order: "relevance" | "date-desc" | "date-asc") => {
          const out: number[] = [];
          for await (const h of (await PhraseQuery.open([phraseKey(q)], index.meta, index.load))!.hits(order))
            out.push(h.doc);
          return out;
        };
        expect(await got("relevance"), q).toEqual(relevance);
        expect(await got("date-desc"), q).toEqual(expected.map((x) => x.d));
        expect(await got("date-asc"), q).toEqual(expected.map((x) => x.d).reverse());
        expect(expected.length).toBeGreaterThan(1);
        expect(query).toBeTruthy();
      }
    }
  });

  it("a query of several phrases hits circulars holding all of them", async () => {
    const query = (await PhraseQuery.open(["尾矿库", "煤矿"].map(phraseKey), paged.meta, paged.load))!;
    const got: number[] = [];
    for await (const h of query.hits("date-desc")) got.push(h.doc);
    const both = [...bruteForce("尾矿库").keys()].filter((d) => bruteForce("煤矿").has(d));
    expect(got).toEqual(both.sort((a, b) => b - a));
    expect(both.length).toBeGreaterThan(0);
  });

  it(
    "reads postings a page at a time: the first hits of a common phrase" +
      " read a few pages, and the count is an estimate until all are read",
    async () => {
      const q = phraseKey("安全");
      const all = bruteForce("安全").size;
      paged.read.length = 0;
      const query = (await PhraseQuery.open([q], paged.meta, paged.load))!;
      const it = query.hits("date-desc");
      await it.next();
      const firstRead = paged.read.filter((p) => p.includes("/p/")).length;
      expect(query.count().exact).toBe(false);
      let n = 1;
      while (!(await it.next()).done) n++;
      expect(n).toBe(all);
      expect(query.count()).toEqual({ docs: all, exact: true });
      expect(firstRead).toBeLessThan(paged.read.filter((p) => p.includes("/p/")).length);
    },
  );

  it("keeps each circular's text in chunks, every entry in the chunk its doc file names", () => {
    order.forEach((id, n) => {
      const doc = JSON.parse(files.get(`doc/${n}.json`)!) as PhraseDoc;
      const texts = doc.chunks.flatMap(
        (_, k) => JSON.parse(files.get(`text/${id}/${k}.json`)!) as Array<[string, string, string]>,
      );
      expect(
        texts.map((t) => phraseKey(t[2])),
        id,
      ).toEqual(entries[n]!.slice(1));
      expect(texts.map((t) => t[0])).toEqual(doc.anchors);
    });
  });

  it("keeps its table of contents small: facets are a separate file", () => {
    expect(files.get("meta.json")!.length).toBeLessThan(300);
    expect(JSON.parse(files.get("facets.json")!).facets).toHaveLength(models.length);
  });
});
