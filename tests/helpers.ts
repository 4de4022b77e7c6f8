/** Shared test helpers: the bundled seeds and a parse that fails loudly. */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Circular } from "../src/model/circular.ts";
import { clausesOf } from "../src/model/clauses.ts";
import { parseCircular, type ParseOptions } from "../src/ingest/parse.ts";
import { decode, splitLines } from "../src/ingest/read.ts";
import { isBlank } from "../src/text/chars.ts";

export const SOURCES = join(import.meta.dirname, "..", "content", "sources");

export function seedFiles(): string[] {
  return readdirSync(SOURCES)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

export function seedBytes(name: string): Buffer {
  return readFileSync(join(SOURCES, name));
}

export function parseOk(bytes: Uint8Array, file = "test.txt", options: ParseOptions = {}): Circular {
  const r = parseCircular(bytes, file, options);
  if (!r.ok) throw new Error(`expected ${file} to parse: ${r.error.message} (line ${r.error.line})`);
  return r.value;
}

export function parseSeed(prefix: string): Circular {
  const name = seedFiles().find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return parseOk(seedBytes(name), name);
}

/**
 * Lossless: every non-blank source line is in exactly one of body and noise, verbatim (a
 * piece cut from a body line is noise too, as a part of its line); every clause text is a
 * substring of body.
 */
export function assertLossless(bytes: Uint8Array, m: Circular): void {
  const d = decode(bytes);
  if (!d.ok) throw new Error(d.message);
  const source = splitLines(d.text).lines;
  const bodyLines = m.body.split("\n");
  expect(bodyLines).toHaveLength(m.bodyLineNumbers.length);
  bodyLines.forEach((text, k) => expect(text).toBe(source[m.bodyLineNumbers[k]! - 1]));
  // Whole lines of noise are the source's lines; parts are pieces of a line that stays in the body.
  m.noise.forEach((n) =>
    n.part ? expect(source[n.line - 1]).toContain(n.text) : expect(n.text).toBe(source[n.line - 1]),
  );
  const inBody = new Set(m.bodyLineNumbers);
  const inNoise = new Set(m.noise.filter((n) => !n.part).map((n) => n.line));
  source.forEach((line, i) => {
    if (isBlank(line)) return;
    expect(
      inBody.has(i + 1) !== inNoise.has(i + 1),
      `line ${i + 1} (${line.slice(0, 30)}) must be in exactly one of body and noise`,
    ).toBe(true);
  });
  for (const c of clausesOf(m)) expect(m.body.includes(c.text), `clause ${c.id} text is in body`).toBe(true);
}
