import { accessSync, constants, mkdtempSync, rmSync, statfsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { COMPILE_CACHE } from "./src/library/build.ts";

// The processes tests start (builds, the command-line tools) share Node's cache of compiled modules.
process.env.NODE_COMPILE_CACHE ??= COMPILE_CACHE;

/**
 * Where a run's temporary folders go: in memory (/dev/shm) when it has room. Making and deleting files there costs a
 * tenth of the kernel's time it costs on this machine's disk (3,000 files of 5 KB: 0.09 s against 0.84 s). The sites
 * the tests build then sit on another file system than the project, as on a portal's own volume.
 */
function tmpParent(): string {
  try {
    accessSync("/dev/shm", constants.W_OK);
    const fs = statfsSync("/dev/shm");
    if (fs.bavail * fs.bsize >= 4 * 2 ** 30) return "/dev/shm";
  } catch {
    // No /dev/shm: the system's temporary folder.
  }
  return tmpdir();
}

// Every temporary folder of a run (built sites, corpora, outputs: about 0.5 GB), in its workers
// and the processes they start, is made in one folder of the run's, removed when the run ends.
if (!process.env.POLICY_TEST_TMP) {
  const runTmp = mkdtempSync(join(tmpParent(), "policy-tests-"));
  process.env.POLICY_TEST_TMP = runTmp;
  process.env.TMPDIR = runTmp;
  process.on("exit", () => rmSync(runTmp, { recursive: true, force: true }));
}

/** Tests that read a built site (the seed site, or sites of their own). */
const SITE_TESTS = ["tests/site/**/*.test.ts", "tests/browser/**/*.test.ts", "tests/quality/html.test.ts"];

export default defineConfig({
  test: {
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    testTimeout: 60_000,
    projects: [
      {
        // Everything that needs no built site: `npm run test:unit`.
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: SITE_TESTS,
          testTimeout: 60_000,
          isolate: false,
          pool: "threads",
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "site",
          include: SITE_TESTS,
          globalSetup: ["tests/setup/site.ts"],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // The sites are built once, before (tests/setup/site.ts); the files read them and drive one browser.
          maxWorkers: 2,
          pool: "threads",
          isolate: false,
        },
      },
    ],
  },
});
