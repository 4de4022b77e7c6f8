/** Reading a built site: its pages, and an internal link and fragment checker. */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith(".html") ? [p] : [];
  });
}

/** Built pages, parsed once: several tests read the same page (read them, do not change them). */
const parsed = new Map<string, HTMLElement>();

export function parsedFile(file: string): HTMLElement {
  let root = parsed.get(file);
  if (!root) parsed.set(file, (root = parse(readFileSync(file, "utf8"))));
  return root;
}

export function page(dist: string, path: string): HTMLElement {
  return parsedFile(join(dist, path.replace(/^\//, ""), path.endsWith("/") || path === "" ? "index.html" : ""));
}

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/**
 * Every href/src on every page must resolve to a file in `dist` (under `base`), and every
 * #fragment to an id on the target page. Links to other origins are reported too: the
 * site must be self-contained.
 */
export function checkLinks(dist: string, base: string, origin = "http://site.invalid"): BrokenLink[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set)
      ids.set(
        file,
        (set = new Set(
          parsedFile(file)
            .querySelectorAll("[id]")
            .map((e) => e.getAttribute("id")!),
        )),
      );
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const file of htmlFiles(dist)) {
    const rel = relative(dist, file).split(sep).join("/");
    const pageUrl = new URL(base + rel.replace(/index\.html$/, ""), origin);
    for (const el of parsedFile(file).querySelectorAll(
      "a[href], link[href], script[src], img[src], iframe[src], source[src], form[action]",
    )) {
      const href = el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("action")!;
      if (/^(mailto|tel|javascript|data):/.test(href)) continue;
      const target = new URL(href, pageUrl);
      if (target.origin !== origin) {
        broken.push({ page: rel, href, reason: "points to another origin" });
        continue;
      }
      if (!target.pathname.startsWith(base)) {
        broken.push({ page: rel, href, reason: `outside the base path ${base}` });
        continue;
      }
      const path = decodeURIComponent(target.pathname.slice(base.length));
      let targetFile = join(dist, path);
      if (path === "" || path.endsWith("/")) targetFile = join(targetFile, "index.html");
      else if (existsSync(targetFile) && statSync(targetFile).isDirectory())
        targetFile = join(targetFile, "index.html");
      if (!existsSync(targetFile)) {
        broken.push({ page: rel, href, reason: "no such file" });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && targetFile.endsWith(".html") && !idsOf(targetFile).has(fragment)) {
        broken.push({ page: rel, href, reason: `no id "${fragment}" on the target page` });
      }
    }
  }
  return broken;
}
