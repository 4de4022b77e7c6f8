/**
 * A PDF → lines, from its text layer (PDF.js through unpdf), laid out by layout.ts. A PDF
 * without a text layer is a scan and needs OCR first; an encrypted one needs its password
 * removed.
 */
import { getDocumentProxy } from "unpdf";
import type { ExtractResult } from "./extracted.ts";
import { pageLines, paragraphs, textLength, type Piece } from "./layout.ts";

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // Errors only: PDF.js otherwise prints its repairs ("Indexing all PDF objects") to the console.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (e) {
    const err = e as { name?: string; message: string };
    if (err.name === "PasswordException")
      return { ok: false, message: "an encrypted PDF: a password is needed; open it and save an unprotected copy" };
    return { ok: false, message: `a damaged PDF: ${err.message}` };
  }
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { items } = await page.getTextContent();
    // PDF's y runs upwards; layout's downwards.
    const pieces: Piece[] = (items as TextItem[]).map((i) => ({
      x: i.transform[4]!,
      y: -i.transform[5]!,
      w: i.width,
      size: Math.abs(i.transform[3]!) || i.height || 10,
      text: i.str,
    }));
    pages.push(pageLines(pieces));
    page.cleanup();
  }
  await pdf.destroy();
  if (textLength(pages) < 20) return { ok: false, message: "a scanned PDF without text; run OCR first" };
  return { ok: true, value: paragraphs(pages, "pdf", "PDF text layer") };
}
