/**
 * Header values chosen from evidence, not from the first match: each reader offers
 * candidates (value, where, how strong, by which rule), and the strongest is taken; the
 * others are kept for audit. A field whose best evidence is below what it needs stays
 * unknown, with a warning that says why.
 */
import {
  HEADER_FIELDS,
  type Confidence,
  type Evidence,
  type EvidenceSource,
  type HeaderField,
  type LostCandidate,
  type Provenance,
} from "../../model/circular.ts";

export interface Candidate<T> extends Evidence {
  value: T;
}

export function candidate<T>(
  value: T,
  from: EvidenceSource,
  line: number | null,
  confidence: Confidence,
  rule: string,
  inferred = false,
): Candidate<T> {
  return { value, from, line, confidence, rule, inferred };
}

const STRENGTH: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export const atLeast = (c: Confidence, min: Confidence) => STRENGTH[c] >= STRENGTH[min];

/**
 * The strongest candidate (by confidence, then in the order given: callers list their
 * sources from the most to the least trusted); the others whose value differs are lost.
 */
export function choose<C extends Candidate<unknown>>(
  candidates: C[],
  same: (a: C["value"], b: C["value"]) => boolean = (a, b) => a === b,
): { chosen: C | null; lost: C[] } {
  let chosen: C | null = null;
  for (const c of candidates) if (!chosen || STRENGTH[c.confidence] > STRENGTH[chosen.confidence]) chosen = c;
  return { chosen, lost: chosen ? candidates.filter((c) => !same(c.value, chosen!.value)) : candidates };
}

/** Provenance and lost candidates of a document's header, filled field by field. */
export class HeaderRecord {
  readonly provenance: Provenance = Object.fromEntries(HEADER_FIELDS.map((f) => [f, null])) as Provenance;
  readonly lost: LostCandidate[] = [];

  /** Records the outcome for `field` and returns the chosen value (or null). */
  record<T>(
    field: HeaderField,
    outcome: { chosen: Candidate<T> | null; lost: Array<Candidate<T>> },
    show: (v: T) => string,
  ): T | null {
    const { chosen, lost } = outcome;
    if (chosen) this.provenance[field] = evidenceOf(chosen);
    const seen = new Set<string>();
    for (const c of lost) {
      const value = show(c.value);
      const key = `${value}|${c.from}|${c.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.lost.push({ field, value, ...evidenceOf(c) });
    }
    return chosen ? chosen.value : null;
  }
}

function evidenceOf(c: Evidence): Evidence {
  return { from: c.from, line: c.line, confidence: c.confidence, rule: c.rule, inferred: c.inferred };
}
