/**
 * Any source file → the text the parser reads: recognised by its content (detect.ts), then
 * read by its format. Plain text is decoded as before; a saved page, a Word file, a PDF and
 * an OFD file each become lines (the same lines a typed text would give), with what the
 * format knows to be chrome.
 */
import type { SourceFormat } from "../../model/circular.ts";
import { decode } from "../read.ts";
import { detectFormat } from "./detect.ts";
import { extractDocx } from "./docx.ts";
import type { ExtractResult } from "./extracted.ts";
import { extractHtml } from "./html.ts";
import { extractMarkdown, looksLikeMarkdown } from "./markdown.ts";
import { extractOfd } from "./ofd.ts";
import { extractPdf } from "./pdf.ts";

export type { Extracted, ExtractResult } from "./extracted.ts";

export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
): Promise<ExtractResult & { format?: SourceFormat }> {
  if (bytes.length === 0) return { ok: false, message: "empty file" };
  const detected = detectFormat(bytes, fileName);
  if ("unsupported" in detected) return { ok: false, message: `cannot read ${detected.unsupported}` };
  switch (detected.format) {
    case "html":
      return extractHtml(bytes);
    case "docx":
      return extractDocx(bytes);
    case "pdf":
      return extractPdf(bytes);
    case "ofd":
      return extractOfd(bytes);
    case "markdown":
    case "text": {
      const d = decode(bytes);
      if (!d.ok) return d;
      // A text file whose markers (frontmatter, # headings) say it is Markdown is read as such.
      if (detected.format === "markdown" || looksLikeMarkdown(d.text)) return extractMarkdown(d.text, d.encoding);
      return { ok: true, value: { format: "text", text: d.text, encoding: d.encoding, noiseLines: [], warnings: [] } };
    }
  }
}
