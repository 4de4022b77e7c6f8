import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_PRIMARY, tagCircular } from "../../src/corpus/topics.ts";
import type { Circular } from "../../src/model/circular.ts";
import { bundledLibrary } from "../library.ts";

const labels = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/topics/labels.json"), "utf8")) as {
  documents: Record<string, { primary: string[]; acceptable: string[] }>;
};
let library: Map<string, Circular>;
// Parsing the 151 bundled documents takes a few seconds, more on a busy machine.
beforeAll(async () => {
  library = await bundledLibrary();
}, 120_000);

describe("primary topics against hand labels (five seeds, 20 regulations)", () => {
  it("covers the seeds and at least 20 regulations", () => {
    const names = Object.keys(labels.documents);
    expect(names.filter((n) => !n.startsWith("regulations/")).length).toBe(5);
    expect(names.filter((n) => n.startsWith("regulations/")).length).toBeGreaterThanOrEqual(20);
  });
  it.each(Object.entries(labels.documents))(
    "%s: finds every labelled topic, and nothing a reader would object to",
    (name, label) => {
      const doc = library.get(name);
      expect(doc, name).toBeDefined();
      const { primary, mentioned } = tagCircular(doc!).document;
      expect(primary.length).toBeLessThanOrEqual(MAX_PRIMARY);
      expect(primary).toEqual(expect.arrayContaining(label.primary));
      expect(primary.filter((t) => !label.primary.includes(t) && !label.acceptable.includes(t))).toEqual([]);
      expect(mentioned.some((t) => primary.includes(t))).toBe(false);
    },
  );
  it("a seed carries at most four primary topics, however many it mentions", () => {
    for (const name of Object.keys(labels.documents).filter((n) => !n.startsWith("regulations/"))) {
      const { primary, mentioned } = tagCircular(library.get(name)!).document;
      expect(primary.length).toBeLessThanOrEqual(4);
      expect(primary.length + mentioned.length).toBeGreaterThan(primary.length);
    }
  });
});
