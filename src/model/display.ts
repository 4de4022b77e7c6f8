/** Display forms of model values (pure): dates at their precision, level names, places. */
import type { Confidence, Evidence, Jurisdiction, Level, ValidityStatus } from "./circular.ts";

/** "2020-12-01" → 2020年12月1日; "2012" → 2012年 — the date at its real precision. */
export function formatDate(date: string | null): string {
  if (!date) return "不详";
  const [y, m, d] = date.split("-");
  return `${y}年` + (m ? `${Number(m)}月` : "") + (d ? `${Number(d)}日` : "");
}

const LEVEL_NAMES: Record<Level, string> = {
  national: "国家级",
  province: "省级",
  prefecture: "地市级",
  county: "县级",
};
export const levelName = (l: Level) => LEVEL_NAMES[l];

export function jurisdictionText(j: Jurisdiction | null): string {
  if (!j) return "";
  if (j.level === "national") return "国家";
  return [j.province, j.prefecture, j.county].filter(Boolean).join("");
}

const CONFIDENCE_NAMES: Record<Confidence, string> = { high: "高", medium: "中", low: "低" };

/** Where a header value came from, for the page: 第 3 行「发文字号」字段（可信度：中）. */
export function evidenceText(e: Evidence): string {
  return `${e.line ? `第 ${e.line} 行` : ""}${e.rule}（可信度：${CONFIDENCE_NAMES[e.confidence]}${e.inferred ? "，推定" : ""}）`;
}

const FIELD_NAMES: Record<string, string> = {
  title: "标题",
  issuers: "发文机关",
  addressees: "主送机关",
  docNumber: "发文字号",
  date: "成文日期",
  published: "发布日期",
  effective: "施行日期",
  genre: "文种",
  jurisdiction: "地区",
  publisher: "发布机构",
};

/** An editor's change, for the page: 标题, 合并条款 p2-3、p2-4, 拆分条款 p2-5. */
export function correctionText(change: string): string {
  const [verb, ...ids] = change.split(" ");
  if (verb === "merge") return `合并条款 ${ids.join("、")}`;
  if (verb === "split") return `拆分条款 ${ids.join("、")}`;
  return FIELD_NAMES[change] ?? change;
}

/** 时效性 as the pages show it. */
export const VALIDITY_NAMES: Record<ValidityStatus, string> = {
  "in-force": "现行有效",
  amended: "已被修改",
  repealed: "已废止",
  expired: "失效",
  "not-yet-in-force": "尚未施行",
  unknown: "时效不详",
};
