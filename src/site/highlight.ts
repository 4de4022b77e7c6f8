/**
 * JSON highlighted by Shiki with classes instead of `style` attributes: portals serve pages
 * under a Content-Security-Policy whose `style-src 'self'` refuses inline styles. Class names
 * are hashes of the style, so the stylesheet (/styles/code.css) built from a specimen holding
 * every kind of JSON token covers any JSON the pages show.
 */
import { transformerStyleToClass } from "@shikijs/transformers";
import { codeToHtml } from "shiki";

const toClass = transformerStyleToClass({ classPrefix: "sk-" });
const SPECIMEN = `{"key": "text", "n": -1.5, "on": true, "off": false, "none": null, "list": [1, "a", {}]}`;

export function highlightJson(code: string): Promise<string> {
  return codeToHtml(code, { lang: "json", theme: "github-light", transformers: [toClass] });
}

/** The rules for every class highlightJson writes. */
export async function codeCss(): Promise<string> {
  await highlightJson(SPECIMEN);
  return toClass.getCSS();
}
