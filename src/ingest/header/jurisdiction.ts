/**
 * 地区 and 层级 from ranked evidence, resolved against the GB/T 2260 gazetteer:
 * - the issuers (落款, 版头, a regulation's maker) and the title's prefix name the place
 *   (吉林市人民政府 → 220200; 上海市防汛条例 → 310000), or say the document is national
 *   (国务院, 中华人民共和国…, a ministry, a national 文号 prefix, a law whose title names no place);
 * - the 文号's 机关代字 (鲁 → 山东省; 國發 folded to 国发 → national);
 * - the portal's pages around it (its menu names its place) and the body are weak: the body
 *   counts each distinct full name with its suffix (寿光市, not 寿光) once, and only where
 *   it agrees with the portal or refines a stronger place.
 * A short name that is also an everyday word (公安 of 公安县, 会同 of 会同县) is never read as
 * a place: which short names those are is read from jieba's dictionary (a word of another
 * part of speech than a place name, and common), not listed by hand.
 * Weak or conflicting evidence gives no place, with a warning: unknown rather than wrong.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { EvidenceSource, Jurisdiction } from "../../model/circular.ts";
import { jurisdictionText } from "../../model/display.ts";
import { NATIONAL_CODE, chainOf, divisionsByCode, type Division } from "../../config/gazetteer.ts";
import { toSimplified } from "../../text/keys.ts";
import { stripPinyin } from "../../text/normalize.ts";
import {
  CITY_ABBREVIATIONS,
  NATIONAL_ISSUER,
  NATIONAL_PREFIXES,
  PROVINCE_ABBREVIATIONS,
} from "../../config/abbreviations.ts";
import { candidate, choose, type Candidate } from "./evidence.ts";

/** A dictionary word this common, and not a place name, is an everyday word. */
const EVERYDAY_WORD_FREQUENCY = 50;

let everyday: Set<string> | null = null;

/**
 * Names of divisions that are everyday words, from jieba's dictionary ("word freq tag"):
 * short names (公安, 会同) and the odd full name (城区, 矿区).
 */
export function everydayWords(): Set<string> {
  if (everyday) return everyday;
  const shortNames = new Set([...divisionsByCode().values()].flatMap((d) => [d.shortName, d.name]));
  const dict = readFileSync(createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt"), "utf8");
  everyday = new Set();
  // Line by line without splitting the whole dictionary: only a line whose word is a
  // division's name is read further (every process that parses pays for this).
  for (let at = 0; at < dict.length;) {
    const end = dict.indexOf("\n", at);
    const stop = end < 0 ? dict.length : end;
    const space = dict.indexOf(" ", at);
    if (space > at && space < stop && shortNames.has(dict.slice(at, space))) {
      const [freq, tag] = dict.slice(space + 1, stop).split(" ");
      if (tag !== "ns" && Number(freq) >= EVERYDAY_WORD_FREQUENCY) everyday.add(dict.slice(at, space));
    }
    at = stop + 1;
  }
  return everyday;
}

/** A trie of the names by UTF-16 unit: a node is a name's prefix, with the name's divisions where one ends. */
interface NameNode {
  next: Map<number, NameNode>;
  divisions?: Division[];
}
let index: NameNode | null = null;

/** Full names, and short names that are not everyday words, of every division. */
function nameIndex() {
  if (index) return index;
  const names = new Map<string, Division[]>();
  const add = (name: string, d: Division) => {
    if (name.length < 2) return;
    const list = names.get(name) ?? [];
    if (!list.includes(d)) list.push(d);
    names.set(name, list);
  };
  const words = everydayWords();
  for (const d of divisionsByCode().values()) {
    if (!words.has(d.name)) add(d.name, d);
    if (!words.has(d.shortName)) add(d.shortName, d);
    // An autonomous area written short, as its own bodies sign: 张家川县 for 张家川回族自治县, 延边州, 广西自治区.
    const autonomous = /自治(区|州|县|旗)$/.exec(d.name);
    if (autonomous) add(d.shortName + (autonomous[1] === "区" ? "自治区" : autonomous[1]!), d);
  }
  // Most characters start no name, so most positions of a long body cost one lookup, and none
  // makes a string (a slice per candidate length was a fifth of the ingest's parsing).
  const root: NameNode = { next: new Map() };
  for (const [name, divisions] of names) {
    let node = root;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map() }));
      node = child;
    }
    node.divisions = divisions;
  }
  index = root;
  return index;
}

