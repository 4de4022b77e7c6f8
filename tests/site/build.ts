/** Builds a site the way `npm run build` does, into temporary folders. */
import { spawn } from "node:child_process";
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

/**
 * Builds in a child process (several can run at once); rejects with the build's log when it
 * fails. Given the folders of an earlier build (`over`), builds again into them.
 */
export function buildSite(
  options: { corpus?: string; base?: string; env?: Record<string, string>; over?: BuiltSite } = {},
): Promise<BuiltSite> {
  const dist = options.over?.dist ?? mkdtempSync(join(tmpdir(), "site-dist-"));
  const content = options.over?.content ?? mkdtempSync(join(tmpdir(), "site-content-"));
  const base = options.base ?? "/";
  // Vitest sets BASE_URL, MODE, DEV … in process.env; Astro would read them as its own.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/.test(k)),
  );
  const env: Record<string, string> = { ...inherited, DIST_DIR: dist, INGEST_OUT: content, BASE_PATH: base } as Record<
    string,
    string
  >;
  if (options.corpus) env.CORPUS = options.corpus;
  Object.assign(env, options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts/build.ts")], { cwd: ROOT, env });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolvePromise({ dist, content, base, log }) : reject(new Error(`site build failed:\n${log}`)),
    );
  });
}

/**
 * A small corpus for a site of its own: the given seed circulars (all five unless named),
 * not the bundled regulations, and the given files beside them.
 */
export function seedCorpus(extra: string[] = [], seeds?: (file: string) => boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "seed-corpus-"));
  const sources = join(ROOT, "content", "sources");
  for (const f of readdirSync(sources).filter((n) => n.endsWith(".txt") && (!seeds || seeds(n))))
    copyFileSync(join(sources, f), join(dir, f));
  for (const f of extra) copyFileSync(f, join(dir, f.split("/").at(-1)!));
  return dir;
}
