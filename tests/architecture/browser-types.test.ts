/**
 * Browser code typechecks against the DOM alone (tsconfig.browser.json: no Node types), so
 * a Node API reached from the search or compare page fails here, not in a visitor's browser.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const tsc = (project: string) =>
  spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", project], {
    cwd: ROOT,
    encoding: "utf8",
  });

describe("browser code", () => {
  it("typechecks with the DOM and without Node's types", () => {
    const r = tsc(join(ROOT, "tsconfig.browser.json"));
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);

  it("fails there when it uses a Node API", () => {
    const dir = mkdtempSync(join(tmpdir(), "browser-types-"));
    writeFileSync(join(dir, "page.ts"), "export const where = process.cwd();\n");
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({ extends: join(ROOT, "tsconfig.browser.json"), include: [join(dir, "page.ts")] }),
    );
    const r = tsc(join(dir, "tsconfig.json"));
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain("Cannot find name 'process'");
  }, 60_000);
});
