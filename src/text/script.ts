/**
 * Traditional → simplified script, one character at a time, from a table derived from
 * OpenCC (tableSources.ts writes data/t2s.json). The same table folds the texts at
 * build time and a query in the browser, so both meet in the same key.
 *
 * The browser does not load the whole table (3,000 pairs, 20 KB) for every query: a
 * query whose Chinese characters are all in GB2312 (the simplified repertoire, known
 * to every browser's GB18030 decoder) needs only the table's entries inside GB2312
 * (於, 後, 乾 …: data/t2s-common.json), which ship with the page.
 */
import common from "./data/t2s-common.json" with { type: "json" };
import { GB2312_BYTE_RANGE } from "./chars.ts";

export interface ScriptTable {
  /** Where the pairs come from. */
  source: string;
  /** Traditional characters, in code point order; `to` holds the simplified one at the same position. */
  from: string;
  to: string;
}

/** A character-for-character fold: never changes the number of characters. */
export type Fold = (s: string) => string;

export const identityFold: Fold = (s) => s;

export function foldFrom(from: string, to: string): Fold {
  const a = [...from];
  const b = [...to];
  if (a.length === 0) return identityFold;
  // The BMP characters that fold marked in a table by UTF-16 unit, so a text is read a unit at a
  // time and no string is made unless it changes (a regex of one character class was 2.3 µs a
  // line, a fifth of the ingest's parsing: every line key folds). The rest (66 of OpenCC's
  // 3,232 are outside the BMP) by their surrogate pair.
  const marked = new Uint8Array(0x10000);
  const bmp = new Map<number, string>();
  const astral = new Map<string, string>();
  a.forEach((c, i) => {
    if (c.length === 1) {
      marked[c.charCodeAt(0)] = 1;
      bmp.set(c.charCodeAt(0), b[i]!);
    } else astral.set(c, b[i]!);
  });
  return (s) => {
    let out = "";
    let copied = 0;
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      let folded: string | undefined;
      let width = 1;
      if (marked[code]) folded = bmp.get(code);
      else if (code >= 0xd800 && code < 0xdc00 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        width = 2;
        if (astral.size > 0) folded = astral.get(s.slice(i, i + 2));
      }
      if (folded !== undefined) {
        out += s.slice(copied, i) + folded;
        copied = i + width;
      }
      i += width - 1;
    }
    return copied === 0 ? s : out + s.slice(copied);
  };
}

/** The fold of a table. */
export const tableFold = (t: Pick<ScriptTable, "from" | "to">): Fold => foldFrom(t.from, t.to);

/** The entries inside GB2312: all a query of GB2312 characters needs. */
export const commonFold: Fold = tableFold(common);

let gb2312: Set<string> | null = null;

/** The GB2312 hanzi, decoded once from their byte pairs by the platform's GB18030 decoder. */
function gb2312Hanzi(): Set<string> {
  if (gb2312) return gb2312;
  const { lead, trail } = GB2312_BYTE_RANGE;
  const bytes: number[] = [];
  for (let a = lead[0]; a <= lead[1]; a++) for (let b = trail[0]; b <= trail[1]; b++) bytes.push(a, b);
  gb2312 = new Set(new TextDecoder("gb18030").decode(new Uint8Array(bytes)));
  gb2312.delete("\ufffd");
  return gb2312;
}

const HAN = /\p{Script=Han}/u;

/** True when `s` holds a Chinese character outside GB2312: only then is the whole table needed. */
export function needsFullTable(s: string): boolean {
  const gb = gb2312Hanzi();
  for (const c of s) if (HAN.test(c) && !gb.has(c)) return true;
  return false;
}

/**
 * The fold for texts met in the browser: the common entries, or the whole table when a
 * text needs it (fetched once by `loadTable`). Gives the same keys as the pipeline's fold.
 */
export function browserFold(loadTable: () => Promise<ScriptTable>): (texts: string[]) => Promise<Fold> {
  let full: Promise<Fold> | null = null;
  return (texts) => {
    if (!texts.some(needsFullTable)) return Promise.resolve(commonFold);
    full ??= loadTable().then(tableFold);
    return full;
  };
}
