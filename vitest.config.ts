import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/site.ts"],
    reporters: ["default", "./tests/setup/summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Site tests build the site once; run files one at a time so builds do not race.
    fileParallelism: false,
  },
});
