/**
 * 责任单位 as written → a department: the unit's full name in its jurisdiction.
 * "市应急管理局" in a 兴化 circular is 兴化市应急管理局; in 寿光's lists the 市 of the
 * first unit carries over to the ones after it (市应急管理局、发改局 → 寿光市发展和改革局).
 */
import { DEPARTMENT_ALIASES, GENERIC_UNITS } from "../config/departments.ts";
import type { Jurisdiction } from "../model/circular.ts";
import { compactKey } from "../text/keys.ts";
import { findPlaceNames } from "../ingest/header/jurisdiction.ts";

export interface Department {
  /** Unique in the library: the jurisdiction code and the anchor. */
  slug: string;
  /** The anchor on its jurisdiction's page: the normalised name itself (#寿光市应急管理局). */
  anchor: string;
  name: string;
  code: string | null;
}

/** A unit of a 责任单位 list as written, and the department it names. */
export interface UnitDepartment extends Department {
  unit: string;
}

// 市 of 市场监管局 is not a level.
const LEVEL_PREFIX = /^(省|市|县|区|州)(?!场|委员会$|政府$)/;
const DEPT_END = /(局|厅|委|办|部|队|中心|院|会|联|室|处|站|所|社|台|团委|公司|集团)$/;

function expandAlias(name: string): string {
  for (const [short, full] of Object.entries(DEPARTMENT_ALIASES)) {
    if (name.endsWith(short) && !name.endsWith(full)) return name.slice(0, -short.length) + full;
  }
  return name;
}

/** The place name a jurisdiction's departments carry (吉林省, 兴化市). */
function divisionName(j: Jurisdiction | null): string | null {
  if (!j) return null;
  return j.county ?? j.prefecture ?? j.province;
}

/** A readable anchor: the name with spacing taken out (ids cannot hold spaces). */
export const departmentAnchor = (name: string): string => compactKey(name);

export function departmentSlug(name: string, code: string | null): string {
  return `${code ?? "000000"}/${departmentAnchor(name)}`;
}

/** Normalises one clause's list of units, one entry per unit; generic ones ("相关部门") are left out. */
export function departmentsOf(units: string[], j: Jurisdiction | null): UnitDepartment[] {
  const place = divisionName(j);
  const out: UnitDepartment[] = [];
  let carried: string | null = null;
  for (const raw of units) {
    const unit = compactKey(raw);
    if (GENERIC_UNITS.test(unit) || unit.length < 2) continue;
    let name = unit;
    const prefix = LEVEL_PREFIX.exec(unit);
    // A place at the start (吉林煤监局) keeps the unit as written; county short names
    // (公安 of 公安县) are too often ordinary words to count.
    const hasPlace = findPlaceNames(unit).some(
      (m) => unit.startsWith(m.name) && (m.full || m.divisions.some((d) => d.level !== "county")),
    );
    if (hasPlace) carried = null;
    else if (prefix && place) {
      carried = prefix[1]!;
      name = place + unit.slice(1);
    } else if (carried && place && DEPT_END.test(unit) && !/^(团|中共|共青团)/.test(unit)) {
      name = place + unit;
    } else if (place && /^团(省|市|县|区)委$/.test(unit)) {
      name = `共青团${place}委员会`;
    }
    name = expandAlias(name);
    out.push({
      unit: raw,
      slug: departmentSlug(name, j?.code ?? null),
      anchor: departmentAnchor(name),
      name,
      code: j?.code ?? null,
    });
  }
  return out;
}