/** The state's own name is no place (中华人民共和国 would read as 共和县): blanked, so positions stay. */
function withoutStateName(text: string): string {
  return text.replace(/中华人民共和国|中国共产党|人民共和国/g, (m) => "\u3000".repeat(m.length));
}

export interface PlaceName {
  name: string;
  divisions: Division[];
  full: boolean;
  index: number;
}

/** Division names in `text`, longest match first at each position. */
export function findPlaceNames(raw: string): PlaceName[] {
  const root = nameIndex();
  const text = withoutStateName(toSimplified(stripPinyin(raw)));
  const out: PlaceName[] = [];
  for (let i = 0; i < text.length;) {
    // The longest name starting here.
    let found = 0;
    let divisions: Division[] | undefined;
    let node = root.next.get(text.charCodeAt(i));
    for (let end = i + 1; node; node = node.next.get(text.charCodeAt(end++))) {
      if (node.divisions) {
        found = end - i;
        divisions = node.divisions;
      }
    }
    if (divisions) {
      const name = text.slice(i, i + found);
      out.push({
        name,
        divisions,
        full: divisions.some((d) => d.name === name || (d.shortName !== name && /自治[区州县旗]$/.test(d.name))),
        index: i,
      });
    }
    i += found || 1;
  }
  return out;
}

const isUnder = (d: Division, ancestor: Division) => chainOf(d).includes(ancestor);

/**
 * The place a name at the start of `text` denotes (中共山东省委办公厅 → 山东省; 吉林省吉林市 →
 * 吉林市): consecutive names, each read inside the one before; an ambiguous short name
 * (吉林: the province or its city) is the higher division.
 */
export function divisionAtStart(raw: string): { division: Division; full: boolean } | null {
  const text = toSimplified(raw).replace(/^(中共|中国共产党)/, "");
  let at = 0;
  let current: Division | null = null;
  let full = false;
  for (const hit of findPlaceNames(text)) {
    if (hit.index !== at) break;
    const options: Division[] = current ? hit.divisions.filter((d) => isUnder(d, current!)) : hit.divisions;
    if (options.length === 0) break;
    current = options.reduce((a, b) => (chainOf(a).length <= chainOf(b).length ? a : b));
    full = hit.full;
    at += hit.name.length;
  }
  return current ? { division: current, full } : null;
}

export function toJurisdiction(d: Division): Jurisdiction {
  const chain = chainOf(d);
  const at = (level: Division["level"]) => chain.find((x) => x.level === level)?.name ?? null;
  return { province: at("province"), prefecture: at("prefecture"), county: at("county"), level: d.level, code: d.code };
}

export const NATIONAL: Jurisdiction = {
  province: null,
  prefecture: null,
  county: null,
  level: "national",
  code: NATIONAL_CODE,
};

export interface JurisdictionEvidence {
  /** Issuers with where they were read (落款, 版头, history, portal). */
  issuers: Array<{ name: string; from: EvidenceSource; line: number | null }>;
  title: { text: string; line: number | null } | null;
  /** The document's own 机关代字. */
  docNumberPrefix: { prefix: string; line: number | null } | null;
  /** A law or regulation (法, 条例 …, or with history lines): a title without a place makes it national. */
  isRegulation: boolean;
  /** The portal's chrome lines around the document. */
  chrome: Array<{ text: string; line: number }>;
  body: string;
  /** The levels the writer's own words allow (writerLevel). */
  writerLevel?: WriterLevel | null;
}

type JurisdictionCandidate = Candidate<Jurisdiction> & { division: Division | null };

