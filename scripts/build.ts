/**
 * `npm run build [-- --strict]`: ingest → Astro build → search index → .gz/.br copies of the
 * text files, into dist/ (or DIST_DIR).
 * CORPUS, INGEST_OUT, DIST_DIR and BASE_PATH are passed through to every stage.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../src/config/paths.ts";

function run(label: string, command: string, args: string[]): void {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) {
    console.error(`build: ${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`build: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const astro = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");
run("ingest", process.execPath, ["scripts/ingest.ts", ...process.argv.slice(2)]);
run("astro", process.execPath, [astro, "build", "--silent"]);
run("search index", process.execPath, ["scripts/search-index.ts"]);
run("precompress", process.execPath, ["scripts/precompress.ts"]);
