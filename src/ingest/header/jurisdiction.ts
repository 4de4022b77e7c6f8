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
import { NATIONAL_CODE, chainOf, divisionsByCode, type Division } from "../../config/gazetteer.ts";
import { toSimplified } from "../../text/keys.ts";
import { LOCAL_ABBREVIATIONS, NATIONAL_ISSUER, NATIONAL_PREFIXES, PROVINCE_ABBREVIATIONS } from "../../config/abbreviations.ts";
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
  for (let at = 0; at < dict.length; ) {
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

let index: { names: Map<string, Division[]>; lengths: Map<string, number[]> } | null = null;

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
  }
  // By first character, the lengths of the names starting with it, longest first: most
  // characters start none, so most positions of a long body cost one lookup.
  const lengths = new Map<string, number[]>();
  for (const name of names.keys()) {
    const list = lengths.get(name[0]!) ?? [];
    if (!list.includes(name.length)) list.push(name.length);
    lengths.set(name[0]!, list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  index = { names, lengths };
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
  const { names, lengths } = nameIndex();
  const text = withoutStateName(toSimplified(raw));
  const out: PlaceName[] = [];
  for (let i = 0; i < text.length; ) {
    let found = 0;
    for (const len of lengths.get(text[i]!) ?? []) {
      if (i + len > text.length) continue;
      const ds = names.get(text.slice(i, i + len));
      if (ds) {
        out.push({ name: text.slice(i, i + len), divisions: ds, full: ds.some((d) => d.name === text.slice(i, i + len)), index: i });
        found = len;
        break;
      }
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
export function placeAtStart(raw: string): { division: Division; full: boolean } | null {
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

export const NATIONAL: Jurisdiction = { province: null, prefecture: null, county: null, level: "national", code: NATIONAL_CODE };

export interface PlaceEvidence {
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
}

type PlaceCandidate = Candidate<Jurisdiction> & { division: Division | null };

const national = (from: EvidenceSource, line: number | null, rule: string): PlaceCandidate => ({ ...candidate(NATIONAL, from, line, "high", rule), division: null });
const local = (d: Division, from: EvidenceSource, line: number | null, confidence: "high" | "medium" | "low", rule: string): PlaceCandidate => ({ ...candidate(toJurisdiction(d), from, line, confidence, rule), division: d });

function abbreviationPlace(prefix: string): { division: Division | null; national: boolean } | null {
  const p = toSimplified(prefix);
  if (NATIONAL_PREFIXES.some((n) => p.startsWith(n))) return { division: null, national: true };
  const longest = (table: Record<string, string>) => Object.keys(table).filter((k) => p.startsWith(k)).sort((a, b) => b.length - a.length)[0];
  const localKey = longest(LOCAL_ABBREVIATIONS);
  if (localKey) return { division: divisionsByCode().get(LOCAL_ABBREVIATIONS[localKey]!) ?? null, national: false };
  const provinceKey = longest(PROVINCE_ABBREVIATIONS);
  return provinceKey ? { division: divisionsByCode().get(PROVINCE_ABBREVIATIONS[provinceKey]!) ?? null, national: false } : null;
}

/** Every piece of place evidence, strongest sources first. */
export function placeCandidates(ev: PlaceEvidence): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const issuer of ev.issuers) {
    const name = toSimplified(issuer.name);
    const place = placeAtStart(name);
    if (place) out.push(local(place.division, issuer.from, issuer.line, place.full ? "high" : "medium", `发文机关“${issuer.name}”`));
    else if (NATIONAL_ISSUER.test(name)) out.push(national(issuer.from, issuer.line, `发文机关“${issuer.name}”为中央机关`));
  }
  if (ev.title) {
    const title = toSimplified(ev.title.text);
    const place = placeAtStart(title);
    if (/^中华人民共和国/.test(title)) out.push(national("title", ev.title.line, "标题冠以“中华人民共和国”"));
    else if (place) out.push(local(place.division, "title", ev.title.line, place.full ? "high" : "medium", "标题开头的地名"));
    else if (NATIONAL_ISSUER.test(title)) out.push(national("title", ev.title.line, "标题开头为中央机关"));
    else if (ev.isRegulation && ev.issuers.every((i) => !placeAtStart(i.name))) out.push(national("title", ev.title.line, "法规标题未冠地名"));
  }
  if (ev.docNumberPrefix) {
    const abbr = abbreviationPlace(ev.docNumberPrefix.prefix);
    if (abbr?.national) out.push({ ...national("docNumber", ev.docNumberPrefix.line, `文号机关代字“${ev.docNumberPrefix.prefix}”`), confidence: "medium" });
    else if (abbr?.division) out.push(local(abbr.division, "docNumber", ev.docNumberPrefix.line, "medium", `文号机关代字“${ev.docNumberPrefix.prefix}”`));
  }
  return out;
}

/** Places the portal's pages name (its menu: 走进寿光), and full names in the body, each once. */
function weakPlaces(ev: PlaceEvidence): { chrome: Map<Division, number>; body: Set<Division> } {
  const chrome = new Map<Division, number>();
  for (const c of ev.chrome) {
    for (const hit of findPlaceNames(c.text)) if (hit.divisions.length === 1 && !chrome.has(hit.divisions[0]!)) chrome.set(hit.divisions[0]!, c.line);
  }
  const body = new Set<Division>();
  for (const hit of findPlaceNames(ev.body)) if (hit.full && hit.divisions.length === 1) body.add(hit.divisions[0]!);
  return { chrome, body };
}

export interface PlaceReading {
  chosen: PlaceCandidate | null;
  lost: PlaceCandidate[];
  /** Why there is no place, in Chinese, when there is none. */
  unknownBecause: string | null;
}

export function readJurisdiction(ev: PlaceEvidence): PlaceReading {
  const strong = placeCandidates(ev);
  const weak = weakPlaces(ev);
  let { chosen, lost } = choose(strong, (a, b) => a.code === b.code);
  // Of equally strong places on one line of descent, the lowest: a city's regulation made by
  // its congress and approved by the province's is the city's.
  const deeper = chosen && lost.filter((l) => l.confidence === chosen!.confidence && l.division && chosen!.division && isUnder(l.division, chosen!.division));
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
      const deepest = [...weak.body].filter((b) => isUnder(b, d)).sort((a, b) => chainOf(b).length - chainOf(a).length)[0] ?? d;
      chosen = local(deepest, "chrome", line, "medium", `网站所属地“${d.name}”，正文亦提及“${deepest.name}”`);
    }
  }
  if (chosen && lost.some((l) => l.confidence === chosen!.confidence && l.division && chosen!.division && !isUnder(l.division, chosen!.division) && !isUnder(chosen!.division, l.division))) {
    const other = lost.find((l) => l.confidence === chosen!.confidence)!;
    return { chosen: null, lost: [chosen, ...lost], unknownBecause: `地区证据相互矛盾：${chosen.rule}指向${chosen.value.province ?? ""}${chosen.value.prefecture ?? ""}${chosen.value.county ?? ""}，${other.rule}指向${other.value.province ?? ""}${other.value.prefecture ?? ""}${other.value.county ?? ""}` };
  }
  if (!chosen) {
    const named = [...weak.body].map((d) => d.name).slice(0, 3);
    return { chosen: null, lost, unknownBecause: named.length ? `地区不详：发文机关、标题、文号均未指明地区（正文提及${named.join("、")}，不足为凭）` : "地区不详：发文机关、标题、文号均未指明地区" };
  }
  return { chosen, lost, unknownBecause: null };
}

/** The place, or null, of a document known only by a few facts (a cited title and 文号). */
export function jurisdictionOf(ev: Pick<PlaceEvidence, "issuers" | "title" | "docNumberPrefix">): Jurisdiction | null {
  return readJurisdiction({ ...ev, isRegulation: false, chrome: [], body: "" }).chosen?.value ?? null;
}
