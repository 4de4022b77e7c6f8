/**
 * Random phrases cut from a library's text, and the substring scan a search must agree with:
 * shared by the recall test of the built index (tests/site/recall.test.ts) and the browser
 * test that the search page shows what the index holds (tests/browser/search.test.ts).
 */
import type { Circular } from "../../src/model/circular.ts";
import { clausesOf } from "../../src/model/clauses.ts";
import { findPhrase, type IndexLoader, type PhraseDoc, type PhraseMeta } from "../../src/search/phrase.ts";
import { matchLabel } from "../../src/ingest/labels.ts";
import { searchEntries } from "../../src/search/entries.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { storedJson } from "../search/answers.ts";

/** A seeded generator (the same phrases on every run). */
function random(seed: number): (n: number) => number {
  return (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
}

/** phraseKey, remembered: the scans below key every clause and body once, not once per phrase. */
const keys = new Map<string, string>();
function keyOf(text: string): string {
  let k = keys.get(text);
  if (k === undefined) keys.set(text, (k = phraseKey(text)));
  return k;
}

const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;

/** `count` distinct phrases of 2–6 characters (two or more Han) cut from random clauses. */
export function clausePhrases(models: Circular[], count: number, seed = 20261123): string[] {
  const rand = random(seed);
  const clauses = models.flatMap((m) => clausesOf(m));
  const phrases = new Set<string>();
  while (phrases.size < count) {
    const chars = [...clauses[rand(clauses.length)]!.text.replace(/\s+/g, "")];
    const len = 2 + rand(5);
    const start = rand(Math.max(1, chars.length - len));
    const phrase = chars.slice(start, start + len).join("");
    if (hanCount(phrase) >= 2) phrases.add(phrase);
  }
  return [...phrases];
}

/**
 * Four-character phrases cut from random lines of circulars (regulations are almost all
 * articles), so that text outside clauses — preambles, section paragraphs, signatures — is
 * sampled: at least `outside` of them are in no clause. Number labels (一、 （二）) are
 * structure, not text: phrases are cut from what follows them.
 */
export function linePhrases(models: Circular[], outside: number, seed = 7): Array<{ phrase: string; from: Circular }> {
  const rand = random(seed);
  const circulars = models.filter((m) => !m.source.key.startsWith("regulations/"));
  const lines = circulars.flatMap((m) =>
    m.body.split("\n").map((line) => ({ m, line: matchLabel(line)?.rest ?? line })),
  );
  const out: Array<{ phrase: string; from: Circular }> = [];
  let notInClause = 0;
  for (let k = 0; k < 400 && (k < 60 || notInClause < outside); k++) {
    const { m, line } = lines[rand(lines.length)]!;
    const chars = [...line.replace(/\s+/g, "")];
    if (chars.length < 6) continue;
    const start = rand(chars.length - 4);
    const phrase = chars.slice(start, start + 4).join("");
    if (hanCount(phrase) < 3) continue;
    if (!clausesOf(m).some((c) => keyOf(c.text).includes(phraseKey(phrase)))) notInClause++;
    out.push({ phrase, from: m });
  }
  return out;
}

/** The documents holding the phrase anywhere in their body (header text apart). */
export function holdingInBody(models: Circular[], phrase: string): string[] {
  const key = phraseKey(phrase);
  return models.filter((m) => keyOf(m.body).includes(key)).map((m) => m.id);
}

/** The documents with a clause holding the phrase, and those clauses' anchors. */
export function clausesHolding(models: Circular[], phrase: string): Map<string, string[]> {
  const key = phraseKey(phrase);
  const out = new Map<string, string[]>();
  for (const m of models) {
    const ids = clausesOf(m)
      .filter((c) => keyOf(c.text).includes(key))
      .map((c) => c.id);
    if (ids.length) out.set(m.id, ids);
  }
  return out;
}

/**
 * The places a search result should link for a phrase in a document: its clauses and sections ("" for the page itself).
 */
export function anchorsOf(m: Circular, phrase: string): string[] {
  const key = phraseKey(phrase);
  return searchEntries(m)
    .filter((e) => keyOf(e.text).includes(key))
    .map((e) => e.anchor);
}

/**
 * The built phrase index of a site, read from its search-data/ as the search page reads it:
 * for a phrase, each document's id → the anchors of its matching entries ("" for text
 * outside numbered parts, "#header" for its header).
 */
export function indexOf(dist: string): (phrase: string) => Promise<Map<string, string[]>> {
  const files = new Map<string, unknown>();
  const load: IndexLoader = async <T>(path: string) => {
    if (!files.has(path)) files.set(path, storedJson(dist, path));
    return files.get(path) as T;
  };
  return async (phrase) => {
    const meta = await load<PhraseMeta>("meta.json");
    const hits = (await findPhrase(phraseKey(phrase), meta, load)) ?? new Map<number, Set<number>>();
    const out = new Map<string, string[]>();
    for (const [d, offsets] of hits) {
      const doc = await load<PhraseDoc>(`doc/${d}.json`);
      out.set(
        doc.id,
        [...offsets].map((o) => (o === 0 ? "#header" : doc.anchors[o - 1]!)),
      );
    }
    return out;
  };
}
