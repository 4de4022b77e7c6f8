/**
 * What decides that a build ends after ingest, keeping dist/ (src/library/build.ts inputsHash): the same hash means
 * the stages after ingest would make what the last build made, so each input they read must change it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inputsHash } from "../../src/library/build.ts";

/** A content folder with a manifest, and a file of published ids beside it. */
function library() {
  const content = mkdtempSync(join(tmpdir(), "build-inputs-"));
  mkdirSync(join(content, "models"));
  const manifest = join(content, "models", ".manifest.json");
  const published = join(content, "published-ids.json");
  writeFileSync(manifest, JSON.stringify({ pipeline: "p", files: { "a.txt": { sha256: "1", id: "c-a" } } }));
  writeFileSync(published, JSON.stringify({ ids: {} }));
  return { content, manifest, published };
}

describe("the inputs of the stages after ingest", () => {
  const env = { AS_OF: "2026-12-01" };

  it("hash alike when nothing changed", () => {
    const l = library();
    expect(inputsHash({ ...env }, l.content, l.published)).toBe(inputsHash(env, l.content, l.published));
  });

  it("change with the stored models (a source, a correction or a model file: the manifest records each)", () => {
    const l = library();
    const before = inputsHash(env, l.content, l.published);
    writeFileSync(l.manifest, JSON.stringify({ pipeline: "p", files: { "a.txt": { sha256: "2", id: "c-a" } } }));
    expect(inputsHash(env, l.content, l.published)).not.toBe(before);
  });

  it("change with the ids published before (their pages send the reader on)", () => {
    const l = library();
    const before = inputsHash(env, l.content, l.published);
    writeFileSync(l.published, JSON.stringify({ ids: { "a.txt": ["c-old"] } }));
    expect(inputsHash(env, l.content, l.published)).not.toBe(before);
  });

  it("change with the as-of date of 时效性, which is the day of the build when AS_OF is not given", () => {
    const l = library();
    expect(inputsHash({ AS_OF: "2026-12-02" }, l.content, l.published)).not.toBe(
      inputsHash(env, l.content, l.published),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(inputsHash({}, l.content, l.published)).toBe(inputsHash({ AS_OF: today }, l.content, l.published));
  });

  it("change with the size of a Pagefind bundle", () => {
    const l = library();
    expect(inputsHash({ ...env, PAGEFIND_BUNDLE: "2" }, l.content, l.published)).not.toBe(
      inputsHash(env, l.content, l.published),
    );
  });
});
