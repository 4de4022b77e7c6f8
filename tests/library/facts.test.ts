/**
 * The facts stage's store (library/derived.ts): each document's own facts in a file of its
 * own, kept from one build to the next while the code and the document's source are the same.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docFactsOf, libraryFacts, type DocFacts } from "../../src/corpus/derived.ts";
import { ownFactsKept, readFacts, readFactsFile, writeFacts } from "../../src/library/derived.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";

const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
const ids = models.map((m) => m.id);
const library = libraryFacts(models, "2026-12-01");
const sources = Object.fromEntries(ids.map((id) => [id, `${id}-v1`]));
const ownPath = (dir: string, id: string) => join(dir, "own", `${id}.json`);

/** A store written from scratch by code `code`. */
function stored(code = "c1") {
  const dir = mkdtempSync(join(tmpdir(), "facts-"));
  const made = new Map(models.map((m) => [m.id, docFactsOf(m)]));
  writeFacts(library, { code, sources }, ids, made, dir);
  return dir;
}

describe("each document's own facts, stored a file each", () => {
  it("read back as they were made, with the library's facts", () => {
    const dir = stored();
    const facts = readFacts(dir)!;
    expect(facts.documents).toEqual(Object.fromEntries(models.map((m) => [m.id, docFactsOf(m)])));
    expect(facts.validity).toEqual(library.validity);
    expect(facts.asOf).toBe("2026-12-01");
  });

  it("kept when the code and the source are the same; made again when either changed", () => {
    const dir = stored();
    const [a, b] = ids;
    const previous = readFactsFile(dir);
    expect(ownFactsKept(ids, { code: "c1", sources }, previous, dir)).toEqual(new Set(ids));
    const edited = { ...sources, [b!]: `${b}-v2` };
    expect(ownFactsKept(ids, { code: "c1", sources: edited }, previous, dir).has(b!)).toBe(false);
    expect(ownFactsKept(ids, { code: "c1", sources: edited }, previous, dir).has(a!)).toBe(true);
    expect(ownFactsKept(ids, { code: "c2", sources }, previous, dir).size).toBe(0);
    // A document whose source is not known is made again.
    const { [a!]: _, ...noSource } = sources;
    expect(ownFactsKept(ids, { code: "c1", sources: noSource }, previous, dir).has(a!)).toBe(false);
    // No record of the last build (a stage stopped half-way removes it first): all made again.
    expect(ownFactsKept(ids, { code: "c1", sources }, null, dir).size).toBe(0);
  });

  it("a file changed since it was written is neither kept nor trusted", () => {
    const dir = stored();
    const [a, b] = ids;
    const path = ownPath(dir, a!);
    const changed: DocFacts = { ...docFactsOf(models[0]!), topics: { primary: ["mining"], mentioned: [] } };
    writeFileSync(path, JSON.stringify(changed));
    expect(ownFactsKept(ids, { code: "c1", sources }, readFactsFile(dir), dir).has(a!)).toBe(false);
    expect(readFacts(dir)!.documents[a!]!.topics.primary).toEqual(["mining"]);
    writeFileSync(ownPath(dir, b!), JSON.stringify({ topics: "mining" }));
    expect(() => readFacts(dir)).toThrow(ownPath(dir, b!));
  });

  it("a build writes only the facts it made, and deletes those of documents gone", () => {
    const dir = stored();
    const [a, b, c] = ids;
    const before = statSync(ownPath(dir, a!)).mtimeMs;
    const rest = ids.filter((id) => id !== c);
    const remade: DocFacts = { ...docFactsOf(models[1]!), topics: { primary: ["mining"], mentioned: [] } };
    writeFacts(library, { code: "c1", sources }, rest, new Map([[b!, remade]]), dir);
    expect(statSync(ownPath(dir, a!)).mtimeMs).toBe(before);
    expect(readdirSync(join(dir, "own")).sort()).toEqual(rest.map((id) => `${id}.json`).sort());
    const facts = readFacts(dir)!;
    expect(Object.keys(facts.documents).sort()).toEqual([...rest].sort());
    expect(facts.documents[b!]!.topics.primary).toEqual(["mining"]);
    expect(JSON.parse(readFileSync(join(dir, "facts.json"), "utf8")).own[c!]).toBeUndefined();
  });
});
