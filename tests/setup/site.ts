/**
 * Builds the test site once for every test file that needs it: the bundled seeds, plus a
 * traditional-script mirror of a circular (tests/fixtures/web), so that search and compare
 * are tried on both scripts.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildSite } from "../site/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    seedSite: { dist: string; content: string; base: string };
  }
}

/** Fixtures the test site holds beside the bundled corpus. */
export const SITE_FIXTURES = ["web/b-traditional-mirror.txt"];

export default function setup(project: TestProject) {
  const root = join(import.meta.dirname, "..", "..");
  const corpus = mkdtempSync(join(tmpdir(), "site-corpus-"));
  cpSync(join(root, "content", "sources"), corpus, { recursive: true });
  for (const f of SITE_FIXTURES) cpSync(join(root, "tests", "fixtures", f), join(corpus, "fixtures", f));
  // With an editor's correction of the mirror (tests/fixtures/overrides).
  const site = buildSite({ corpus, env: { OVERRIDES: join(root, "tests", "fixtures", "overrides") } });
  project.provide("seedSite", { dist: site.dist, content: site.content, base: site.base });
}
