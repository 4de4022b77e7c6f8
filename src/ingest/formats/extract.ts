/**
 * Any source file → the text the parser reads: recognised by its content (detect.ts), then
 * read by its format. Plain text is decoded as before; a saved page, a Word file, a PDF and
 * an OFD file each become lines (the same lines a typed text would give), with what the
 * format knows to be chrome. The reader of a format is loaded when a file of it is met: the
 * HTML and Markdown readers' packages took 0.35 s to load in each process that parses (an
 * ingest of typed texts, `npm run parse`).
 */
import type { SourceFormat } from "../../model/circular.ts";
import { decode } from "../read.ts";
import { detectFormat, looksLikeMarkdown } from "./detect.ts";
import type { ExtractResult } from "./extracted.ts";

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
      return (await import("./html.ts")).extractHtml(bytes);
    case "docx":
      return (await import("./docx.ts")).extractDocx(bytes);
    case "pdf":
      return (await import("./pdf.ts")).extractPdf(bytes);
    case "ofd":
      return (await import("./ofd.ts")).extractOfd(bytes);
    case "markdown":
    case "text": {
      const d = decode(bytes);
      if (!d.ok) return d;
      // A text file whose markers (frontmatter, # headings) say it is Markdown is read as such.
      if (detected.format === "markdown" || looksLikeMarkdown(d.text))
        return (await import("./markdown.ts")).extractMarkdown(d.text, d.encoding);
      return { ok: true, value: { format: "text", text: d.text, encoding: d.encoding, noiseLines: [], warnings: [] } };
    }
  }
}
