/** Builds a site the way `npm run build` does, into temporary folders. */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");

export interface BuiltSite {
  dist: string;
  content: string;
  base: string;
  log: string;
}

export function buildSite(options: { corpus?: string; base?: string; env?: Record<string, string> } = {}): BuiltSite {
  const dist = mkdtempSync(join(tmpdir(), "site-dist-"));
  const content = mkdtempSync(join(tmpdir(), "site-content-"));
  const base = options.base ?? "/";
  // Vitest sets BASE_URL, MODE, DEV … in process.env; Astro would read them as its own.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/.test(k)));
  const env: Record<string, string> = { ...inherited, DIST_DIR: dist, INGEST_OUT: content, BASE_PATH: base } as Record<string, string>;
  if (options.corpus) env.CORPUS = options.corpus;
  Object.assign(env, options.env);
  const r = spawnSync(process.execPath, [join(ROOT, "scripts/build.ts")], { cwd: ROOT, env, encoding: "utf8", timeout: 900_000 });
  const log = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`site build failed:\n${log}`);
  return { dist, content, base, log };
}

/**
 * A small corpus for a site a test builds for itself: the five seed circulars (not the
 * bundled regulations), and the given files beside them.
 */
export function seedCorpus(extra: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "seed-corpus-"));
  const sources = join(ROOT, "content", "sources");
  for (const f of readdirSync(sources).filter((n) => n.endsWith(".txt"))) copyFileSync(join(sources, f), join(dir, f));
  for (const f of extra) copyFileSync(f, join(dir, f.split("/").at(-1)!));
  return dir;
}
