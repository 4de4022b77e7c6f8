/**
 * `npm run serve`: serves dist/ on http://127.0.0.1:PORT (default 4321), under
 * BASE_PATH when the site was built for a sub-path.
 */
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import sirv from "sirv";
import { join, resolve } from "node:path";
import { ROOT } from "../src/config/paths.ts";

const dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, "dist");
if (!existsSync(dist)) {
  console.error("dist/ does not exist: run `npm run build` first");
  process.exit(1);
}
const base = ("/" + (process.env.BASE_PATH ?? "/").replace(/^\/+|\/+$/g, "") + "/").replace("//", "/");
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? "127.0.0.1";
const files = sirv(dist, { dev: true, etag: true, extensions: ["html"] });

createServer((req, res) => {
  const path = req.url ?? "/";
  if (!path.startsWith(base)) {
    res.writeHead(302, { location: base });
    res.end();
    return;
  }
  req.url = "/" + path.slice(base.length);
  files(req, res, () => {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("404 未找到");
  });
}).listen(port, host, () => console.log(`serving dist/ at http://${host}:${port}${base}`));
