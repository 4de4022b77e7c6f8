/** Precompressed copies: right, skipped where useless, and reused from the cache by a later build. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { precompress } from "../../src/site/precompress.ts";
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "precompress-"));
  for (const [name, text] of Object.entries(pages)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
/** A compress cache, and the copies it holds. */
function emptyCache() {
  const cache = mkdtempSync(join(tmpdir(), "precompress-cache-"));
  return { cache, entries: () => readdirSync(cache).flatMap((d) => readdirSync(join(cache, d))) };
}
const page = (n: number) => `<!doctype html><p>${"安全生产责任制。".repeat(200)}${n}</p>`;

describe("precompress", () => {
  it("writes .gz and .br that decompress to the file, and leaves small and binary files alone", async () => {
    const dir = site({
      "a/index.html": page(1),
      "data/x.json": JSON.stringify({ text: page(2) }),
      "data/circulars/c-1.json": JSON.stringify({ text: page(5) }),
      "search-data/bi/x.json.gz": JSON.stringify({ postings: page(4) }),
      "data/sources/c-1.txt": "第一条 为了加强安全生产工作，防止和减少生产安全事故。\n".repeat(40),
      "small.html": "<p>小</p>",
      "pagefind/x.pf_meta": page(3),
    });
    const r = await precompress(dir);
    expect(r.files).toBe(4);
    const text = (f: string) => readFileSync(join(dir, f), "utf8");
    for (const f of ["a/index.html", "data/x.json", "data/sources/c-1.txt", "data/circulars/c-1.json"])
      expect(gunzipSync(readFileSync(join(dir, `${f}.gz`))).toString()).toBe(text(f));
    for (const f of ["a/index.html", "data/x.json"])
      expect(brotliDecompressSync(readFileSync(join(dir, `${f}.br`))).toString()).toBe(text(f));
    // The sources' plain text and each document's JSON: a .gz alone (brotli makes them no smaller, or little).
    for (const f of ["data/sources/c-1.txt", "data/circulars/c-1.json"])
      expect(existsSync(join(dir, `${f}.br`))).toBe(false);
    // Small files, and files compressed already (Pagefind's, the phrase index's: storedFiles.ts), get no copy.
    for (const f of ["small.html", "pagefind/x.pf_meta", "search-data/bi/x.json.gz"])
      expect(readdirSync(join(dir, f, "..")).filter((n) => n.startsWith(f.split("/").pop()!))).toEqual([
        f.split("/").pop(),
      ]);
    // Nothing is made again while the copies are newer than their file.
    expect((await precompress(dir)).files).toBe(0);
  });

  it(
    "a later build takes the copies of unchanged files from the cache," +
      " makes the changed ones, and the cache keeps only what it used or a site still links to",
    async () => {
      const { cache, entries } = emptyCache();
      const first = site({ "a/index.html": page(1), "b/index.html": page(2) });
      expect((await precompress(first, { cache })).reused).toBe(0);
      const second = site({ "a/index.html": page(1), "b/index.html": page(3), "data/sources/x.txt": page(5) });
      const r = await precompress(second, { cache });
      expect([r.files, r.reused]).toEqual([3, 1]);
      // A file with a .gz alone (a source's text) is taken from the cache with its one copy.
      const third = site({ "data/sources/x.txt": page(5) });
      expect((await precompress(third, { cache })).reused).toBe(1);
      expect(gunzipSync(readFileSync(join(third, "data/sources/x.txt.gz"))).toString()).toBe(page(5));
      rmSync(third, { recursive: true });
      expect(readFileSync(join(second, "a/index.html.br"))).toEqual(readFileSync(join(first, "a/index.html.br")));
      expect(brotliDecompressSync(readFileSync(join(second, "b/index.html.br"))).toString()).toBe(page(3));
      // The first site still serves page 2's copies (an incremental build keeps unchanged files where they are).
      expect(entries()).toHaveLength(7);
      rmSync(first, { recursive: true });
      await precompress(site({ "c/index.html": page(4) }), { cache });
      // Page 2 is served by no site now and is gone; pages 1 and 3 and the source still are, by the second.
      expect(entries()).toHaveLength(7);
      rmSync(second, { recursive: true });
      await precompress(site({ "c/index.html": page(4) }), { cache });
      expect(entries()).toHaveLength(2);
    },
  );

  it(
    "beside a build still writing, a pass takes only the files written before the time it is given, stops when told" +
      " and prunes nothing; copies taken from the cache count as made, so the pass after it does not read them again",
    async () => {
      const { cache, entries } = emptyCache();
      await precompress(site({ "old/index.html": page(9) }), { cache });
      // Made an hour ago (the file system's clock is too coarse to tell copies made a moment apart).
      const anHourAgo = new Date(Date.now() - 3_600_000);
      for (const d of readdirSync(cache))
        for (const f of readdirSync(join(cache, d))) utimesSync(join(cache, d, f), anHourAgo, anHourAgo);
      const dir = site({ "a/index.html": page(1), "b/index.html": page(9) });
      const before = Date.now() + 60_000;
      utimesSync(join(dir, "a/index.html"), new Date(before), new Date(before));
      // A pass told to stop takes no more files.
      expect((await precompress(dir, { cache, writtenBefore: before, stop: () => true })).files).toBe(0);
      expect(existsSync(join(dir, "b/index.html.gz"))).toBe(false);
      const pass = await precompress(dir, { cache, writtenBefore: before });
      expect([pass.files, pass.reused]).toEqual([1, 1]);
      expect(existsSync(join(dir, "a/index.html.gz"))).toBe(false);
      expect(brotliDecompressSync(readFileSync(join(dir, "b/index.html.br"))).toString()).toBe(page(9));
      expect((await precompress(dir, { cache, writtenBefore: before })).files).toBe(0);
      // The last pass does what is left; the cache is pruned only then.
      const last = await precompress(dir, { cache });
      expect([last.files, last.reused]).toEqual([1, 0]);
      expect(gunzipSync(readFileSync(join(dir, "a/index.html.gz"))).toString()).toBe(page(1));
      expect(entries()).toHaveLength(4);
    },
  );

  it(
    "given names, a pass looks at those files alone, skips the missing, and names each one it has settled:" +
      " copied, found with fresh copies, or too small for any",
    async () => {
      const dir = site({ "a/index.html": page(1), "b/index.html": page(2), "c/index.html": page(3), "s.html": "小" });
      const settled: string[] = [];
      const names = ["a/index.html", "missing/index.html", "s.html"];
      const pass = await precompress(dir, { names, settled: (n) => settled.push(n) });
      expect(pass.files).toBe(1);
      expect(settled.sort()).toEqual(["a/index.html", "s.html"]);
      expect(["b", "c"].some((p) => existsSync(join(dir, `${p}/index.html.gz`)))).toBe(false);
      settled.length = 0;
      // Copies newer than their file: settled without being made again.
      expect((await precompress(dir, { names, settled: (n) => settled.push(n) })).files).toBe(0);
      expect(settled.sort()).toEqual(["a/index.html", "s.html"]);
    },
  );

  it(
    "beside a site build (--follow), compresses the pages its plan names as they appear, none before the plan," +
      " and no page the plan leaves out",
    async () => {
      const root = join(import.meta.dirname, "..", "..");
      const dist = site({ "circulars/a/index.html": page(1), "circulars/c/index.html": page(3) });
      const content = mkdtempSync(join(tmpdir(), "precompress-content-"));
      const mark = join(content, "site.done");
      const child = spawn(process.execPath, [join(root, "scripts/precompress.ts"), "--follow", mark], {
        cwd: root,
        env: { ...process.env, DIST_DIR: dist, INGEST_OUT: content },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d));
      child.stderr.on("data", (d: Buffer) => (output += d));
      const ended = new Promise<number | null>((done) => child.on("exit", done));
      const copied = (id: string) => existsSync(join(dist, `circulars/${id}/index.html.gz`));
      const waitFor = async (id: string) => {
        for (let waited = 0; !copied(id); waited += 50) {
          if (waited > 30_000) throw new Error(`circulars/${id} was not compressed: ${output}`);
          await sleep(50);
        }
      };
      try {
        await sleep(700);
        expect(copied("a")).toBe(false);
        mkdirSync(join(content, "site-state"));
        const plan = { incremental: true, render: ["doc:a", "doc:b"], removed: [], pages: 3 };
        writeFileSync(join(content, "site-state/plan.json"), JSON.stringify(plan));
        await waitFor("a");
        // A page the plan names, written after the plan.
        mkdirSync(join(dist, "circulars/b"));
        writeFileSync(join(dist, "circulars/b/index.html"), page(2));
        await waitFor("b");
      } catch (e) {
        // Not left running once the test's folders are gone.
        child.kill();
        throw e;
      } finally {
        writeFileSync(mark, "");
      }
      expect(await ended).toBe(0);
      expect(brotliDecompressSync(readFileSync(join(dist, "circulars/b/index.html.br"))).toString()).toBe(page(2));
      expect(copied("c")).toBe(false);
      expect(output).toContain("precompress beside the site build: 2 files");
    },
    40_000,
  );
});
