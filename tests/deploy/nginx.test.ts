/**
 * deploy/nginx.conf, read by an nginx config parser (nginx-conf) and checked against nginx's
 * own directive reference (@nginx/reference-lib): every directive exists and stands where
 * nginx allows it; every location sends the security headers of src/config/security.ts
 * (a location with add_header of its own drops the server's); caching and types as the
 * README's recipe says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getDirectives } from "@nginx/reference-lib";
import { parse } from "nginx-conf";
import { describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/config/security.ts";

interface Node {
  name: string;
  value: string;
  children: Node[];
  isBlock: boolean;
}
const DEPLOY = join(import.meta.dirname, "../../deploy");

function parseConf(file: string): Node {
  let tree: Node | undefined;
  parse(readFileSync(join(DEPLOY, file), "utf8"), (err, t) => {
    if (err) throw new Error(`${file}: ${err.message}`);
    tree = t as unknown as Node;
  });
  // `include` spliced in, as nginx reads it.
  const splice = (n: Node): Node => ({
    ...n,
    // `include snippets/x.conf` is deploy/x.conf: the recipe copies it there.
    children: (n.children ?? []).flatMap((c) =>
      c.name === "include" ? parseConf(c.value.split("/").at(-1)!).children : [splice(c)],
    ),
  });
  return splice(tree!);
}

const conf = parseConf("nginx.conf");
const server = conf.children.find((n) => n.name === "server")!;
const locations = server.children.filter((n) => n.name === "location");
// The HTTP modules' directives (mail and stream have some of the same names, elsewhere).
const reference = new Map<string, { contexts: string[] }>();
for (const d of getDirectives().filter((x) => x.module.startsWith("ngx_http_"))) {
  reference.set(d.name, { contexts: [...(reference.get(d.name)?.contexts ?? []), ...d.contexts] });
}
// Directives of modules outside nginx's reference: ngx_brotli (Debian: libnginx-mod-http-brotli-static).
const THIRD_PARTY: Record<string, string[]> = { brotli_static: ["http", "server", "location"] };

/** Header name → value, as `add_header Name "value" always;` sets it. */
const headersOf = (block: Node) =>
  new Map(
    block.children
      .filter((d) => d.name === "add_header")
      .map((d) => {
        const m = /^(\S+)\s+"((?:[^"\\]|\\.)*)"/.exec(d.value)!;
        return [m[1]!, m[2]!] as const;
      }),
  );

describe("deploy/nginx.conf", () => {
  it("parses, and every directive is one nginx knows, in a context it allows (the server block in http)", () => {
    const wrong: string[] = [];
    const walk = (block: Node, context: string) => {
      for (const d of block.children) {
        if (block.name === "types") continue; // type → extensions, not directives
        const allowed = reference.get(d.name)?.contexts ?? THIRD_PARTY[d.name];
        if (!allowed) wrong.push(`${d.name}: unknown directive`);
        else if (!allowed.includes(context)) wrong.push(`${d.name}: not allowed in ${context}`);
        if (d.isBlock) walk(d, d.name);
      }
    };
    walk({ name: "http", value: "", children: [server], isBlock: true }, "http");
    expect(wrong).toEqual([]);
  });

  it("every location sends the security headers, with the values the site is tested under", () => {
    for (const loc of locations) {
      const headers = headersOf(loc);
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect([loc.value, name, headers.get(name)]).toEqual([loc.value, name, value]);
    }
  });

  it("hashed assets are cached for a year, HTML and data revalidated, both served precompressed", () => {
    const hashed = locations.find((l) => l.value.includes("_astro"))!;
    const pages = locations.find((l) => l.value === "/gov/policy/")!;
    expect(headersOf(hashed).get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(headersOf(pages).get("Cache-Control")).toBe("no-cache");
    for (const l of [hashed, pages]) {
      expect(l.children.find((d) => d.name === "gzip_static")?.value).toBe("on");
      expect(l.children.find((d) => d.name === "brotli_static")?.value).toBe("on");
    }
    // Only names that change with their content get the long cache.
    expect(new RegExp(hashed.value.replace(/^~\s*/, "")).test("/gov/policy/pagefind/pagefind-entry.json")).toBe(false);
    expect(
      new RegExp(hashed.value.replace(/^~\s*/, "")).test("/gov/policy/pagefind/pagefind.zh-cn_828c18bcb4535.pf_meta"),
    ).toBe(true);
    // Every bundle's chunks, not the first bundle's only.
    expect(
      new RegExp(hashed.value.replace(/^~\s*/, "")).test("/gov/policy/pagefind-3/index/zh-cn_11ac15f.pf_index"),
    ).toBe(true);
  });

  it("serves .wasm, Pagefind's .pf_* files, .csv and the phrase index's .gz with their types", () => {
    const types = new Map(
      server.children
        .find((n) => n.name === "types")!
        .children.flatMap((t) => t.value.split(/\s+/).map((ext) => [ext, t.name] as const)),
    );
    expect(types.get("wasm")).toBe("application/wasm");
    expect(types.get("csv")).toBe("text/csv");
    expect(types.get("gz")).toBe("application/gzip");
    for (const ext of ["pf_meta", "pf_index", "pf_fragment", "pf_filter", "pagefind"])
      expect(types.get(ext)).toBe("application/octet-stream");
    for (const ext of ["html", "css", "js", "json", "xml", "svg", "txt"]) expect(types.has(ext)).toBe(true);
  });

  it("the check fails on a directive nginx does not have, and on a location that drops the headers", () => {
    expect(reference.has("add_headers")).toBe(false);
    expect(
      headersOf({
        name: "location",
        value: "/x/",
        isBlock: true,
        children: [{ name: "add_header", value: 'Cache-Control "no-cache" always', children: [], isBlock: false }],
      }).get("Content-Security-Policy"),
    ).toBeUndefined();
  });
});
