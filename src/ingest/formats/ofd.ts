/**
 * An OFD file (GB/T 33190, the national format for electronic official documents) → lines.
 * It is a zip of XML: OFD.xml names the document (DocBody → DocRoot → Document.xml), which
 * lists its pages (Pages → Page BaseLoc → Content.xml); a page's text is TextObjects
 * (Boundary "x y w h", Size) holding TextCodes (X, Y within the object, DeltaX advances).
 * Text is placed by its position on the page, not by its order in the file, and laid out
 * into lines and paragraphs as a PDF's is (layout.ts).
 */
import type { ExtractResult } from "./extracted.ts";
import { pageLines, paragraphs, textLength, type Piece } from "./layout.ts";
import { attr, descendants, local, parseXml, textOf, type XmlNode } from "./xml.ts";
import { entryText, readZip } from "./zip.ts";

/** A path inside the package, relative to the file that names it (or absolute from its root). */
function resolve(base: string, path: string): string {
  if (path.startsWith("/")) return path.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of path.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** DeltaX "g 3 4.2 1.5" (g: a value repeated n times) → one advance per character gap. */
export function advances(deltaX: string | undefined, count: number, size: number): number[] {
  const out: number[] = [];
  const tokens = (deltaX ?? "").trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === "g") {
      const n = Number(tokens[i + 1]);
      const v = Number(tokens[i + 2]);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  while (out.length < count - 1) out.push(out.at(-1) ?? size);
  return out;
}

function pagePieces(content: XmlNode[]): Piece[] {
  const pieces: Piece[] = [];
  for (const obj of descendants(content, "TextObject")) {
    const [bx = 0, by = 0] = (attr(obj, "Boundary") ?? "0 0 0 0").split(/\s+/).map(Number);
    const size = Number(attr(obj, "Size") ?? 3.5);
    let x = 0;
    let y = 0;
    for (const code of obj.children.filter((c) => local(c) === "TextCode")) {
      // X and Y carry over from the code before when a TextCode omits them.
      if (attr(code, "X") !== undefined) x = Number(attr(code, "X"));
      if (attr(code, "Y") !== undefined) y = Number(attr(code, "Y"));
      const text = textOf(code);
      const steps = advances(attr(code, "DeltaX"), [...text].length, size);
      const width = steps.slice(0, [...text].length - 1).reduce((a, b) => a + b, 0) + size;
      pieces.push({ x: bx + x, y: by + y, w: width, size, text });
      x += width;
    }
  }
  return pieces;
}

export function extractOfd(bytes: Uint8Array): ExtractResult {
  const zip = readZip(bytes, (name) => name.toLowerCase().endsWith(".xml"));
  if (!zip.ok) return { ok: false, message: zip.message };
  const ofd =
    entryText(zip.files, "OFD.xml") ??
    entryText(zip.files, [...zip.files.keys()].find((k) => k.toLowerCase() === "ofd.xml") ?? "");
  if (!ofd) return { ok: false, message: "not an OFD file: no OFD.xml in the package" };
  const docRoot = descendants(parseXml(ofd), "DocRoot")[0];
  const documentPath = docRoot ? resolve("OFD.xml", textOf(docRoot).trim()) : null;
  const documentXml = documentPath ? entryText(zip.files, documentPath) : null;
  if (!documentPath || !documentXml)
    return { ok: false, message: `damaged OFD file: its document (${documentPath ?? "DocRoot"}) is missing` };
  const pagesNode = descendants(parseXml(documentXml), "Pages")[0];
  const pages = [];
  for (const page of pagesNode ? pagesNode.children.filter((c) => local(c) === "Page") : []) {
    const path = resolve(documentPath, attr(page, "BaseLoc") ?? "");
    const xml = entryText(zip.files, path);
    if (!xml) return { ok: false, message: `damaged OFD file: page ${path} is missing` };
    const content = parseXml(xml);
    const contentNode = descendants(content, "Content")[0];
    pages.push(pageLines(pagePieces(contentNode ? [contentNode] : [])));
  }
  if (pages.length === 0) return { ok: false, message: "an OFD file with no pages" };
  if (textLength(pages) < 20) return { ok: false, message: "an OFD file without text (scanned images); run OCR first" };
  return { ok: true, value: paragraphs(pages, "ofd", "OFD text objects") };
}
