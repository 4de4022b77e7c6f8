// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import { normalizeBase, siteOrigin } from "./src/config/urls.ts";

export default defineConfig({
  site: siteOrigin(process.env.SITE_URL),
  // BASE_PATH=/some/path/ publishes the site under a sub-path of a portal.
  base: normalizeBase(process.env.BASE_PATH),
  outDir: process.env.DIST_DIR ?? "./dist",
  // The content store lives in the cache: a build of another content folder gets its own.
  cacheDir: process.env.INGEST_OUT ? `${process.env.INGEST_OUT}/.astro-cache` : "./node_modules/.astro",
  trailingSlash: "always",
  // No inline <script> or <style>: portals serve a Content-Security-Policy without
  // 'unsafe-inline', so every page script and stylesheet is a file of its own.
  build: { format: "directory", inlineStylesheets: "never" },
  vite: { build: { assetsInlineLimit: 0 } },
  // Circular pages draw their body from the model with the components their exported MDX
  // names (src/mdx/render.ts, tests/mdx/evaluate.test.ts), not by compiling it per page;
  // the integration stays for MDX written by hand.
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
