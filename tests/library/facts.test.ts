/**
 * The facts stage's store (library/derived.ts): each document's own facts in a file of its
 * own, kept from one build to the next while the code and the document's source are the same.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docFactsOf, libraryFacts, type DocFacts } from "../../src/corpus/derived.ts";
import {
  factsInputsKept,
  openFacts,
  ownFactsKept,
  readFacts,
  readFactsFile,
  writeFacts,
  writeFactsInputs,
} from "../../src/library/derived.ts";
import { factsInputOf } from "../../src/model/circular.ts";
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

describe("each document's facts input, kept for the library's facts", () => {
  it("gives the library's facts (时效性, versions, kinds) of the whole models", () => {
    // Documents that repeal, cite, expire and have versions, with the seeds.
    const fixtures = join(import.meta.dirname, "..", "fixtures", "incremental");
    const regulations = join(import.meta.dirname, "..", "..", "content", "sources", "regulations");
    const rich = [
      ...models,
      ...readdirSync(fixtures).map((f) => parseOk(readFileSync(join(fixtures, f)), f)),
      ...readdirSync(regulations)
        .filter((f) => f.startsWith("上海市中小学校学生伤害事故处理条例") || f.includes("气象灾害防御条例"))
        .map((f) => parseOk(readFileSync(join(regulations, f)), f)),
    ];
    const whole = libraryFacts(rich, "2026-12-01");
    expect(new Set(Object.values(whole.validity).map((v) => v.provenance.from))).toEqual(
      new Set(["library", "term", "effective", "none"]),
    );
    expect(whole.versions.length).toBeGreaterThan(0);
    expect(libraryFacts(rich.map(factsInputOf), "2026-12-01")).toEqual(whole);
  });

  it("kept when the code and the source are the same; read again when either changed", () => {
    const dir = stored();
    const [a, b] = ids;
    writeFactsInputs({ code: "c1", sources }, models.map(factsInputOf), dir);
    const kept = factsInputsKept({ code: "c1", sources }, dir);
    expect([...kept.keys()].sort()).toEqual([...ids].sort());
    expect(kept.get(a!)).toEqual(factsInputOf(models[0]!));
    const edited = factsInputsKept({ code: "c1", sources: { ...sources, [b!]: `${b}-v2` } }, dir);
    expect(edited.has(b!)).toBe(false);
    expect(edited.has(a!)).toBe(true);
    expect(factsInputsKept({ code: "c2", sources }, dir).size).toBe(0);
    writeFileSync(join(dir, "facts-inputs.json"), "{");
    expect(factsInputsKept({ code: "c1", sources }, dir).size).toBe(0);
  });

  it("a stage reading few documents reads only their own facts", () => {
    const dir = stored();
    const [a, b] = ids;
    writeFileSync(ownPath(dir, b!), JSON.stringify({ topics: "mining" }));
    const facts = openFacts(dir)!;
    expect(facts.ownOf(a!)).toEqual(docFactsOf(models[0]!));
    expect(facts.library.validity).toEqual(library.validity);
    expect(facts.ownOf("no-such-document")).toBeUndefined();
    expect(() => facts.ownOf(b!)).toThrow(ownPath(dir, b!));
  });
});
