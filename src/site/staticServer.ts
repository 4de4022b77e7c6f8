/**
 * A static server for built sites: each site's `base` (e.g. "/" or "/gov/policy/") maps to
 * its folder's root, as a portal would host it — several sites side by side where a
 * library is built in shards — with the given response headers (the security headers of
 * config/security.ts for `npm run serve`). Used by `npm run serve` and the browser tests.
 */
import { createServer, type Server } from "node:http";
import sirv from "sirv";

export interface Mount {
  base: string;
  dir: string;
}

export function staticServer(mounts: Mount[], headers: Record<string, string> = {}): Server {
  // The build's .br/.gz copies are sent to browsers that accept them, as nginx's
  // brotli_static/gzip_static do (deploy/nginx.conf).
  const sites = mounts
    .map((m) => ({
      base: m.base,
      files: sirv(m.dir, { dev: true, etag: true, extensions: ["html"], brotli: true, gzip: true }),
    }))
    .sort((a, b) => b.base.length - a.base.length);
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = req.url ?? "/";
    const site = sites.find((s) => path.startsWith(s.base));
    if (!site) {
      res.writeHead(302, { location: mounts[0]!.base });
      res.end();
      return;
    }
    req.url = "/" + path.slice(site.base.length);
    site.files(req, res, () => {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("404 未找到");
    });
  });
}
