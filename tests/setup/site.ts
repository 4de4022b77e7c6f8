/** Builds the seed corpus site once for every test file that needs it. */
import type { TestProject } from "vitest/node";
import { buildSite } from "../site/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    seedSite: { dist: string; content: string; base: string };
  }
}

export default function setup(project: TestProject) {
  // For quick runs of tests that need no site (never set in CI).
  if (process.env.SKIP_SITE_BUILD === "1") return;
  const site = buildSite();
  project.provide("seedSite", { dist: site.dist, content: site.content, base: site.base });
}
