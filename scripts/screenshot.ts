/**
 * `node scripts/screenshot.ts PATH OUT.png [WIDTH]`: a screenshot of a page of dist/ in the
 * test browser. FULL=1 for the whole page; WAIT_FOR=SELECTOR to wait for what scripts render
 * (the compare page: WAIT_FOR='[data-state=done]').
 */
import { launchBrowser, serveStatic } from "../src/bench/browser.ts";

const [path = "/", out = "screenshot.png", width = "1200"] = process.argv.slice(2);
const server = await serveStatic("dist");
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
await page.goto(server.origin + path);
if (process.env.WAIT_FOR) await page.waitForSelector(process.env.WAIT_FOR);
await page.screenshot({ path: out, fullPage: process.env.FULL === "1" });
await browser.close();
await server.close();
console.log(out);
