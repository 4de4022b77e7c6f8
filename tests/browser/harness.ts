/**
 * Browser-test harness: the test browser and server (src/bench/browser.ts) around the
 * seed site, and the models of a built site.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { launchBrowser, serveSites, serveStatic, type StaticServer } from "../../src/bench/browser.ts";

export { launchBrowser, serveSites, serveStatic, type StaticServer };

/** The models of a built site, read from its ingest output. */
export function siteModels(content: string): Circular[] {
  return readdirSync(join(content, "models"))
    .filter((f) => !f.startsWith("."))
    .map((f) => JSON.parse(readFileSync(join(content, "models", f), "utf8")) as Circular);
}

/**
 * Registers a browser and a server for the seed site around the calling test file.
 * Read `browser` and `server` inside tests (they are set in beforeAll).
 */
export function seedSiteSuite(site: { dist: string; base: string }) {
  const suite = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    suite.server = await serveStatic(site.dist, site.base);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
