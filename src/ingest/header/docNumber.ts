/**
 * 发文字号: a 文号 on a line of its own in the head, one in brackets after the title, the
 * portal's or database's field, or a regulation's promulgation order (国务院令第708号).
 */
import { findDocNumbers, findOrderNumbers, type DocNumberMatch } from "../../text/docNumber.ts";
import { toSimplified } from "../../text/keys.ts";
import { candidate, choose, type Candidate } from "./evidence.ts";
import { fieldCandidate, type FieldChoice, type PortalValue } from "./fields.ts";
import type { Head, TitleCandidate } from "./headLines.ts";
import type { Act } from "./history.ts";

/** The document's own number: a 文号 (机关代字〔年份〕序号号) or a regulation's order (国务院令第708号). */
export interface OwnNumber {
  raw: string;
  normalized: string;
  /** 机关代字 of a 文号; null for an order. */
  prefix: string | null;
  year: number | null;
  repair: string | null;
}

export interface DocNumberEvidence {
  head: Head["docNumbers"];
  title: TitleCandidate | null;
  /** The database's and the page's 文号 fields. */
  fields: PortalValue[];
  acts: Act[];
}

export function ownNumber(m: DocNumberMatch): OwnNumber {
  return {
    raw: m.raw,
    normalized: toSimplified(m.normalized),
    prefix: toSimplified(m.prefix),
    year: m.year,
    repair: m.repair,
  };
}

const orderNumber = (raw: string, normalized: string): OwnNumber => ({
  raw,
  normalized,
  prefix: null,
  year: null,
  repair: null,
});

export function docNumberCandidates(ev: DocNumberEvidence): Array<Candidate<OwnNumber>> {
  const out: Array<Candidate<OwnNumber>> = ev.head.map((d) => ({ ...d, value: ownNumber(d.value) }));
  const titled = ev.title?.cleaned.docNumber;
  if (titled) {
    const before = ev.title!.cleaned.docNumberAt === "before";
    out.push(
      candidate(
        ownNumber(titled),
        "title",
        ev.title!.line,
        before ? "medium" : "high",
        before ? "标题前所附的文号" : "标题后括注的文号",
      ),
    );
  }
  for (const f of ev.fields) {
    const found = findDocNumbers(f.value)[0];
    const order = findOrderNumbers(f.value)[0];
    if (found) out.push(fieldCandidate(f, ownNumber(found)));
    else if (order) out.push(fieldCandidate(f, orderNumber(order.raw, toSimplified(order.normalized))));
  }
  const promulgation = [...ev.acts].reverse().find((a) => a.order && a.kind === "promulgated");
  if (promulgation)
    out.push(
      candidate(
        orderNumber(promulgation.order!, promulgation.order!),
        "history",
        promulgation.line,
        "high",
        "历史沿革中的公布令号",
      ),
    );
  return out;
}

export function chooseDocNumber(ev: DocNumberEvidence): FieldChoice<OwnNumber> {
  const { chosen, lost } = choose(docNumberCandidates(ev), (a, b) => a.normalized === b.normalized);
  const v = chosen?.value;
  const warnings = v?.repair
    ? [{ line: chosen!.line, message: `文号“${v.raw}”读作“${v.normalized}”：${v.repair}` }]
    : [];
  return { chosen, lost, warnings };
}
