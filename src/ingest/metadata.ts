/**
 * What header readers share: organisation names, title endings and 文种, 主送机关 lists.
 */
import { DOCUMENT_GENRES, REGULATION_GENRES, type Genre } from "../model/circular.ts";
import { splitTopLevel } from "../text/split.ts";
import { lineKey } from "../text/keys.ts";

/** Names of organisations end like this (局, 厅, 委员会, 人民政府 …). */
const ORG_END =
  /(局|厅|委员会|委|办公室|办公厅|政府|部|办|中心|院|会|室|处|队|组|公司|集团|管委会|指挥部|署|所|站|馆|社|联|团委|总工会|党委|党组|常委会)$/;
/** What titles end with: the genres, and 方案, 要点, 规划, 预案 … (tested on a title's key). */
const TITLE_ENDINGS = [
  ...DOCUMENT_GENRES,
  ...REGULATION_GENRES,
  "令",
  "方案",
  "要点",
  "规划",
  "计划",
  "措施",
  "制度",
  "标准",
  "指南",
  "预案",
  "反馈",
  "答复",
  "说明",
  "解读",
  "清单",
  "目录",
  "安排",
  "总结",
  "规范",
  "守则",
  "导则",
  "须知",
];
export const TITLE_END = new RegExp(`(${TITLE_ENDINGS.join("|")})$`);

export function isOrgName(key: string): boolean {
  const k = key.replace(/\s+/g, "");
  return k.length >= 2 && k.length <= 40 && !/[。，,；;：:！？、《》“”"_|]|关于|的/.test(k) && ORG_END.test(k);
}

/** Joint issuers written on one line, separated by spaces: 中共X委办公厅　X人民政府办公厅. */
export function splitOrgs(key: string): string[] {
  const parts = key.split(/\s+/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => isOrgName(p)) ? parts : [key.replace(/\s+/g, "")];
}

export const isOrgLine = (key: string) => isOrgName(key.replace(/\s+/g, "")) || splitOrgs(key).every(isOrgName);

const GENRES_LONGEST_FIRST = [...DOCUMENT_GENRES, ...REGULATION_GENRES].sort((a, b) => b.length - a.length);

/**
 * 文种 from a title's ending, read on its key (so 意見 ends a title as 意见 does); the forms of
 * laws and regulations too: 实施办法 → 办法, 暂行规定 → 规定, 中华人民共和国消防法 → 法.
 */
export function genreOf(title: string): Genre | null {
  const t = lineKey(title).replace(/[\s》」』”"]+$/, "");
  for (const g of GENRES_LONGEST_FIRST) if (t.endsWith(g)) return g;
  if (t.endsWith("令")) return "命令";
  return null;
}

/**
 * 主送机关 list. 、 separates units only where the part before it names one:
 * "各市（州）、县（市、区）粮食和物资储备局" is one kind of unit in two places.
 */
export function splitAddressees(s: string): string[] {
  const out: string[] = [];
  for (const group of splitTopLevel(s, "，,；;")) {
    let pending = "";
    for (const piece of splitTopLevel(group, "、")) {
      pending = pending ? `${pending}、${piece}` : piece;
      const bare = lineKey(piece).replace(/[（(][^）)]*[）)]/g, "");
      if (isOrgName(bare) || /(企业|单位|部门|机构|学校|医院)$/.test(bare)) {
        out.push(pending);
        pending = "";
      }
    }
    if (pending) out.push(pending);
  }
  return out;
}
