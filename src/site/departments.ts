/** Departments grouped by the jurisdiction whose circulars name them. */
import type { CorpusIndex } from "../corpus/index.ts";
import { divisionName } from "../config/gazetteer.ts";
import { pushTo } from "../model/groups.ts";
import { compareChinese } from "../text/collate.ts";

type Entry = CorpusIndex["departments"] extends Map<string, infer V> ? V : never;

const grouped = new WeakMap<CorpusIndex, Map<string, Entry[]>>();

export function departmentsByJurisdiction(index: CorpusIndex): Map<string, Entry[]> {
  let map = grouped.get(index);
  if (!map) {
    map = new Map();
    for (const e of index.departments.values()) {
      const code = e.department.code ?? "000000";
      pushTo(map, code, e);
    }
    for (const list of map.values())
      list.sort((a, b) => b.clauses.length - a.clauses.length || compareChinese(a.department.name, b.department.name));
    grouped.set(index, map);
  }
  return map;
}

export function jurisdictionName(code: string): string {
  if (code === "000000") return "地区不详";
  return divisionName(code) ?? code;
}
