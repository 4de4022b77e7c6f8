/**
 * A static server for a built site: `base` (e.g. "/" or "/gov/policy/") maps to the
 * folder's root, as a portal would host it, with the given response headers (the security
 * headers of config/security.ts for `npm run serve`). Used by `npm run serve` and the browser tests.
 */
import { createServer, type Server } from "node:http";
import sirv from "sirv";

export function staticServer(dir: string, base = "/", headers: Record<string, string> = {}): Server {
  // The build's .br/.gz copies are sent to browsers that accept them, as nginx's
  // brotli_static/gzip_static do (deploy/nginx.conf).
  const files = sirv(dir, { dev: true, etag: true, extensions: ["html"], brotli: true, gzip: true });
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
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
