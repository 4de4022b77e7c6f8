/**
 * The derive stage's store (library/derived.ts): each document's related clauses in a file
 * of its own, and in short (a hash and the documents named) for the page plan.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  derive,
  deriveFromKeys,
  docFactsOf,
  inMemory,
  libraryFacts,
  relatedSummary,
} from "../../src/corpus/derived.ts";
import type { ClauseKey } from "../../src/corpus/related.ts";
import type { KeyedClauses } from "../../src/corpus/keyedLibrary.ts";
import { derivedInPlace, readDerived, readState, writeDerived, writeFacts } from "../../src/library/derived.ts";
import { copyingLibrary } from "../compare/copyingLibrary.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
const ids = models.map((m) => m.id);
const derivation = derive(models);

describe("related clauses in short", () => {
  it("as stored, as made in memory, and as made from the stored lists agree", () => {
    const dir = mkdtempSync(join(tmpdir(), "derived-"));
    writeDerived(derivation, dir);
    const stored = readDerived(dir);
    const memory = inMemory(derivation);
    const named = ids.filter((id) => stored.relatedSummaryOf(id).docIds.length > 0);
    expect(named.length).toBeGreaterThan(1);
    for (const id of ids) {
      expect(stored.relatedSummaryOf(id)).toEqual(relatedSummary(stored.relatedOf(id)));
      expect(stored.relatedSummaryOf(id)).toEqual(memory.relatedSummaryOf(id));
    }
    // Without the summaries (a derive stage stopped half-way), the same, from the lists.
    rmSync(join(dir, "related-summaries.json"));
    const fallback = readDerived(dir);
    for (const id of ids) expect(fallback.relatedSummaryOf(id)).toEqual(memory.relatedSummaryOf(id));
  });

  it("a list changed changes its document's hash, and only its", () => {
    const dir = mkdtempSync(join(tmpdir(), "derived-"));
    writeDerived(derivation, dir);
    const stored = readDerived(dir);
    const before = new Map(ids.map((id) => [id, stored.relatedSummaryOf(id)]));
    const [key, list] = [...derivation.related].find(([, l]) => l.length > 0)!;
    const doc = key.slice(0, key.indexOf("#"));
    const related = new Map(derivation.related).set(
      key,
      list.map((r, i) => (i === 0 ? { ...r, score: r.score / 2 } : r)),
    );
    writeDerived({ ...derivation, related }, dir);
    const after = readDerived(dir);
    for (const id of ids)
      if (id === doc) expect(after.relatedSummaryOf(id).hash).not.toBe(before.get(id)!.hash);
      else expect(after.relatedSummaryOf(id)).toEqual(before.get(id));
    // Its file is written again (the others' hashes say they are as they were), and again when the list goes back.
    const clause = key.slice(key.indexOf("#") + 1);
    expect(after.relatedOf(doc).get(clause)).toEqual(related.get(key));
    writeDerived(derivation, dir);
    expect(readDerived(dir).relatedOf(doc).get(clause)).toEqual(list);
  });
});

describe("the derive stage's outputs, read once it is done", () => {
  it("are read only when first asked for, after `ready`: the site build starts before derive ends", () => {
    const dir = mkdtempSync(join(tmpdir(), "derived-"));
    let calls = 0;
    const ready = () => {
      calls++;
      writeDerived(derivation, dir);
    };
    // Nothing written yet: reading the facts (none here) does not wait, and does not fail.
    const stored = readDerived(dir, { derived: ready });
    expect(stored.facts).toBeNull();
    expect(calls).toBe(0);
    expect(stored.relatedSummaryOf(ids[0]!)).toEqual(inMemory(derivation).relatedSummaryOf(ids[0]!));
    expect(stored.similar).toEqual(derivation.similar);
    expect(calls).toBe(1);
  });

  it("the facts once the facts stage is done: the site build starts before it ends", () => {
    const dir = mkdtempSync(join(tmpdir(), "derived-"));
    const made = new Map(models.map((m) => [m.id, docFactsOf(m)]));
    const facts = libraryFacts(models, "2026-12-01");
    // The facts stage ends only when the site build asks for them: read before, they would be none.
    const stored = readDerived(dir, { facts: () => writeFacts(facts, null, ids, made, dir) });
    expect(stored.facts?.asOf).toBe("2026-12-01");
    expect(stored.facts?.documents).toEqual(Object.fromEntries(made));
  });

  it("say what to run when the stage has not run", () => {
    const stored = readDerived(mkdtempSync(join(tmpdir(), "derived-")));
    expect(() => stored.similar).toThrow("derive stage");
  });
});

describe("the derive stage's outputs in place", () => {
  it("all of them; not when the IDF table, the summaries or a document's related clauses are missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "derived-"));
    writeDerived(derive(models), dir);
    expect(derivedInPlace(dir)).toBe(false);
    writeFileSync(join(dir, "idf.json"), "{}");
    expect(derivedInPlace(dir)).toBe(true);
    rmSync(join(dir, "related", readdirSync(join(dir, "related"))[0]!));
    expect(derivedInPlace(dir)).toBe(false);
    writeDerived(derive(models), dir);
    expect(derivedInPlace(dir)).toBe(true);
    rmSync(join(dir, "related-summaries.json"));
    expect(derivedInPlace(dir)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the derive stage's outputs made again from the last build's state", () => {
  /** Every file the stage's store holds, by path. */
  const files = (dir: string) =>
    new Map(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name))]),
    );
  const keyed = (clauses: ClauseKey[]) => {
    const docs = new Map<string, KeyedClauses>();
    for (const c of clauses) (docs.get(c.docId) ?? docs.set(c.docId, []).get(c.docId)!).push([c.clauseId, c.text]);
    return docs;
  };
  // Scored through LSH buckets, as a library of thousands of circulars is: small ones are scored whole, with no state.
  const options = { exhaustiveUpTo: 0, maxBucket: 40 };

  it.each(["after", "edited", "closing"] as const)("are the files made from nothing (%s)", (change) => {
    const library = copyingLibrary();
    const [again, whole] = [mkdtempSync(join(tmpdir(), "derived-")), mkdtempSync(join(tmpdir(), "derived-"))];
    writeDerived(deriveFromKeys(keyed(library.before), null, options), again);
    const incremental = deriveFromKeys(keyed(library[change]), readState(again), options);
    writeDerived(incremental, again);
    writeDerived(deriveFromKeys(keyed(library[change]), null, options), whole);
    expect(incremental.changed!.size).toBeLessThan(incremental.documents.length);
    expect(files(again)).toEqual(files(whole));
    for (const dir of [again, whole]) rmSync(dir, { recursive: true, force: true });
  });
});
