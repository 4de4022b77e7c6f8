import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CORPUS } from "../../src/config/paths.ts";
import { ingestCorpus, parseChecked, type SourceFile } from "../../src/library/ingestCorpus.ts";
import { parseSource } from "../../src/ingest/parse.ts";
import { POOL_MIN_FILES, createParser } from "../../src/library/parsePool.ts";

const seeds = readdirSync(DEFAULT_CORPUS)
  .filter((f) => f.endsWith(".txt"))
  .sort();

/** The seeds many times over under distinct names, one of them broken. */
function files(): SourceFile[] {
  const out: SourceFile[] = [];
  for (let i = 0; out.length < POOL_MIN_FILES + 6; i++) {
    const name = seeds[i % seeds.length]!;
    out.push({
      file: `batch/${String(i).padStart(3, "0")}-${name}`,
      key: `${i}/${name}`,
      bytes: readFileSync(join(DEFAULT_CORPUS, name)),
    });
  }
  out.push({ file: "batch/050-empty.txt", key: "50/empty.txt", bytes: new Uint8Array() });
  return out;
}

describe("parsing on every core", () => {
  it("a small batch is parsed in this thread: no workers started", () => {
    expect(createParser(POOL_MIN_FILES - 1, 2)).toBeNull();
    expect(createParser(1000, 1)).toBeNull();
  });

  it("worker threads give the same models, errors and order as parsing in this thread", async () => {
    const input = files();
    const inThread = await ingestCorpus(input);
    const parser = createParser(input.length, 2)!;
    let reported = 0;
    try {
      const pooled = await ingestCorpus(input, undefined, undefined, {
        parse: parser.parse,
        onParsed: () => reported++,
      });
      expect(pooled.models.map((m) => m.source.file)).toEqual(inThread.models.map((m) => m.source.file));
      expect(pooled.models).toEqual(inThread.models);
      expect(pooled.errors).toEqual(inThread.errors);
      expect(pooled.errors.map((e) => e.file)).toEqual(["batch/050-empty.txt"]);
      expect(reported).toBe(input.length);
    } finally {
      await parser.close();
    }
  }, 120_000);

  it("checking a model where it is made drops and reorders nothing of it", async () => {
    for (const f of files().slice(0, seeds.length)) {
      const parsed = await parseSource(f.bytes, f.file, { sourceKey: f.key });
      const checked = await parseChecked(f);
      expect(parsed.ok && checked.ok).toBe(true);
      if (parsed.ok && checked.ok) expect(JSON.stringify(checked.value)).toBe(JSON.stringify(parsed.value));
    }
  });
});
