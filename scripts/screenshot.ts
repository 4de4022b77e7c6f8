/** `node scripts/screenshot.ts PATH OUT.png [WIDTH]`: a screenshot of a page of dist/ in the test browser. */
import { launchBrowser, serveStatic } from "../src/bench/browser.ts";

const [path = "/", out = "screenshot.png", width = "1200"] = process.argv.slice(2);
const server = await serveStatic("dist");
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(server.origin + path);
await page.screenshot({ path: out, fullPage: process.env.FULL === "1" });
await browser.close();
await server.close();
console.log(out);