const national = (from: EvidenceSource, line: number | null, rule: string): JurisdictionCandidate => ({
  ...candidate(NATIONAL, from, line, "high", rule),
  division: null,
});
const local = (
  d: Division,
  from: EvidenceSource,
  line: number | null,
  confidence: "high" | "medium" | "low",
  rule: string,
): JurisdictionCandidate => ({ ...candidate(toJurisdiction(d), from, line, confidence, rule), division: d });

/** Municipalities: provinces whose bodies are 市 bodies (市政府办公厅 of 北京市). */
const MUNICIPALITIES = new Set(["110000", "120000", "310000", "500000"]);

/**
 * The levels a document's writer can be at, from its own words: a body named without its
 * place (省政府办公厅, 市政府办公室, 县应急管理局) and its 主送机关 (各市人民政府、省政府各部门 is
 * a province writing; 各县（市、区）…市直各部门 a prefecture; 各乡镇、街道 a county).
 */
export interface WriterLevel {
  allows(d: Division): boolean;
  rule: string;
}

export function writerLevel(issuers: string[], addressees: string[]): WriterLevel | null {
  const bare = issuers
    .map((n) => toSimplified(n).replace(/^中共/, ""))
    .find((n) => /^(省|市|县|区|旗|州|盟|自治区)/.test(n) && !divisionAtStart(n));
  if (bare) {
    const rule = `发文机关“${bare}”未冠地名`;
    if (/^(省|自治区)/.test(bare)) return { allows: (d) => d.level === "province", rule };
    if (/^市/.test(bare)) return { allows: (d) => d.level !== "province" || MUNICIPALITIES.has(d.code), rule };
    if (/^(州|盟)/.test(bare)) return { allows: (d) => d.level === "prefecture", rule };
    return { allows: (d) => d.level === "county", rule };
  }
  const to = toSimplified(addressees.join("、")).replace(/[（）()]/g, "");
  const rule = `主送机关“${addressees.join("、").slice(0, 30)}”`;
  if (/乡镇|街道|各镇|各乡|县直|区直|县政府各|区政府各/.test(to)) return { allows: (d) => d.level === "county", rule };
  if (
    /省直|省政府各|省各|各地级以上市|各设区市|各设区的市|各省辖市|各地州市|各市州|各州市|各盟市|(^|、|，|,)各市(?!县|区|辖)/.test(
      to,
    ) &&
    !/各省/.test(to)
  )
    return { allows: (d) => d.level === "province", rule };
  if (/各县市区|各县区|各区县|各区市县|各县市|各县级市|市直|市政府各|市各有关|市各委|市各部门|市各直属/.test(to))
    return { allows: (d) => d.level === "prefecture" || (MUNICIPALITIES.has(d.code) && /各区/.test(to)), rule };
  return null;
}

let byFirstCharacter: Map<string, Division[]> | null = null;

/** Prefectures and counties by the first character of their short name (鲁 → 鲁山县, 鲁甸县). */
function divisionsByFirstCharacter(): Map<string, Division[]> {
  if (byFirstCharacter) return byFirstCharacter;
  byFirstCharacter = new Map();
  for (const d of divisionsByCode().values()) {
    if (d.level === "province") continue;
    const list = byFirstCharacter.get(d.shortName[0]!) ?? [];
    list.push(d);
    byFirstCharacter.set(d.shortName[0]!, list);
  }
  return byFirstCharacter;
}

/**
 * Every place a 文号's 机关代字 may stand for: a province by its 简称 (鲁), a city by a
 * conventional one (筑, 穗; 宁 is 宁夏 and 南京), and every prefecture and county whose name
 * starts with its first character (鲁 is also 鲁山县 and 鲁甸县). National prefixes are national.
 */
