/** Builds the seed corpus site once for every test file that needs it. */
import type { TestProject } from "vitest/node";
import { buildSite } from "../site/build.ts";

declare module "vitest" {
  export interface ProvidedContext {
    seedSite: { dist: string; content: string; base: string };
  }
}

export default function setup(project: TestProject) {
  const site = buildSite();
  project.provide("seedSite", { dist: site.dist, content: site.content, base: site.base });
}
