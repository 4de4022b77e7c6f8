/**
 * A static server for a built site: `base` (e.g. "/" or "/gov/policy/") maps to the
 * folder's root, as a portal would host it. Used by `npm run serve` and the browser tests.
 */
import { createServer, type Server } from "node:http";
import sirv from "sirv";

export function staticServer(dir: string, base = "/"): Server {
  const files = sirv(dir, { dev: true, etag: true, extensions: ["html"] });
  return createServer((req, res) => {
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
  });
}
