/**
 * The project's layers, enforced by dependency-cruiser in `npm test` (tests/layers.test.ts).
 * An import only points down the list; folders that share a layer do not import each other
 * (mdx, search and compare are siblings), except where `within` allows it.
 */

/** Lowest first. */
export const LAYERS = [
  { name: "text", folders: ["src/text"] },
  { name: "model", folders: ["src/model"] },
  { name: "config", folders: ["src/config"] },
  { name: "ingest", folders: ["src/ingest"] },
  // Analysis across documents: pure functions of the models.
  { name: "corpus", folders: ["src/corpus"] },
  // The library on disk: every file the pipeline writes and reads again (zod contracts), ingest orchestration, the
  // parse pool, overrides, the build runner (its stages are processes: it imports no layer above).
  { name: "library", folders: ["src/library"] },
  // Word, spreadsheet and CSV files made from models: browser-safe, loaded by pages on demand.
  { name: "exports", folders: ["src/exports"] },
  { name: "features", folders: ["src/mdx", "src/search", "src/compare"] },
  // Pages use components and layouts; components use layouts' helpers in site; site uses none of them.
  {
    name: "site",
    folders: ["src/site", "src/components", "src/layouts", "src/pages", "src/styles"],
    within: {
      "src/pages": ["src/components", "src/layouts", "src/site", "src/styles"],
      "src/components": ["src/site"],
      "src/layouts": ["src/site", "src/styles"],
    },
  },
  { name: "tools", folders: ["src/bench"] },
  { name: "scripts", folders: ["scripts"] },
];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const anyOf = (folders) => `^(${folders.map(esc).join("|")})/`;

function layerRules() {
  const rules = [];
  LAYERS.forEach((layer, i) => {
    const above = LAYERS.slice(i + 1).flatMap((l) => l.folders);
    for (const folder of layer.folders) {
      const siblings = layer.folders.filter((f) => f !== folder && !(layer.within?.[folder] ?? []).includes(f));
      const forbidden = [...above, ...siblings];
      if (forbidden.length === 0) continue;
      rules.push({
        name: `layer-${folder.replace(/\W+/g, "-")}`,
        comment: `${folder} (layer ${layer.name}) imports only from lower layers: not ${forbidden.join(", ")}`,
        severity: "error",
        from: { path: anyOf([folder]) },
        to: { path: anyOf(forbidden) },
      });
    }
  });
  return rules;
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules(),
    {
      name: "no-tests-in-src",
      comment: "Shipped code never imports test code.",
      severity: "error",
      from: { path: "^(src|scripts)/" },
      to: { path: "^tests/" },
    },
    {
      name: "text-is-browser-safe",
      comment: "src/text runs in the browser: no Node built-ins.",
      severity: "error",
      from: { path: "^src/text/", pathNot: "^src/text/tableSources\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "opencc-only-builds-the-table",
      comment: "OpenCC's dictionaries are read only to generate src/text/data/t2s.json.",
      severity: "error",
      from: { pathNot: "^src/text/tableSources\\.ts$" },
      to: { path: "opencc-js" },
    },
    {
      name: "table-source-only-for-scripts-and-tests",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/text/tableSources\\.ts$" },
      to: { path: "^src/text/tableSources\\.ts$" },
    },
    {
      name: "browser-code-loads-the-script-table-lazily",
      comment: "The search and compare pages must not bundle the whole traditional → simplified table.",
      severity: "error",
      from: { path: "^src/(search|compare)/ui\\.ts$" },
      to: { path: "^src/text/(keys\\.ts|data/t2s\\.json)$", reachable: true },
    },
    {
      name: "browser-code-has-no-node",
      comment: "The search and compare pages run in the browser: nothing they reach may use Node built-ins.",
      severity: "error",
      from: { path: "^src/(search|compare)/ui\\.ts$" },
      // Built-ins resolve to their own names (node:fs, fs).
      to: {
        path: "^(node:|(fs|path|os|crypto|module|child_process|url|util|stream|zlib|worker_threads)$)",
        reachable: true,
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    exclude: { path: "(^|/)(node_modules|dist|\\.astro)/" },
  },
};
