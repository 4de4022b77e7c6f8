/**
 * Browser-test harness: the one test browser (started by tests/setup/site.ts, each file
 * connecting to it), a static server for a built site, and the models of a built site.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import type { Circular } from "../../src/model/circular.ts";
import { connectBrowser, serveSites, serveStatic, type StaticServer } from "../../src/bench/browser.ts";

export { serveSites, serveStatic, type StaticServer };

/** The models of a built site, read from its ingest output. */
export function siteModels(content: string): Circular[] {
  return readdirSync(join(content, "models"))
    .filter((f) => !f.startsWith("."))
    .map((f) => JSON.parse(readFileSync(join(content, "models", f), "utf8")) as Circular);
}

/** The shared test browser, for this test file. */
export function sharedBrowser(): Promise<Browser> {
  return connectBrowser(inject("browserEndpoint"));
}

/**
 * Registers a connection to the browser and a server for a built site around the calling
 * test file (with the given response headers). Read `browser` and `server` inside tests
 * (they are set in beforeAll).
 */
export function siteSuite(site: { dist: string; base: string }, headers: Record<string, string> = {}) {
  const suite = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([serveStatic(site.dist, site.base, headers), sharedBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
