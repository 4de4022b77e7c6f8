import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readJsonFile, writeJsonFile } from "../../src/library/files.ts";

const dir = mkdtempSync(join(tmpdir(), "files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const Row = z.object({ id: z.string(), n: z.number() });
const Rows = z.array(Row);
/** Over the size a file is checked once at: 2 MB of rows. */
const many = Array.from({ length: 60_000 }, (_, i) => ({ id: `c-${i.toString(16).padStart(10, "0")}`, n: i }));

describe("a large file the pipeline wrote", () => {
  it("is written as checked: fields the schema does not know are not kept", () => {
    const path = join(dir, "extra.json");
    writeJsonFile(Rows, path, [{ ...many[0]!, secret: 1 } as never, ...many.slice(1)]);
    expect(readFileSync(path, "utf8")).not.toContain("secret");
    expect(readJsonFile(Rows, path)).toEqual(many);
  });

  it("is checked again when changed since it was written, at any size, and the error names the file", () => {
    const path = join(dir, "changed.json");
    writeJsonFile(Rows, path, many);
    const text = readFileSync(path, "utf8");
    // Same size, another shape: a number where a string was.
    const damaged = text.replace('"id":"c-0000000000"', '"id":10000000000000');
    expect(damaged.length).toBe(text.length);
    writeFileSync(path, damaged);
    expect(() => readJsonFile(Rows, path)).toThrow(`${path}:1: not the expected file: 0.id`);
  });

  it("is checked again, even unchanged in size and time, when read with another schema", () => {
    const path = join(dir, "schema.json");
    writeJsonFile(Rows, path, many);
    expect(() => readJsonFile(z.array(Row.extend({ title: z.string() })), path)).toThrow(
      `${path}:1: not the expected file: 0.title`,
    );
  });

  it("is checked again when its size changed, though its time was put back", () => {
    const path = join(dir, "resized.json");
    writeJsonFile(Rows, path, many);
    const { mtimeMs } = statSync(path);
    writeFileSync(path, readFileSync(path, "utf8").replace('"n":0', '"n":"zero"'));
    utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
    expect(statSync(path).mtimeMs).toBe(mtimeMs);
    expect(() => readJsonFile(Rows, path)).toThrow(`${path}:1: not the expected file: 0.n`);
  });

  it("is always checked when its schema has no JSON Schema to note (a transform)", () => {
    const path = join(dir, "transform.json");
    const Same = Rows.transform((rows) => rows);
    writeJsonFile(Same, path, many);
    expect(existsSync(`${path}.checked`)).toBe(false);
    writeFileSync(path, readFileSync(path, "utf8").replace('"n":0', '"n":"0"'));
    expect(() => readJsonFile(Same, path)).toThrow(`${path}:1: not the expected file: 0.n`);
  });
});
