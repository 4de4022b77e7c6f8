/**
 * Every document of a source folder parsed, by its path in the folder: for measurements
 * that need the library without running ingest (eval-align, the alignment tests).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseSource } from "../ingest/parse.ts";
import type { Circular } from "../model/circular.ts";

export const SOURCE_FILE = /\.(txt|html?|docx|pdf|ofd|md|markdown)$/i;

export async function parseFolder(dir: string): Promise<Map<string, Circular>> {
  const out = new Map<string, Circular>();
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    if (!SOURCE_FILE.test(name) || /(^|\/)readme\.(md|txt)$/i.test(name)) continue;
    const file = join(dir, name);
    const r = await parseSource(readFileSync(file), file);
    if (r.ok) out.set(name, r.value);
  }
  return out;
}
