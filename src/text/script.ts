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
  const map = new Map(a.map((c, i) => [c, b[i]!]));
  if (a.length === 0) return identityFold;
  // One character class of every traditional character: the regex engine skips the rest of
  // the text at its own speed (a lookup per character was a tenth of parsing time).
  const traditional = new RegExp(`[${a.map((c) => c.replace(/[\\\]^-]/g, "\\$&")).join("")}]`, "gu");
  return (s) => s.replace(traditional, (c) => map.get(c)!);
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
