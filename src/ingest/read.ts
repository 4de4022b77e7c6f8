/**
 * Bytes → text. Encoding comes from the byte-order mark when there is one, else from
 * jschardet's detection (GB2312/GBK answers are decoded as GB18030, their superset),
 * decoded with iconv-lite. Binary and empty input are errors, located at line 1.
 */
import iconv from "iconv-lite";
import jschardet from "jschardet";

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; message: string };

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "UTF-8"],
  [[0xff, 0xfe], "UTF-16LE"],
  [[0xfe, 0xff], "UTF-16BE"],
];

/** jschardet's names → the encoding iconv-lite should decode with. */
function decoderFor(detected: string): string | null {
  const name = detected.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (name === "ASCII" || name === "UTF8") return "UTF-8";
  if (name === "GB2312" || name === "GBK" || name === "GB18030" || name === "HZGB2312") return "GB18030";
  if (name === "BIG5") return "Big5";
  if (name === "UTF16LE" || name === "UTF16BE") return name === "UTF16LE" ? "UTF-16LE" : "UTF-16BE";
  if (iconv.encodingExists(detected)) return detected;
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Share of characters that plausibly belong to a Chinese circular. */
function plausibleShare(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0xa0
    )
      good++;
  }
  return good / [...text].length;
}

/** UTF-16 without a BOM: jschardet calls it binary, so try both byte orders. */
function guessBomlessUtf16(bytes: Uint8Array): Decoded | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  for (const enc of ["UTF-16LE", "UTF-16BE"]) {
    const text = iconv.decode(Buffer.from(bytes), enc);
    if (plausibleShare(text) > 0.97) return { ok: true, text, encoding: enc };
  }
  return null;
}

function looksBinary(text: string): boolean {
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c)) bad++;
  }
  return bad > 0 && bad / text.length > 0.01;
}

/**
 * Bytes in a declared encoding (an HTML page's charset, by its WHATWG name). GBK and GB2312
 * are read as GB18030, their superset.
 */
export function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  const enc = decoderFor(encoding) ?? encoding;
  if (!iconv.encodingExists(enc)) return { ok: false, message: `unknown encoding ${encoding}` };
  return finish(iconv.decode(Buffer.from(bytes), enc), `${enc} (declared)`);
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, message: "empty file" };
  for (const [bom, enc] of BOMS) {
    if (startsWith(bytes, bom)) {
      const text = iconv.decode(Buffer.from(bytes.subarray(bom.length)), enc);
      return finish(text, `${enc} with BOM`);
    }
  }
  const buffer = Buffer.from(bytes);
  // A NUL byte never occurs in GBK or UTF-8 text: either UTF-16 or binary.
  if (buffer.includes(0)) {
    return guessBomlessUtf16(bytes) ?? { ok: false, message: "binary file (contains NUL bytes), not a text circular" };
  }
  // Valid UTF-8 with multi-byte characters is UTF-8: other encodings almost never validate.
  const utf8 = strictUtf8(buffer);
  if (utf8 !== null) return finish(utf8, "UTF-8");
  const candidates = jschardet.detectAll(buffer, { minimumThreshold: 0 });
  for (const c of candidates) {
    const enc = c.encoding ? decoderFor(c.encoding) : null;
    if (!enc) continue;
    const text = iconv.decode(buffer, enc);
    if (!text.includes("\ufffd") || enc === "UTF-8") return finish(text, enc);
  }
  // Nothing decodes cleanly: fall back to UTF-8 and let the binary check decide.
  return finish(iconv.decode(buffer, "UTF-8"), "UTF-8");
}

function strictUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

function finish(text: string, encoding: string): Decoded {
  if (text.trim().length === 0) return { ok: false, message: "empty file (only white space)" };
  if (looksBinary(text))
    return { ok: false, message: `binary file (undecodable bytes as ${encoding}), not a text circular` };
  return { ok: true, text, encoding };
}

export type LineEnding = "LF" | "CRLF" | "CR" | "mixed" | "none";

/** Splits on CRLF, CR or LF, keeping each line's characters as they are. */
export function splitLines(text: string): { lines: string[]; lineEnding: LineEnding } {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  const lineEnding: LineEnding = kinds === 0 ? "none" : kinds > 1 ? "mixed" : crlf ? "CRLF" : cr ? "CR" : "LF";
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return { lines, lineEnding };
}
