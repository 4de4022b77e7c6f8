/**
 * Builds, once for every test file that needs them, the sites the site tests read — all at
 * once, as separate build processes — and starts the one browser they drive:
 * - seedSite: the bundled library, plus a traditional-script mirror of a circular
 *   (tests/fixtures/web) so that search and compare are tried on both scripts, with an
 *   editor's correction of the mirror (tests/fixtures/overrides);
 * - portalSite: the seed circulars and a circular of hostile text, as a portal hosts it —
 *   under a sub-path, its Pagefind index in several bundles (two circulars each);
 * - shards: the seeds as a library built in two shards, Jilin's circulars and the others,
 *   each a site under its own path naming the other as its peer.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { launchBrowserServer } from "../../src/bench/browser.ts";
import { buildSite, seedCorpus } from "../site/build.ts";

interface Site {
  dist: string;
  content: string;
  base: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    seedSite: Site;
    portalSite: Site;
    shards: { jilin: Site; others: Site };
    /** The browser's endpoint (connectBrowser). */
    browserEndpoint: string;
  }
}

/** Fixtures the seed site holds beside the bundled corpus. */
export const SITE_FIXTURES = ["web/b-traditional-mirror.txt"];
export const PORTAL_BASE = "/gov/policy/";
export const SHARD_BASES = { jilin: "/lib/jilin/", others: "/lib/others/" };
/** The seeds of Jilin: 吉林省粮食和物资储备局, 吉林省安委会, 吉林市 (the others: 兴化市, 寿光市). */
export const isJilinSeed = (file: string) => /^(000|002|004)_/.test(file);

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, "..", "..");
  const corpus = mkdtempSync(join(tmpdir(), "site-corpus-"));
  cpSync(join(root, "content", "sources"), corpus, { recursive: true });
  for (const f of SITE_FIXTURES) cpSync(join(root, "tests", "fixtures", f), join(corpus, "fixtures", f));
  const site = ({ dist, content, base }: Site): Site => ({ dist, content, base });
  const starting = launchBrowserServer();
  const builds = Promise.all([
    buildSite({ corpus, env: { OVERRIDES: join(root, "tests", "fixtures", "overrides") } }),
    buildSite({
      base: PORTAL_BASE,
      corpus: seedCorpus([join(root, "tests", "fixtures", "hostile", "hostile.txt")]),
      env: { PAGEFIND_BUNDLE: "2" },
    }),
    buildSite({
      base: SHARD_BASES.jilin,
      corpus: seedCorpus([], isJilinSeed),
      env: { SEARCH_PEERS: SHARD_BASES.others },
    }),
    buildSite({
      base: SHARD_BASES.others,
      corpus: seedCorpus([], (f) => !isJilinSeed(f)),
      env: { SEARCH_PEERS: SHARD_BASES.jilin },
    }),
  ]);
  const browser = await starting;
  // A failed build ends the run with its log; the browser must not outlive it.
  const [seed, portal, jilin, others] = await builds.catch(async (e: unknown) => {
    await browser.close();
    throw e;
  });
  project.provide("seedSite", site(seed));
  project.provide("portalSite", site(portal));
  project.provide("shards", { jilin: site(jilin), others: site(others) });
  project.provide("browserEndpoint", browser.wsEndpoint());
  return () => browser.close();
}
