/**
 * Golden models: every seed and every fixture file parses to the model stored beside the
 * tests (tests/golden/<name>.json), compared field by field so a failure names the field
 * and a reviewer reads a change of the parser as a diff of the models.
 * `UPDATE_GOLDEN=1 npm run test:unit` rewrites them from the current parser.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCircular } from "../../src/ingest/parse.ts";
import { SOURCES } from "../helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const GOLDEN = join(ROOT, "tests", "golden");
const FIXTURES = join(ROOT, "tests", "fixtures");

function inputs(): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".txt") ? [join(dir, e.name)] : []));
  // The seeds (the bundled folder's top level) and the fixtures; the labelled sets below it are measured by `npm run accuracy`.
  const seeds = readdirSync(SOURCES).filter((f) => f.endsWith(".txt")).map((f) => join(SOURCES, f));
  return [...seeds, ...walk(FIXTURES)].sort();
}

describe.each(inputs().map((f) => [relative(ROOT, f), f] as const))("%s", (name, file) => {
  const parsed = parseCircular(readFileSync(file), name);
  const actual = JSON.parse(JSON.stringify(parsed.ok ? parsed.value : { error: parsed.error })) as Record<string, unknown>;
  const goldenFile = join(GOLDEN, `${name.replace(/^(content\/sources|tests\/fixtures)\//, "").replace(/\.txt$/, "").replace(/\//g, "--")}.json`);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenFile, JSON.stringify(actual, null, 1) + "\n");
  it("has a golden model", () => expect(existsSync(goldenFile), `${goldenFile} (run with UPDATE_GOLDEN=1)`).toBe(true));
  if (!existsSync(goldenFile)) return;
  const golden = JSON.parse(readFileSync(goldenFile, "utf8")) as Record<string, unknown>;
  it("has the golden model's fields", () => expect(Object.keys(actual).sort()).toEqual(Object.keys(golden).sort()));
  it.each(Object.keys(golden))("%s as in the golden model", (field) => expect(actual[field]).toEqual(golden[field]));
});