export function abbreviationDivisions(prefix: string): { national: boolean; divisions: Division[] } | null {
  const p = toSimplified(prefix);
  if (NATIONAL_PREFIXES.some((n) => p.startsWith(n))) return { national: true, divisions: [] };
  const out = new Set<Division>();
  for (const [key, code] of Object.entries(PROVINCE_ABBREVIATIONS))
    if (p.startsWith(key)) out.add(divisionsByCode().get(code)!);
  for (const [key, code] of Object.entries(CITY_ABBREVIATIONS))
    if (p.startsWith(key)) out.add(divisionsByCode().get(code)!);
  for (const d of divisionsByFirstCharacter().get(p[0]!) ?? []) {
    // 吉市政发: a city's abbreviation may add the first character of its suffix (吉林市 → 吉市).
    if (p.length < 2 || !/^[市县区州]/.test(p.slice(1)) || d.name.endsWith(p[1]!)) out.add(d);
  }
  return out.size ? { national: false, divisions: [...out] } : null;
}

/** The one place of `options` that the evidence leaves, with what left it; null when none or several remain. */
function resolveAbbreviation(
  options: Division[],
  level: WriterLevel | null,
  mentioned: Set<Division>,
): { division: Division; rule: string } | null {
  const byLevel = level ? options.filter((d) => level.allows(d)) : options;
  // Places one inside another (潍坊市 and its 潍城区; the body's 苏州市 and 苏州工业园区): the writer is the higher.
  const tops = (ds: Division[]) => ds.filter((d) => !ds.some((o) => o !== d && isUnder(d, o)));
  const one = tops(byLevel);
  if (one.length === 1) return { division: one[0]!, rule: level ? `，${level.rule}` : "" };
  // Named in full in the body itself: a city the body names does not vouch for its province.
  const agreed = tops(byLevel.filter((d) => mentioned.has(d)));
  if (agreed.length === 1) return { division: agreed[0]!, rule: `${level ? `，${level.rule}` : ""}，正文亦提及` };
  return null;
}

/** Every piece of place evidence, strongest sources first. */
export function jurisdictionCandidates(ev: JurisdictionEvidence, weak = weakDivisions(ev)): JurisdictionCandidate[] {
  const out: JurisdictionCandidate[] = [];
  for (const issuer of ev.issuers) {
    const name = toSimplified(issuer.name);
    const place = divisionAtStart(name);
    if (place)
      out.push(
        local(place.division, issuer.from, issuer.line, place.full ? "high" : "medium", `发文机关“${issuer.name}”`),
      );
    else if (NATIONAL_ISSUER.test(name))
      out.push(national(issuer.from, issuer.line, `发文机关“${issuer.name}”为中央机关`));
  }
  if (ev.title) {
    const title = toSimplified(ev.title.text);
    const place = divisionAtStart(title);
    if (/^中华人民共和国/.test(title)) out.push(national("title", ev.title.line, "标题冠以“中华人民共和国”"));
    else if (place)
      out.push(local(place.division, "title", ev.title.line, place.full ? "high" : "medium", "标题开头的地名"));
    else if (NATIONAL_ISSUER.test(title)) out.push(national("title", ev.title.line, "标题开头为中央机关"));
    else if (ev.isRegulation && ev.issuers.every((i) => !divisionAtStart(i.name)))
      out.push(national("title", ev.title.line, "法规标题未冠地名"));
  }
  if (ev.docNumberPrefix) {
    // A 机关代字 most places share (鲁 is 山东省 and 鲁山县): only where the writer's level or the body leaves one.
    const { prefix, line } = ev.docNumberPrefix;
    const abbr = abbreviationDivisions(prefix);
    if (abbr?.national) out.push({ ...national("docNumber", line, `文号机关代字“${prefix}”`), confidence: "medium" });
    else if (abbr) {
      const one = resolveAbbreviation(abbr.divisions, ev.writerLevel ?? null, weak.body);
      if (one) out.push(local(one.division, "docNumber", line, "medium", `文号机关代字“${prefix}”${one.rule}`));
    }
  }
  return out;
}

