/** Shared test helpers: the bundled seeds and a parse that fails loudly. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Circular } from "../src/model/circular.ts";
import { parseCircular } from "../src/ingest/parse.ts";

export const SOURCES = join(import.meta.dirname, "..", "content", "sources");

export function seedFiles(): string[] {
  return readdirSync(SOURCES).filter((f) => f.endsWith(".txt")).sort();
}

export function seedBytes(name: string): Buffer {
  return readFileSync(join(SOURCES, name));
}

export function parseOk(bytes: Uint8Array, file = "test.txt"): Circular {
  const r = parseCircular(bytes, file);
  if (!r.ok) throw new Error(`expected ${file} to parse: ${r.error.message} (line ${r.error.line})`);
  return r.value;
}

export function parseSeed(prefix: string): Circular {
  const name = seedFiles().find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return parseOk(seedBytes(name), name);
}
