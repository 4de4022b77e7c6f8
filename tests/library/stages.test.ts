/** A stage's measured peak memory is its whole process tree's: a child that a stage starts is counted. */
import { describe, expect, it } from "vitest";
import { runStage } from "../../src/library/stages.ts";

// A stage that starts a child holding 200 MB for a second, as Pagefind's binary is started by its stage.
const HOLDER = "const b = Buffer.alloc(200 * 2 ** 20, 1); setTimeout(() => console.log(b.length), 1000);";
const STAGE =
  `require("node:child_process")` +
  `.execFileSync(process.execPath, ["-e", ${JSON.stringify(HOLDER)}], { stdio: "inherit" });`;

describe("a measured stage", () => {
  it("reports the peak of its process tree, children included", async () => {
    const r = await runStage(process.execPath, ["-e", STAGE], process.env);
    expect(r.stdout.trim()).toBe(String(200 * 2 ** 20));
    expect(r.peakRssMb).toBeGreaterThanOrEqual(200);
    expect(r.peakRssMb).toBeLessThan(1000);
    expect(r.ms).toBeGreaterThanOrEqual(1000);
  });

  it("fails with the command named when the stage fails", async () => {
    await expect(runStage(process.execPath, ["-e", "process.exit(3)"], process.env)).rejects.toThrow(/exited 3/);
  });
});
