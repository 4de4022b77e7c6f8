/**
 * The test browser: the Chromium that @sparticuz/chromium ships, driven by playwright-core,
 * with a CJK font from npm so screenshots show Chinese; and a static server for a built
 * site on 127.0.0.1 (Pagefind needs http, not file://). Used by the browser tests and by
 * the measuring scripts (search-cost, screenshot).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { staticServer, type Mount } from "../site/staticServer.ts";

const FONT_DIRS = ["400Regular", "700Bold"].map((w) => resolve("node_modules/@expo-google-fonts/noto-sans-sc", w));

/** Chromium reads fonts through its own fontconfig; point it at the npm CJK font before it loads. */
function configureFonts(): void {
  if (process.env.FONTCONFIG_PATH?.includes("policy-fonts")) return;
  const dir = mkdtempSync(join(tmpdir(), "policy-fonts-"));
  const cache = join(dir, "cache");
  mkdirSync(cache);
  writeFileSync(
    join(dir, "fonts.conf"),
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">` +
      `<fontconfig>${FONT_DIRS.map((d) => `<dir>${d}</dir>`).join("")}<cachedir>${cache}</cachedir></fontconfig>`,
  );
  process.env.FONTCONFIG_PATH = dir;
}

/** How the test browser is started: the npm Chromium, its CJK fonts, the flags it needs here. */
async function launchOptions() {
  configureFonts();
  const { default: chromium } = await import("@sparticuz/chromium");
  // --single-process ends the browser with its last page; keep the rest of the serverless flags.
  const args = chromium.args.filter((a: string) => a !== "--single-process" && !a.startsWith("--disable-web-security"));
  return {
    executablePath: await chromium.executablePath(),
    args: [...args, "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-gpu"],
    headless: true,
  };
}

export async function launchBrowser() {
  const { chromium: playwright } = await import("playwright-core");
  return playwright.launch(await launchOptions());
}

/** One browser for many test files: started once, each file connecting to it (connectBrowser). */
export async function launchBrowserServer() {
  const { chromium: playwright } = await import("playwright-core");
  return playwright.launchServer(await launchOptions());
}

export async function connectBrowser(wsEndpoint: string) {
  const { chromium: playwright } = await import("playwright-core");
  return playwright.connect(wsEndpoint);
}

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serves `dir` on a free port of 127.0.0.1 so that `base` maps to its root, with the given response headers. */
export async function serveStatic(
  dir: string,
  base = "/",
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  return serveSites([{ base, dir }], headers);
}

/** Several built sites on one origin, each under its base path (a library built in shards). */
export async function serveSites(mounts: Mount[], headers: Record<string, string> = {}): Promise<StaticServer> {
  const server = staticServer(mounts, headers);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
