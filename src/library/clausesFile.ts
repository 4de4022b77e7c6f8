/**
 * data/clauses.csv made again from the last build's. The file is its head, then each
 * document's rows in the library's order. A document whose source is as it was, in a file
 * made with the same code and for the same site address, keeps its rows' bytes, copied from
 * the last file: only new and changed documents' rows are made (making every row again took
 * 3.5–5 s of each build at 10,000 documents).
 */
import type { ClausesCsvParts } from "./files.ts";

export interface ClausesFile {
  /** The file's bytes, in pieces to be written in order (slices of the last file, and new rows). */
  pieces: Uint8Array[];
  state: ClausesCsvParts;
  /** How many documents' rows were made (the others were copied). */
  made: number;
}

/**
 * The file for `docs` in order. `rowsOf` makes a document's rows; `last` is the last file's
 * bytes and state, if any.
 */
export function clausesFile(
  head: string,
  docs: Array<{ id: string; source: string }>,
  rowsOf: (id: string) => string,
  madeWith: string,
  last: { bytes: Uint8Array; state: ClausesCsvParts } | null,
): ClausesFile {
  const kept = new Map<string, [string, number, number]>();
  if (last && last.state.madeWith === madeWith)
    for (const [id, source, start, length] of last.state.parts) kept.set(id, [source, start, length]);
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [encoder.encode(head)];
  const parts: ClausesCsvParts["parts"] = [];
  let at = pieces[0]!.length;
  let made = 0;
  for (const { id, source } of docs) {
    const was = kept.get(id);
    let piece: Uint8Array;
    // A document of no known source (not in the manifest) is always made again.
    if (was && source && was[0] === source && was[1] + was[2] <= last!.bytes.length)
      piece = last!.bytes.subarray(was[1], was[1] + was[2]);
    else {
      piece = encoder.encode(rowsOf(id));
      made++;
    }
    pieces.push(piece);
    parts.push([id, source, at, piece.length]);
    at += piece.length;
  }
  return { pieces, state: { madeWith, parts }, made };
}
