/** The machine probe the bench prints before and after its builds. */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { machineProbe } from "../../src/bench/probe.ts";

describe("machineProbe", () => {
  it("times each of its three parts and leaves no file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "probe-"));
    const probe = machineProbe(dir, 0.05);
    expect(Object.keys(probe).sort()).toEqual(["filesS", "hashS", "objectsS"]);
    for (const s of Object.values(probe)) expect(s).toBeGreaterThan(0);
    expect(existsSync(join(dir, "probe-files"))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("takes longer for more work: the parts measure what they do", () => {
    const dir = mkdtempSync(join(tmpdir(), "probe-"));
    const small = machineProbe(dir, 0.02);
    const large = machineProbe(dir, 0.2);
    expect(large.hashS).toBeGreaterThan(small.hashS);
    expect(large.objectsS).toBeGreaterThan(small.objectsS);
    expect(large.filesS).toBeGreaterThan(small.filesS);
  });
});
