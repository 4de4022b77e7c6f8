/**
 * `npm run serve`: serves dist/ (or DIST_DIR) on http://127.0.0.1:PORT (default 4321),
 * under BASE_PATH when the site was built for a sub-path.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { ROOT } from "../src/config/paths.ts";
import { staticServer } from "../src/site/staticServer.ts";
import { normalizeBase } from "../src/config/urls.ts";
import { SECURITY_HEADERS } from "../src/config/security.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
if (!existsSync(dist)) {
  console.error("dist/ does not exist: run `npm run build` first");
  process.exit(1);
}
const base = normalizeBase(process.env.BASE_PATH);
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? "127.0.0.1";
// The headers a portal sends (deploy/nginx.conf), so what works here works there.
staticServer([{ base, dir: dist }], SECURITY_HEADERS).listen(port, host, () =>
  console.log(`serving ${dist} at http://${host}:${port}${base}`),
);
