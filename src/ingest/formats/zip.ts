/**
 * Reading a zip container (.docx, .ofd) safely: entries are checked against size limits
 * from the central directory before anything is inflated, so a zip bomb is refused, not
 * expanded; a damaged or truncated zip is one clear message.
 */
import { unzipSync } from "fflate";

/** No entry of a document needs more than this, nor all of them together more than the total. */
export const ZIP_LIMITS = { entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, ratio: 200 };

export type ZipRead = { ok: true; files: Map<string, Uint8Array> } | { ok: false; message: string };

export function readZip(bytes: Uint8Array, wanted: (name: string) => boolean): ZipRead {
  let refused: string | null = null;
  let total = 0;
  try {
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        total += f.originalSize;
        if (
          f.originalSize > ZIP_LIMITS.entryBytes ||
          total > ZIP_LIMITS.totalBytes ||
          (f.size > 0 && f.originalSize / f.size > ZIP_LIMITS.ratio && f.originalSize > 1024 * 1024)
        ) {
          refused ??=
            `refused before inflating: entry ${f.name} would inflate ${f.size} bytes to ${f.originalSize} (limits:` +
            ` ${ZIP_LIMITS.entryBytes} bytes an entry, ratio ${ZIP_LIMITS.ratio}): a zip bomb or not a document`;
        }
        return refused === null;
      },
    });
    if (refused) return { ok: false, message: refused };
    return { ok: true, files: new Map(Object.entries(files)) };
  } catch (e) {
    if (refused) return { ok: false, message: refused };
    return { ok: false, message: `damaged or truncated zip container: ${(e as Error).message}` };
  }
}

/** An entry's text (UTF-8). */
export const entryText = (files: Map<string, Uint8Array>, name: string): string | null => {
  const b = files.get(name);
  return b ? new TextDecoder().decode(b) : null;
};
