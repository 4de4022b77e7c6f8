import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { placeBundle } from "../../src/library/searchCache.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const folderIn = (parent: string) => {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, "bundle-"));
  made.push(dir);
  return dir;
};

/** A bundle as Pagefind writes one: an entry file and index files in folders below it. */
function writeBundle(dir: string): Record<string, string> {
  const files = {
    "pagefind-entry.json": '{"version":"1"}',
    "index/zh-cn_1.pf_index": "索引一",
    "fragment/zh-cn_2.pf_fragment": "片段二",
    "filter/zh-cn_3.pf_filter": "过滤三",
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return files;
}

const contents = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => join(e.parentPath, e.name))
      .map((path) => [path.slice(dir.length + 1), readFileSync(path, "utf8")]),
  );

describe("a Pagefind bundle placed from the cache", () => {
  it("holds the cached files, as links to them on the same file system, replacing what the folder held", () => {
    const cached = folderIn(tmpdir());
    const files = writeBundle(cached);
    const target = join(folderIn(tmpdir()), "pagefind-1");
    mkdirSync(join(target, "index"), { recursive: true });
    writeFileSync(join(target, "index", "stale.pf_index"), "旧");
    placeBundle(cached, target);
    expect(contents(target)).toEqual(files);
    for (const name of Object.keys(files)) {
      expect(statSync(join(target, name)).ino).toBe(statSync(join(cached, name)).ino);
      expect(statSync(join(cached, name)).nlink).toBe(2);
    }
    // Deleting the cache's copy (a bundle no build uses) leaves the placed one whole.
    rmSync(cached, { recursive: true });
    expect(contents(target)).toEqual(files);
  });

  it("is copied where the cache is on another file system", () => {
    // The project's folder and the run's temporary folder (/dev/shm when it has room: vitest.config.ts).
    const cached = folderIn(join(ROOT, "node_modules", ".cache", "place-bundle-test"));
    const files = writeBundle(cached);
    const target = join(folderIn(tmpdir()), "pagefind");
    placeBundle(cached, target);
    expect(contents(target)).toEqual(files);
    const sameDevice = statSync(cached).dev === statSync(target).dev;
    for (const name of Object.keys(files))
      expect(statSync(join(target, name)).ino === statSync(join(cached, name)).ino).toBe(sameDevice);
  });
});
