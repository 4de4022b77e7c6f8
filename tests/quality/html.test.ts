/** Valid HTML on every built page (html-validate, recommended rules). */
import { readFileSync } from "node:fs";
import { HtmlValidate } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { htmlFiles } from "../site/html.ts";

// Recommended rules, inline styles included: a portal's Content-Security-Policy refuses them.
const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

async function problems(html: string, name: string): Promise<string[]> {
  // One file name for the validator: it resolves its configuration once per name (a fifth of its time).
  const report = await validator.validateString(html, "page.html");
  return report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

describe("HTML validity", () => {
  it("every page of the built site is valid", async () => {
    const site = inject("seedSite");
    const all: string[] = [];
    for (const file of htmlFiles(site.dist))
      all.push(...(await problems(readFileSync(file, "utf8"), file.slice(site.dist.length))));
    expect(all).toEqual([]);
  });

  it("the check fails on a broken page", async () => {
    const broken =
      '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body>' +
      '<main><p id="a">一<p id="a">二</div><img src="x.png"></main></body></html>';
    const found = await problems(broken, "broken.html");
    expect(found.some((p) => p.includes("no-dup-id"))).toBe(true);
    expect(found.some((p) => p.includes("wcag/h37"))).toBe(true);
  });
});
