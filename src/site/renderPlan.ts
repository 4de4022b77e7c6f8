/**
 * The page plan of this build (pagePlan.ts), as the dynamic routes read it: with
 * SITE_BUILD=incremental, only pages that are new or whose inputs changed since the last
 * build are rendered; otherwise all. Either way the fingerprints of every page and the
 * plan are written to INGEST_OUT/site-state/, for the pipeline to merge the rendered pages
 * into dist/, delete those that are gone, and keep the fingerprints once the build succeeds.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CONTENT_OUT, planFileIn, siteStateIn } from "../config/paths.ts";
import { sourceHashes } from "../library/store.ts";
import { PagePlanFile, PageStates, readJsonFile, writeJsonFile } from "../library/files.ts";
import { corpus } from "./corpus.ts";
import { pageInputs, pageStates, planPages } from "./pagePlan.ts";

export const SITE_STATE = siteStateIn(CONTENT_OUT);
/** The fingerprints of the pages of the last build that succeeded. */
export const PAGES_STATE = join(SITE_STATE, "pages.json");
/** This build's fingerprints, kept by the pipeline once the build succeeds. */
export const PAGES_NEXT = join(SITE_STATE, "pages.next.json");
/** This build's plan: what it renders and what it deletes. */
export const PLAN_FILE = planFileIn(CONTENT_OUT);

let render: Set<string> | null | undefined;

function plan(): Set<string> | null {
  if (render !== undefined) return render;
  const index = corpus();
  const sources = sourceHashes();
  const next = pageStates(pageInputs(index, (id) => sources.get(id) ?? null));
  const incremental = process.env.SITE_BUILD === "incremental" && existsSync(PAGES_STATE);
  const previous = incremental ? readJsonFile(PageStates, PAGES_STATE) : { cards: [], pages: {} };
  const { render: changed, removed } = planPages(previous, next);
  writeJsonFile(PageStates, PAGES_NEXT, next);
  writeJsonFile(PagePlanFile, PLAN_FILE, {
    incremental,
    render: [...changed],
    removed,
    pages: Object.keys(next.pages).length,
  });
  render = incremental ? changed : null;
  return render;
}

/** The paths of a dynamic route that this build renders; `key` names each path's page. */
export function pathsToRender<P>(paths: P[], key: (path: P) => string): P[] {
  const only = plan();
  return only ? paths.filter((p) => only.has(key(p))) : paths;
}

/** The paths of a route with a file per document that this build renders: its JSON ("data"), its source ("source"). */
export const documentPaths = (kind: "data" | "source") =>
  pathsToRender(
    corpus().docs.map((d) => ({ params: { id: d.id } })),
    (p) => `${kind}:${p.params.id}`,
  );
