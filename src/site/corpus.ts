/**
 * The corpus as the site sees it: every model from content/models, loaded once per
 * build, with the indexes pages need. Pages import from here; nothing re-reads files.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Circular } from "../model/circular.ts";
import { MODELS_DIR } from "../config/paths.ts";

let loaded: Circular[] | null = null;

export function allCirculars(): Circular[] {
  if (loaded) return loaded;
  const files = existsSync(MODELS_DIR) ? readdirSync(MODELS_DIR).filter((f) => f.endsWith(".json") && !f.startsWith(".")) : [];
  loaded = files
    .map((f) => JSON.parse(readFileSync(join(MODELS_DIR, f), "utf8")) as Circular)
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.id.localeCompare(b.id));
  return loaded;
}

export function circularById(id: string): Circular | undefined {
  return allCirculars().find((c) => c.id === id);
}
