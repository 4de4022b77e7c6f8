/**
 * A page saved from the browser → lines. Decoded by its byte-order mark, then the charset it
 * declares, then detection (an undeclared GBK page is not read as Latin-1); parsed with a
 * real HTML parser (linkedom); the article found by Readability's scoring. Block elements
 * and <br> end lines; a table row is one line with its cells between " | ", so a portal's
 * metadata table (索引号 | … | 发文字号 | … |) reads as fields. The page's own metadata
 * (<title>, <meta name="ArticleTitle">…) becomes field lines at the top. What lies outside
 * the article — scripts, styles, navigation, breadcrumbs, share bars, related lists,
 * footers — is known chrome; the parser's own chrome rules run on top.
 */
import { Readability } from "@mozilla/readability";
import { createRequire } from "node:module";
import { parseHTML } from "linkedom";
import { compactKey } from "../../text/keys.ts";
import { decode, decodeAs } from "../read.ts";
import { LineSink, type ExtractResult } from "./extracted.ts";

const require = createRequire(import.meta.url);
const sniffEncoding = require("html-encoding-sniffer") as (
  bytes: Uint8Array,
  options: { defaultEncoding: string | null },
) => string | null;

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BODY",
  "CENTER",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "TR",
  "UL",
  "CAPTION",
]);
const HIDDEN = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "HEAD"]);
const CHROME_ELEMENT = new Set(["NAV", "FOOTER", "ASIDE", "FORM", "BUTTON", "SELECT"]);
/** Class or id of a page region that is chrome. */
const CHROME_NAMES = [
  ...["nav", "navbar", "menu", "breadcrumbs?", "crumbs?", "position", "location", "weizhi", "dqwz"],
  ...["share", "bdshare", "fenxiang", "footer", "foot", "copyright", "banquan", "related", "xgwz", "xgxx"],
  ...["sidebar", "toolbar", "search", "header", "top-?bar", "login", "print", "close"],
];
const CHROME_REGION = new RegExp(String.raw`(^|[\s_-])(${CHROME_NAMES.join("|")})([\s_-]|$)`, "i");
/** The page's own metadata worth reading as fields (government portals fill these in). */
const META_FIELDS: Record<string, string> = {
  articletitle: "网页标题",
  title: "网页标题",
  pubdate: "发布日期",
  "dc.date": "发布日期",
  firstimagedate: "",
  contentsource: "信息来源",
  "dc.source": "信息来源",
};

interface Element {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<Element>;
  getAttribute(name: string): string | null;
}

/** The page's text as lines, in document order, each marked by whether it lies in a chrome region. */
function pageLines(root: Element, sink: { push(text: string, noise: boolean): void }): void {
  let line = "";
  let lineIsChrome = false;
  const flush = () => {
    const text = line.replace(/[ \t\r\n\f]+/g, " ").replace(/^ | $/g, "");
    if (text !== "") sink.push(text, lineIsChrome);
    line = "";
    lineIsChrome = false;
  };
  const walk = (node: Element, chrome: boolean) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? "";
      lineIsChrome ||= chrome;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.tagName.toUpperCase();
    if (HIDDEN.has(tag)) {
      if (tag === "SCRIPT" || tag === "STYLE") {
        flush();
        const code = (node.textContent ?? "").replace(/\s+/g, " ").trim();
        if (code) sink.push(code, true);
      }
      return;
    }
    const inChrome =
      chrome ||
      CHROME_ELEMENT.has(tag) ||
      CHROME_REGION.test(`${node.getAttribute("class") ?? ""} ${node.getAttribute("id") ?? ""}`);
    if (tag === "BR") return flush();
    if (tag === "TR") {
      flush();
      const cells = Array.from(node.childNodes).filter((c) => c.nodeType === 1 && /^(TD|TH)$/i.test(c.tagName));
      // A row of label and value cells reads as one line; a layout row's cells as their own lines.
      if (cells.length >= 2 && cells.every((c) => (c.textContent ?? "").replace(/\s+/g, "").length <= 60)) {
        line = cells.map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()).join(" | ");
        lineIsChrome = inChrome;
        return flush();
      }
      for (const c of cells) walk(c, inChrome);
      return flush();
    }
    const block = BLOCK.has(tag) || tag === "TD" || tag === "TH";
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, inChrome);
    if (block) flush();
  };
  walk(root, false);
  flush();
}

function decodePage(bytes: Uint8Array): { text: string; encoding: string } | { error: string } {
  const declared = sniffEncoding(bytes, { defaultEncoding: null });
  // A page that declares a Latin code page is seldom right about Chinese text: detect instead.
  if (declared && !/^(windows-125\d|iso-8859-\d+)$/i.test(declared)) {
    const d = decodeAs(bytes, declared);
    if (d.ok) return { text: d.text, encoding: d.encoding };
  }
  const d = decode(bytes);
  return d.ok ? { text: d.text, encoding: d.encoding } : { error: d.message };
}

export function extractHtml(bytes: Uint8Array): ExtractResult {
  const decoded = decodePage(bytes);
  if ("error" in decoded) return { ok: false, message: decoded.error };
  const { document } = parseHTML(decoded.text);
  const sink = new LineSink();
  // The page's own metadata, as field lines at the top.
  const title = (document.querySelector("title")?.textContent ?? "").replace(/\s+/g, " ").trim();
  if (title) sink.push(`网页标题：${title}`, true);
  // Scripts and styles of the page's head are chrome too (those of the body are met in place).
  for (const el of Array.from(document.querySelectorAll("head script, head style")) as unknown as Element[]) {
    const code = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (code) sink.push(code, true);
  }
  for (const meta of Array.from(document.querySelectorAll("meta[name][content]")) as unknown as Element[]) {
    const label = META_FIELDS[(meta.getAttribute("name") ?? "").toLowerCase()];
    const value = (meta.getAttribute("content") ?? "").trim();
    if (label && value && !(label === "网页标题" && value === title)) sink.push(`${label}：${value}`, true);
  }
  // The article, by Readability's scoring, on a copy (it rewrites the page it reads).
  const article = new Readability(parseHTML(decoded.text).document as never, { charThreshold: 100 }).parse();
  const articleKeys = new Set<string>();
  if (article?.content) {
    pageLines(parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as Element, {
      push: (t) => articleKeys.add(compactKey(t)),
    });
  }
  const page = new LineSink();
  pageLines(document.body as unknown as Element, page);
  const chromeLines = new Set(page.noise);
  page.lines.forEach((text, i) => {
    const inChromeRegion = chromeLines.has(i + 1);
    // Outside the article (when one was found), a line is chrome; headings above it stay (the title).
    const outside = articleKeys.size > 0 && !articleKeys.has(compactKey(text));
    sink.push(text, inChromeRegion || (outside && !/关于|通知|意见|决定|办法|规定|条例|方案/.test(text)));
  });
  return { ok: true, value: sink.done("html", decoded.encoding) };
}
