/**
 * Which format a file is, by its content (magic bytes, markup), not its name: a saved page
 * named .txt is a page, a .docx renamed .doc is a .docx. Formats the library cannot read
 * get one clear line saying what to do.
 */
import type { SourceFormat } from "../../model/circular.ts";
import { CJK_BASIC } from "../../text/chars.ts";

export type Detected = { format: SourceFormat } | { unsupported: string };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, n: number) => String.fromCharCode(...b.subarray(0, Math.min(n, b.length)));

/** A zip's entry names, read from its local headers (enough to tell .docx from .ofd). */
function zipNames(b: Uint8Array): string[] {
  const names: string[] = [];
  for (let i = 0; i + 30 < b.length && names.length < 64;) {
    if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04], i)) break;
    const view = new DataView(b.buffer, b.byteOffset + i);
    const compressed = view.getUint32(18, true);
    const nameLength = view.getUint16(26, true);
    const extra = view.getUint16(28, true);
    names.push(new TextDecoder().decode(b.subarray(i + 30, i + 30 + nameLength)));
    // Entries written with a data descriptor give no size here: the names seen so far must do.
    if ((view.getUint16(6, true) & 0x08) !== 0) break;
    i += 30 + nameLength + extra + compressed;
  }
  return names;
}

export function detectFormat(bytes: Uint8Array, fileName: string): Detected {
  const lower = fileName.toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { format: "pdf" }; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipNames(bytes);
    if (names.some((n) => /^OFD\.xml$/i.test(n)) || lower.endsWith(".ofd")) return { format: "ofd" };
    if (names.some((n) => n.startsWith("word/")) || lower.endsWith(".docx")) return { format: "docx" };
    if (names.some((n) => n === "content.xml") || /\.(odt|wps)$/.test(lower))
      return { unsupported: "an OpenDocument or WPS file: save it as .docx" };
    if (names.length > 0) return { unsupported: `a zip archive (${names.slice(0, 3).join(", ")}), not a document` };
    return { format: lower.endsWith(".ofd") ? "ofd" : "docx" };
  }
  // OLE2 compound file: Word 97-2003 .doc, .wps, .xls, or a password-protected .docx.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const text = new TextDecoder("utf-16le").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (text.includes("EncryptedPackage") || text.includes("EncryptionInfo"))
      return { unsupported: "an encrypted Word file: open it, remove the password and save it as .docx" };
    return { unsupported: "a Word 97-2003 (.doc) or WPS file: open it and save it as .docx" };
  }
  if (ascii(bytes, 5) === "{\\rtf") return { unsupported: "an RTF file: open it and save it as .docx" };
  // Apabi CEB (a format of older Chinese e-government systems).
  if (lower.endsWith(".ceb") || ascii(bytes, 4) === "CEB\u0000")
    return { unsupported: "a CEB file: open it in Apabi Reader and save it as PDF or .docx" };
  // Markup: a page saved from the browser (whatever its name).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 4096))).toLowerCase();
  if (
    /^\s*(\ufeff|ï»¿)?\s*<(!doctype html|html|head|meta|body)\b/.test(head) ||
    (/<(html|body|div|p|table)\b/.test(head) && /<\/(div|p|td|html|body)>/.test(head) && /\.html?$/.test(lower))
  )
    return { format: "html" };
  // Markdown by its name; a text file is also read as Markdown when its markers say so (extract.ts).
  if (/\.(md|markdown)$/.test(lower)) return { format: "markdown" };
  return { format: "text" };
}

/** A YAML key (Latin or Han) at the start of a line. */
const FRONTMATTER_KEY = new RegExp(String.raw`^[\w${CJK_BASIC}-]+\s*:`, "m");

/** A file that is Markdown by its content: frontmatter, or ATX headings and other markers at line starts. */
export function looksLikeMarkdown(text: string): boolean {
  const t = text.replace(/^\ufeff/, "");
  if (/^---\r?\n(?:[^\n]*\r?\n){0,40}?---\r?\n/.test(t) && FRONTMATTER_KEY.test(t.slice(4, 2000))) return true;
  const lines = t.split(/\r?\n/, 400);
  const first = lines.find((l) => l.trim() !== "") ?? "";
  if (/^#{1,6}\s+\S/.test(first)) return true;
  const markers = lines.filter((l) => /^(#{1,6}\s+\S|>\s|<!--.*-->\s*$)/.test(l)).length;
  return markers >= 3;
}
