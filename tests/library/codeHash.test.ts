/**
 * The hash of the pipeline's code, which decides whether a build reuses what the last one
 * made (ingest's models, the site's pages): the same code checked out elsewhere reuses
 * everything, and any change of a file, data files included, reuses nothing.
 */
import { cpSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filesHash } from "../../src/library/codeHash.ts";

/** A small checkout: code and a data table (as src/text/data/t2s.json is). */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), "checkout-"));
  mkdirSync(join(root, "src", "text", "data"), { recursive: true });
  writeFileSync(join(root, "src", "text", "keys.ts"), "export const key = (s: string) => s;\n");
  writeFileSync(join(root, "src", "text", "data", "t2s.json"), '{"們":"们"}');
  writeFileSync(join(root, "astro.config.mjs"), "export default {};\n");
  return root;
}
const PATHS = ["src", "astro.config.mjs"];

describe("the code's hash", () => {
  it("is the same for the same files checked out in another folder", () => {
    const root = checkout();
    const moved = join(mkdtempSync(join(tmpdir(), "elsewhere-")), "deeper", "checkout");
    cpSync(root, moved, { recursive: true });
    expect(filesHash(moved, PATHS)).toBe(filesHash(root, PATHS));
  });

  it("changes with a data file's content, a file's name, a new file, and the settings after the files", () => {
    const root = checkout();
    const before = filesHash(root, PATHS);
    writeFileSync(join(root, "src", "text", "data", "t2s.json"), '{"們":"们","會":"会"}');
    const data = filesHash(root, PATHS);
    expect(data).not.toBe(before);
    renameSync(join(root, "src", "text", "keys.ts"), join(root, "src", "text", "key.ts"));
    const renamed = filesHash(root, PATHS);
    expect(renamed).not.toBe(data);
    writeFileSync(join(root, "src", "text", "more.ts"), "");
    expect(filesHash(root, PATHS)).not.toBe(renamed);
    expect(filesHash(root, PATHS, "BASE_PATH=/gov/\n")).not.toBe(filesHash(root, PATHS));
  });
});
