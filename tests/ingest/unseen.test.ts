/**
 * Documents shaped as pages and databases print them, written for these tests, one pattern
 * the issue names each (tests/fixtures/unseen, with hand-read labels): every labelled header
 * value is right, read through the entry the CLI uses (parseSource: Markdown is Markdown).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/ingest/parse.ts";
import { judge } from "../../src/bench/accuracy/judge.ts";
import { handLabelled } from "../../src/bench/accuracy/sets.ts";

const set = handLabelled("fixtures", join(import.meta.dirname, "..", "fixtures", "unseen"));

describe.each(set.files.map((f) => [f.name, f] as const))("%s", (_name, f) => {
  it("reads every labelled field right", async () => {
    const r = await parseSource(readFileSync(f.path), f.path);
    if (!r.ok) throw new Error(r.error.message);
    const misses = judge(f.label, r.value)
      .filter((j) => j.verdict !== "right")
      .map((j) => `${j.field}: ${j.expected} → ${j.got}`);
    expect(misses).toEqual([]);
  });
});
