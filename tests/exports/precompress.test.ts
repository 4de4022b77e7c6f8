/** Precompressed copies: right, skipped where useless, and reused from the cache by a later build. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { precompress } from "../../src/site/precompress.ts";

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "precompress-"));
  for (const [name, text] of Object.entries(pages)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const page = (n: number) => `<!doctype html><p>${"安全生产责任制。".repeat(200)}${n}</p>`;

describe("precompress", () => {
  it("writes .gz and .br that decompress to the file, and leaves small and binary files alone", async () => {
    const dir = site({
      "a/index.html": page(1),
      "data/x.json": JSON.stringify({ text: page(2) }),
      "small.html": "<p>小</p>",
      "pagefind/x.pf_meta": page(3),
    });
    const r = await precompress(dir);
    expect(r.files).toBe(2);
    for (const f of ["a/index.html", "data/x.json"]) {
      expect(gunzipSync(readFileSync(join(dir, `${f}.gz`))).toString()).toBe(readFileSync(join(dir, f), "utf8"));
      expect(brotliDecompressSync(readFileSync(join(dir, `${f}.br`))).toString()).toBe(
        readFileSync(join(dir, f), "utf8"),
      );
    }
    expect(existsSync(join(dir, "small.html.gz")) || existsSync(join(dir, "pagefind/x.pf_meta.gz"))).toBe(false);
  });

  it(
    "a later build takes the copies of unchanged files from the cache," +
      " makes the changed ones, and the cache keeps only what it used or a site still links to",
    async () => {
      const cache = mkdtempSync(join(tmpdir(), "precompress-cache-"));
      const entries = () => readdirSync(cache).flatMap((d) => readdirSync(join(cache, d)));
      const first = site({ "a/index.html": page(1), "b/index.html": page(2) });
      expect((await precompress(first, { cache })).reused).toBe(0);
      const second = site({ "a/index.html": page(1), "b/index.html": page(3) });
      const r = await precompress(second, { cache });
      expect([r.files, r.reused]).toEqual([2, 1]);
      expect(readFileSync(join(second, "a/index.html.br"))).toEqual(readFileSync(join(first, "a/index.html.br")));
      expect(brotliDecompressSync(readFileSync(join(second, "b/index.html.br"))).toString()).toBe(page(3));
      // The first site still serves page 2's copies (an incremental build keeps unchanged files where they are).
      expect(entries()).toHaveLength(6);
      rmSync(first, { recursive: true });
      await precompress(site({ "c/index.html": page(4) }), { cache });
      // Page 2 is served by no site now and is gone; pages 1 and 3 still are, by the second.
      expect(entries()).toHaveLength(6);
      rmSync(second, { recursive: true });
      await precompress(site({ "c/index.html": page(4) }), { cache });
      expect(entries()).toHaveLength(2);
    },
  );
});
