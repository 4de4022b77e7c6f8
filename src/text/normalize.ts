/**
 * The normaliser family: every key the project matches, indexes or compares text by is
 * built here, on one white-space class and one traditional → simplified fold. A key is
 * never shown or stored as a circular's text: extractors match on keys and cut the
 * original characters.
 *
 * - lineKey: half-width (NFKC: full-width letters, digits and punctuation; compatibility
 *   ideographs and radicals to the unified ones), simplified, pinyin annotations removed,
 *   dashes as one, trimmed. For recognising lines.
 * - compactKey: lineKey with no white space at all, for names written with odd gaps.
 * - phraseKey: compactKey in lower case, for search, comparison and similarity.
 *
 * The fold is injected: the pipeline uses the whole table (keys.ts); the browser folds a
 * query with the part of the table it needs (script.ts), which gives the same key.
 */
import radicals from "./data/radicals.json" with { type: "json" };
import { ANY_SPACE, trimSpace } from "./chars.ts";
import { foldFrom, type Fold } from "./script.ts";

const radicalFold = foldFrom(radicals.from, radicals.to);
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;
/** Dashes fonts and typists use for one another (― for —, ─ in PDFs): one in a key. */
const DASH = /[\u2012\u2013\u2015\u2500\u30fc]/g;

/**
 * Radicals → the unified ideographs they stand for (⽣ → 生, ⺠ → 民): CJK fonts in PDFs map
 * some characters to these code points. Returns the text and how many were folded.
 */
export function foldRadicals(s: string): { text: string; count: number } {
  const count = (s.match(RADICAL) ?? []).length;
  return { text: count ? radicalFold(s) : s, count };
}

/** A tone-marked vowel, as pinyin is printed after characters on some mirror sites. */
const TONE_VOWEL = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
/**
 * A pinyin annotation right after a Han character: 發(fā), 會（huì）, 應(ying1). It needs
 * a tone mark or a tone digit, so (a) or (Ⅰ) after a character is left alone.
 */
const PINYIN_ANNOTATION = new RegExp(
  `(?<=\\p{Script=Han})[(（]\\s*(?:[a-zü]*[${TONE_VOWEL}][a-zü${TONE_VOWEL}]*|[a-zü]{1,6}[1-5])\\s*[)）]`,
  "giu",
);

/**
 * A syllable in the neutral tone has no mark (的(de), 了(le), 吗(ma)): an annotation only in a
 * text that has marked ones.
 */
const NEUTRAL_ANNOTATION =
  /(?<=\p{Script=Han})[(（]\s*(?:de|le|ma|ne|ba|zi|men|me|zhe|guo|la|ya|li|tou|shang|xia)\s*[)）]/giu;

/** The pinyin annotations of `s`: marked ones, and unmarked neutral-tone ones where there are marked ones. */
function annotations(s: string): RegExp[] {
  return s.search(PINYIN_ANNOTATION) >= 0 ? [PINYIN_ANNOTATION, NEUTRAL_ANNOTATION] : [];
}

/** Pinyin annotations after characters removed; nothing else changes. */
export function stripPinyin(s: string): string {
  return annotations(s).reduce((t, re) => t.replace(re, ""), s);
}

/**
 * The offset in `s` of offset `at` of stripPinyin(s): where a cut made on the clean text falls in the text as written.
 */
export function offsetBeforePinyin(s: string, at: number): number {
  const skip = new Set<number>();
  for (const re of annotations(s))
    for (const m of s.matchAll(re)) for (let i = m.index; i < m.index + m[0].length; i++) skip.add(i);
  let clean = 0;
  let i = 0;
  for (; i < s.length && clean < at; i++) if (!skip.has(i)) clean++;
  while (skip.has(i)) i++;
  return i;
}

export interface Keys {
  lineKey(s: string): string;
  compactKey(s: string): string;
  phraseKey(s: string): string;
  /** The fold alone (script only, nothing else changes): for tables of Chinese terms matched in text. */
  fold: Fold;
}

export function createKeys(fold: Fold): Keys {
  // NFKC and radicals first: they turn compatibility ideographs into the unified ones the fold knows.
  const base = (s: string) => fold(stripPinyin(radicalFold(s.normalize("NFKC")))).replace(DASH, "—");
  const lineKey = (s: string) => trimSpace(base(s));
  const compactKey = (s: string) => base(s).replace(ANY_SPACE, "");
  const phraseKey = (s: string) => compactKey(s).toLowerCase();
  return { lineKey, compactKey, phraseKey, fold };
}

/**
 * The phrase key of `text` with, for each of its UTF-16 units, the index in `text` of the
 * character it comes from: a match found in the key can be marked on the text as written.
 */
export function keyWithOffsets(text: string, keys: Keys): { key: string; offsets: number[] } {
  const annotated = new Set<number>();
  for (const re of annotations(text))
    for (const m of text.matchAll(re)) for (let i = m.index; i < m.index + m[0].length; i++) annotated.add(i);
  let key = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length;) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (!annotated.has(i)) {
      const k = keys.phraseKey(ch);
      key += k;
      for (let j = 0; j < k.length; j++) offsets.push(i);
    }
    i += ch.length;
  }
  return { key, offsets };
}
