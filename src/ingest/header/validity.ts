/**
 * 时效性 as a page's or a database's field states it (时效性：现行有效, status: 已废止), read into
 * one of the statuses the library shows. A word it cannot read with certainty (部分失效, 待定)
 * states nothing.
 */
import type { Evidence, ValidityStatus } from "../../model/circular.ts";
import { lineKey } from "../../text/keys.ts";
import { fieldCandidate, type PortalValue } from "./fields.ts";

const STATED: Array<[RegExp, ValidityStatus]> = [
  [/^(尚未生效|尚未施行|未生效|尚未实施)$/, "not-yet-in-force"],
  [/^(已被修改|已修改|已修正|已修订|被修改|修改)$/, "amended"],
  [/^(已废止|废止|已被废止|已撤销)$/, "repealed"],
  [/^(失效|已失效|已过期|过期|否|无效)$/, "expired"],
  [/^(有效|现行有效|现行|是|有效的|合法有效)$/, "in-force"],
];

export interface StatedValidity {
  status: ValidityStatus;
  text: string;
  evidence: Evidence;
}

/** The first field that states a status this library can show, or null. */
export function statedValidity(fields: PortalValue[]): StatedValidity | null {
  for (const f of fields) {
    const word = lineKey(f.value).replace(/\s+/g, "");
    const status = STATED.find(([re]) => re.test(word))?.[1];
    if (!status) continue;
    const { value: _value, ...evidence } = fieldCandidate(f, status);
    return { status, text: f.value.trim(), evidence };
  }
  return null;
}