/** Places the portal's pages name (its menu: 走进寿光), and full names in the body, each once. */
function weakDivisions(ev: JurisdictionEvidence): { chrome: Map<Division, number>; body: Set<Division> } {
  const chrome = new Map<Division, number>();
  for (const c of ev.chrome) {
    for (const hit of findPlaceNames(c.text))
      if (hit.divisions.length === 1 && !chrome.has(hit.divisions[0]!)) chrome.set(hit.divisions[0]!, c.line);
  }
  const body = new Set<Division>();
  for (const hit of findPlaceNames(ev.body)) if (hit.full && hit.divisions.length === 1) body.add(hit.divisions[0]!);
  return { chrome, body };
}

export interface JurisdictionReading {
  chosen: JurisdictionCandidate | null;
  lost: JurisdictionCandidate[];
  /** Why there is no place, in Chinese, when there is none. */
  unknownBecause: string | null;
}

export function readJurisdiction(ev: JurisdictionEvidence): JurisdictionReading {
  const weak = weakDivisions(ev);
  const strong = jurisdictionCandidates(ev, weak);
  let { chosen, lost } = choose(strong, (a, b) => a.code === b.code);
  // Of equally strong places on one line of descent, the lowest: a city's regulation made by
  // its congress and approved by the province's is the city's.
  const deeper =
    chosen &&
    lost.filter(
      (l) =>
        l.confidence === chosen!.confidence && l.division && chosen!.division && isUnder(l.division, chosen!.division),
    );
  if (chosen && deeper?.length) {
    const deepest = deeper.sort((a, b) => chainOf(b.division!).length - chainOf(a.division!).length)[0]!;
    lost = [chosen, ...lost.filter((l) => l !== deepest)];
    chosen = deepest;
  }
  if (!chosen) {
    // Only weak evidence: the portal names its place and the body names it in full.
    const agreed = [...weak.chrome].find(([d]) => [...weak.body].some((b) => b === d || isUnder(b, d)));
    if (agreed) {
      const [d, line] = agreed;
      const deepest =
        [...weak.body].filter((b) => isUnder(b, d)).sort((a, b) => chainOf(b).length - chainOf(a).length)[0] ?? d;
      chosen = local(deepest, "chrome", line, "medium", `网站所属地“${d.name}”，正文亦提及“${deepest.name}”`);
    }
  }
  // The writer's own words give its level: a place read from weaker evidence at another level is not it.
  const level = ev.writerLevel;
  if (chosen && level && chosen.division && chosen.confidence !== "high" && !level.allows(chosen.division)) {
    return {
      chosen: null,
      lost: [chosen, ...lost],
      unknownBecause: `地区不详：${chosen.rule}指向${chosen.division.name}，与${level.rule}所示的层级不符`,
    };
  }
  if (
    chosen &&
    lost.some(
      (l) =>
        l.confidence === chosen!.confidence &&
        l.division &&
        chosen!.division &&
        !isUnder(l.division, chosen!.division) &&
        !isUnder(chosen!.division, l.division),
    )
  ) {
    const other = lost.find((l) => l.confidence === chosen!.confidence)!;
    const says = (c: JurisdictionCandidate) => `${c.rule}指向${jurisdictionText(c.value)}`;
    return {
      chosen: null,
      lost: [chosen, ...lost],
      unknownBecause: `地区证据相互矛盾：${says(chosen)}，${says(other)}`,
    };
  }
  if (!chosen) {
    const named = [...weak.body].map((d) => d.name).slice(0, 3);
    return {
      chosen: null,
      lost,
      unknownBecause: named.length
        ? `地区不详：发文机关、标题、文号均未指明地区（正文提及${named.join("、")}，不足为凭）`
        : "地区不详：发文机关、标题、文号均未指明地区",
    };
  }
  return { chosen, lost, unknownBecause: null };
}

/** The place, or null, of a document known only by a few facts (a cited title and 文号). */
export function jurisdictionOf(
  ev: Pick<JurisdictionEvidence, "issuers" | "title" | "docNumberPrefix">,
): Jurisdiction | null {
  return readJurisdiction({ ...ev, isRegulation: false, chrome: [], body: "" }).chosen?.value ?? null;
}
