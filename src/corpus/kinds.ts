/**
 * The same rule across places: regulations of one kind (every 气象灾害防御条例, national,
 * provincial, municipal) grouped by their title stem (titles.ts), with the national one as
 * the baseline each local one is compared against — or, for a local 实施《X》办法, the
 * national X it implements.
 */
import { pinyin } from "pinyin-pro";
import { NATIONAL_CODE } from "../config/gazetteer.ts";
import type { FactsInput } from "../model/circular.ts";
import { kindStem, versionStem } from "./titles.ts";
import { pushTo } from "../model/groups.ts";
import { compareChinese } from "../text/collate.ts";

export interface Kind {
  slug: string;
  /** The stem as a reader names the kind: 气象灾害防御条例. */
  name: string;
  /** National first, then provinces, prefectures, counties; within a place, oldest first. */
  docIds: string[];
  /** The national document the others are compared against; null when the library has none. */
  baseline: string | null;
  /** How many jurisdictions have one. */
  jurisdictionCount: number;
}

const LEVEL_ORDER = { national: 0, province: 1, prefecture: 2, county: 3 } as const;

/** 气象灾害防御条例 → qixiang-zaihai-fangyu-tiaoli: word by word, so a URL can be read. */
export function kindSlug(name: string): string {
  const words = [...new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(name)].filter((s) => s.isWordLike);
  return words
    .map((w) =>
      pinyin(w.segment, { toneType: "none", type: "array", nonZh: "consecutive" })
        .join("")
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ""),
    )
    .filter(Boolean)
    .join("-");
}

/** The most frequent of the names, the first on a tie. */
function mostCommon(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].reduce((best, x) => (x[1] > best[1] ? x : best))[0];
}

export function kindsOf(docs: FactsInput[]): Kind[] {
  const groups = new Map<string, FactsInput[]>();
  const names = new Map<string, string>();
  for (const d of docs) {
    const stem = kindStem(d);
    if (!stem) continue;
    pushTo(groups, stem.key, d);
    names.set(d.id, stem.name);
  }
  const nationalByStem = new Map(
    docs.filter((d) => d.jurisdiction?.code === NATIONAL_CODE).map((d) => [versionStem(d.title), d]),
  );
  const used = new Set<string>();
  const kinds: Kind[] = [];
  for (const members of groups.values()) {
    const jurisdictions = new Set(members.map((d) => d.jurisdiction?.code ?? "?"));
    if (jurisdictions.size < 2) continue;
    const sorted = [...members].sort(
      (a, b) =>
        LEVEL_ORDER[a.jurisdiction?.level ?? "county"] - LEVEL_ORDER[b.jurisdiction?.level ?? "county"] ||
        (a.jurisdiction?.code ?? "").localeCompare(b.jurisdiction?.code ?? "") ||
        (a.date ?? "9999").localeCompare(b.date ?? "9999"),
    );
    const national = sorted.filter((d) => d.jurisdiction?.code === NATIONAL_CODE).at(-1);
    const name = national ? names.get(national.id)! : mostCommon(sorted.map((d) => names.get(d.id)!));
    const implemented = /^实施《(.+)》(?:办法|规定|条例|细则)$/.exec(name)?.[1];
    const baseline = national ?? (implemented ? nationalByStem.get(versionStem(implemented)) : undefined);
    let slug = kindSlug(name) || "kind";
    for (let k = 2; used.has(slug); k++) slug = `${kindSlug(name)}-${k}`;
    used.add(slug);
    kinds.push({
      slug,
      name,
      docIds: sorted.map((d) => d.id),
      baseline: baseline?.id ?? null,
      jurisdictionCount: jurisdictions.size,
    });
  }
  return kinds.sort((a, b) => b.jurisdictionCount - a.jurisdictionCount || compareChinese(a.name, b.name));
}
