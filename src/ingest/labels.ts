/**
 * Numbering labels of Chinese official documents as written: 第X编/章/节/条, 一、, （一）, 1.,
 * （1）, ① (their normalised forms, paths and anchors are model/labels.ts). Matched on the
 * original line (every width variant is in the patterns), so the label's
 * exact extent in the source is known and the rest of the line is kept verbatim.
 */
import { LABEL_KINDS, type LabelKind } from "../model/circular.ts";
import { CN_NUMERAL_CLASS, SPACE_CLASS, chineseNumber, removeSpace } from "../text/chars.ts";

export interface LabelMatch {
  kind: LabelKind;
  number: number;
  /** Leading space + label + the space after it, exactly as in the line. */
  prefix: string;
  /** The label itself as written, e.g. "（三）" or "11." */
  label: string;
  /** The line after the label, verbatim. */
  rest: string;
}

const S = `[${SPACE_CLASS}]*`;
/** Pinyin debris a mirror may print after any character of a label: 第(dì)一(yī)條(tiáo). */
const PY = "(?:[(（]\\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[1-5]?\\s*[)）])?";
const CN = `(?:[${CN_NUMERAL_CLASS}]${PY})+`;
const DIGITS = "[0-9０-９]{1,5}";
const OPEN = "[（(﹙]";
const CLOSE = "[）)﹚]";

const PATTERNS: Array<{ kind: LabelKind; re: RegExp }> = [
  { kind: "part", re: new RegExp(`^(${S})(第${PY}${S}(${CN}|${DIGITS})${S}[编編]${PY})(${S})`) },
  { kind: "chapter", re: new RegExp(`^(${S})(第${PY}${S}(${CN}|${DIGITS})${S}章${PY})(${S})`) },
  { kind: "subchapter", re: new RegExp(`^(${S})(第${PY}${S}(${CN}|${DIGITS})${S}[节節]${PY})(${S})`) },
  { kind: "article", re: new RegExp(`^(${S})(第${PY}${S}(${CN}|${DIGITS})${S}[条條]${PY})(${S})`) },
  // 一、 (also 一. and 一． as scraped pages write it); not 一是, 十分, 一批.
  { kind: "cnItem", re: new RegExp(`^(${S})((${CN})${S}[、.．])(${S})`) },
  { kind: "cnParen", re: new RegExp(`^(${S})(${OPEN}${S}(${CN})${S}${CLOSE}[、.．]?)(${S})`) },
  // 1. 1． 1、 — but not 1.5倍 or 2019.
  { kind: "num", re: new RegExp(`^(${S})((${DIGITS})${S}[.．、](?![0-9０-９]))(${S})`) },
  { kind: "numParen", re: new RegExp(`^(${S})(${OPEN}${S}(${DIGITS})${S}${CLOSE}[、.．]?)(${S})`) },
  { kind: "circled", re: new RegExp(`^(${S})(([①-⑳]))(${S})`) },
];

function toNumber(s: string): number | null {
  if (/^[①-⑳]$/.test(s)) return s.charCodeAt(0) - 0x2460 + 1;
  return chineseNumber(removeSpace(s.replace(/[(（][^)）]*[)）]/g, "")));
}

export function matchLabel(line: string): LabelMatch | null {
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const number = toNumber(m[3]!);
    if (number === null || number <= 0) continue;
    const rest = line.slice(m[0].length);
    // A label alone with nothing after it on the line and no text is still a label
    // (the heading may follow on the next line), but "1." inside running text is not.
    return { kind, number, prefix: m[0], label: m[2]!, rest };
  }
  return null;
}

export function rank(kind: LabelKind): number {
  return LABEL_KINDS.indexOf(kind);
}
