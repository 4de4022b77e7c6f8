/** A stage's measured peak memory and CPU time are its whole process tree's: a child that a stage starts is counted. */
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

  it("reports the CPU time of its process tree: a child's busy second, not a sleeping one", async () => {
    const child = (code: string) =>
      `require("node:child_process").execFileSync(process.execPath, ["-e", ${JSON.stringify(code)}]);`;
    // A fixed count of work (about 1.5 s of one core here), not a wall-clock loop: tests beside it share the cores.
    const busy = await runStage(
      process.execPath,
      ["-e", child("let x = 0; for (let i = 0; i < 6e8; i++) x ^= i;")],
      process.env,
    );
    const idle = await runStage(process.execPath, ["-e", child("setTimeout(() => {}, 1500)")], process.env);
    // Sampled every 200 ms: the last fifth of a second of a process may be missed.
    expect(busy.cpuS).toBeGreaterThan(0.9);
    expect(idle.cpuS).toBeLessThan(0.5);
  });

  it("fails with the command named when the stage fails", async () => {
    await expect(runStage(process.execPath, ["-e", "process.exit(3)"], process.env)).rejects.toThrow(/exited 3/);
  });
});
